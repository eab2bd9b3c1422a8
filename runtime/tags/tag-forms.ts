import type { Crm } from "../../schemas/types/bundle.v1.js";

/** A session type name as a tag, in the CRM's form (docs/domain.md, "Record tags"). */
export function sessionTypeTag(name: string, crm: Pick<Crm, "tagStyle" | "tagLimit">): string | undefined {
  let tag: string;
  switch (crm.tagStyle) {
    case "none":
      return undefined;
    case "snake": // Zendesk: Voice Inbound (IVR) → voice_inbound_ivr
      tag = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
      break;
    case "dash": // Kustomer: Voice Inbound (IVR) → Voice Inbound - IVR
      tag = name.replace(/\s*\(([^)]*)\)/g, " - $1").trim();
      break;
    case "verbatim": // Freshdesk: unchanged
      tag = name;
      break;
  }
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
