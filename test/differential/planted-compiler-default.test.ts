import { expect, it, vi } from "vitest";
import { firstDisagreement } from "./planted.js";

// Planted bug in the compiler's defaults: an abandoned call gets a record unless the policy says
// otherwise (createForAbandoned defaults to true). The reference fills defaults on its own
// (reference/defaults.ts), so the bundle and the reference disagree.
vi.mock("../../compiler/model/resolved-policy.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../compiler/model/resolved-policy.js")>();
  return {
    ...original,
    resolvePolicy: (...args: Parameters<typeof original.resolvePolicy>) => {
      const resolved = original.resolvePolicy(...args);
      if (args[0].records?.calls?.createForAbandoned === undefined) resolved.records.calls.createForAbandoned = true;
      return resolved;
    },
  };
});

it("planted bug (compiler default createForAbandoned: true) is caught by the differential test", () => {
  expect(firstDisagreement()).toBeDefined();
});
