import { it, vi } from "vitest";
import { tags } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: recordTags adds the platform tag inside the `if (tags.sessionType)` block, so
// with session type tags off the platform tag is missing.
vi.mock("../../../runtime/tags/tag-forms.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/tags/tag-forms.js")>();
  type Crm = Parameters<typeof original.recordTags>[1];
  function recordTags(name: string, crm: Crm, tags: { sessionType: boolean; platform: string | null }): string[] {
    const out: string[] = [];
    if (tags.sessionType) {
      const tag = original.sessionTypeTag(name, crm);
      if (tag !== undefined && tag !== "") out.push(tag);
      if (tags.platform !== null && crm.tagStyle !== "none") out.push(tags.platform);
    }
    return out;
  }
  return { ...original, recordTags };
});

it("planted bug (platform tag only with the session type tag) is caught by: the platform tag is present iff enabled", () => {
  expectCaught(tags);
});
