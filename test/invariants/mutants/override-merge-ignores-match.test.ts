import { it, vi } from "vitest";
import { deadOverrideChangesNothing } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: once any override matches a session, Variants.merge folds in every override
// (the `if (key[i] !== "1") return` is missing), so an override that matches nothing still
// changes the sessions that match another one.
vi.mock("../../../runtime/decide/variants.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/variants.js")>();
  const { recordTags } = await import("../../../runtime/tags/tag-forms.js");
  const { titleRenderer } = await import("../../../runtime/title/render-title.js");
  const { SessionTypes } = await import("../../../runtime/decide/session-types.js");
  const proto = original.Variants.prototype as any;
  proto.merge = function (this: any, key: string) {
    const { policy } = this;
    let records = { ...policy.records };
    let title = { ...policy.title };
    let tags = { ...policy.tags };
    for (const override of policy.overrides) {
      records = { ...records, ...override.records };
      title = { ...title, ...override.title };
      tags = { ...tags, ...override.tags };
    }
    const sessionTypes = policy.sessionTypes.map((t: { name: string }) => ({ ...t, tags: recordTags(t.name, policy.crm, tags) }));
    const merged = { ...policy, records, title, tags, sessionTypes };
    const matched = [...key].flatMap((c, i) => (c === "1" ? [i] : [])); // provenance as usual: the bug is in the settings
    return {
      settings: records,
      title: titleRenderer(merged),
      types: new SessionTypes(merged),
      policy: policy.name,
      revision: policy.revision,
      overrides: matched,
      crm: policy.crm,
    };
  };
  return original;
});

it("planted bug (every override merged once one matches) is caught by: an override whose condition matches no session changes nothing", () => {
  expectCaught(deadOverrideChangesNothing);
});
