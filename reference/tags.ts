import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import { clean } from "./plain-text.js";

/** Tags of a record, written out per CRM from docs/domain.md's examples; names cleaned as titles are. */
export function referenceTags(policy: ResolvedPolicy, sessionType: string): string[] {
  const system = policy.crm.system;
  if (system === "salesforce") return [];
  const tags: string[] = [];
  if (policy.tags.sessionType) {
    if (system === "zendesk") tags.push(sessionType.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== "").join("_"));
    if (system === "kustomer") tags.push(clean(sessionType).replace(/\s*\(([^)]*)\)/g, " - $1").trim());
    if (system === "freshdesk") tags.push(Array.from(clean(sessionType)).slice(0, 32).join(""));
  }
  if (policy.tags.platform) tags.push(system === "zendesk" ? "ujet" : "UJET");
  return tags.filter((t) => t !== "");
}
