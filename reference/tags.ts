import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import { clean } from "./plain-text.js";

/** The tag styles written out from docs/domain.md's examples, independently of the runtime's; names cleaned as titles are. */
const styles: Record<ResolvedPolicy["crm"]["tagStyle"], (sessionType: string) => string | undefined> = {
  none: () => undefined,
  snake_case: (sessionType) =>
    sessionType
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w !== "")
      .join("_"),
  parentheses_as_dash: (sessionType) =>
    clean(sessionType)
      .replace(/\s*\(([^)]*)\)/g, " - $1")
      .trim(),
  verbatim: (sessionType) => clean(sessionType),
};

/** Tags of a record: the session type in the CRM's tag style, cut to its limit, then the platform tag. */
export function referenceTags(policy: ResolvedPolicy, sessionType: string): string[] {
  const { crm } = policy;
  if (!crm.tags) return [];
  const tags: string[] = [];
  if (policy.tags.sessionType) {
    const tag = styles[crm.tagStyle](sessionType) ?? "";
    tags.push(crm.tagLimit > 0 ? Array.from(tag).slice(0, crm.tagLimit).join("") : tag);
  }
  if (policy.tags.platform) tags.push(crm.platformTag);
  return tags.filter((t) => t !== "");
}
