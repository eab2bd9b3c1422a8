import { it, vi } from "vitest";
import { tags } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: the Zendesk tag form keeps the session type's case (`Voice_Inbound_IVR`).
// The compiler precomputes catalog tags with the same module, so the bundle carries the bug too.
vi.mock("../../../runtime/tags/tag-forms.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/tags/tag-forms.js")>();
  type Crm = Parameters<typeof original.sessionTypeTag>[1];
  function sessionTypeTag(name: string, crm: Crm): string | undefined {
    if (crm.tagStyle === "snake_case") return name.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_+|_+$/g, "");
    return original.sessionTypeTag(name, crm);
  }
  function recordTags(name: string, crm: Crm, tags: { sessionType: boolean; platform: string | null }): string[] {
    const out: string[] = [];
    if (tags.sessionType) {
      const tag = sessionTypeTag(name, crm);
      if (tag !== undefined && tag !== "") out.push(tag);
    }
    if (tags.platform !== null && crm.tagStyle !== "none") out.push(tags.platform);
    return out;
  }
  return { ...original, sessionTypeTag, recordTags };
});

it("planted bug (Zendesk tags not lowercased) is caught by: Zendesk tags match ^[a-z0-9_]+$", () => {
  expectCaught(tags);
});
