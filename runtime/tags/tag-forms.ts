import type { Crm } from "../../schemas/types/bundle.v1.js";

type Style = Crm["tagStyle"];

/** A session type name in each tag style (docs/domain.md, "Record tags"); one entry per style. */
const forms: { readonly [style in Style]: (name: string) => string | undefined } = {
  none: () => undefined,
  // Voice Inbound (IVR) → voice_inbound_ivr
  snake_case: (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, ""),
  // Voice Inbound (IVR) → Voice Inbound - IVR
  parentheses_as_dash: (name) => name.replace(/\s*\(([^)]*)\)/g, " - $1").trim(),
  // unchanged
  verbatim: (name) => name,
};

/** A session type name as a tag, in the CRM's form, cut to its tag limit. */
export function sessionTypeTag(name: string, crm: Pick<Crm, "tagStyle" | "tagLimit">): string | undefined {
  const tag = forms[crm.tagStyle](name);
  if (tag === undefined) return undefined;
  return crm.tagLimit > 0 ? [...tag].slice(0, crm.tagLimit).join("") : tag;
}

/** All tags of a record for one session type: the session type tag, then the platform tag. */
export function recordTags(name: string, crm: Pick<Crm, "tagStyle" | "tagLimit">, tags: { sessionType: boolean; platform: string | null }): string[] {
  const out: string[] = [];
  if (tags.sessionType) {
    const tag = sessionTypeTag(name, crm);
    if (tag !== undefined && tag !== "") out.push(tag);
  }
  if (tags.platform !== null && crm.tagStyle !== "none") out.push(tags.platform);
  return out;
}
