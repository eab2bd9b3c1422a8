import fc from "fast-check";
import { expect, it, vi } from "vitest";
import { flakyStoreChangesNothing } from "./support-flaky-store.js";

// Planted bug: the session is marked decided before the record store is called (as it was
// once), so a store that throws leaves it decided with no record.
vi.mock("../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const decide = proto.decide;
  proto.decide = function (this: any, session: any, ...rest: unknown[]) {
    session.decided = true;
    const copy = Object.create(session);
    copy.decided = false;
    return decide.call(this, copy, ...rest);
  };
  return original;
});

it("planted bug (decided before the store answers) is caught by: a flaky store changes no decision", () => {
  const result = fc.check(flakyStoreChangesNothing, { numRuns: 2000, endOnFailure: true });
  expect(result.failed).toBe(true);
});
