import { expect, it, vi } from "vitest";
import { firstDisagreement } from "./planted.js";

// Planted bug in the compiler's merge of overrides: lowering an override drops the
// `delayUntilConnected` it sets, so the runtime merges an override without it. The reference
// merges the policy document on its own (reference/merge.ts), so the two disagree.
vi.mock("../../compiler/passes/lower.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../compiler/passes/lower.js")>();
  return {
    ...original,
    lower: (...args: Parameters<typeof original.lower>) => {
      const compiled = original.lower(...args);
      return { ...compiled, overrides: compiled.overrides.map(({ records: { delayUntilConnected: _dropped, ...records }, ...o }) => ({ ...o, records })) };
    },
  };
});

it("planted bug (override's delayUntilConnected lost in lowering) is caught by the differential test", () => {
  expect(firstDisagreement()).toBeDefined();
});
