import { it, vi } from "vitest";
import { expectSnapshotBugCaught } from "./expect-disagreement.js";

// Planted bug: taking a new policy live moves the sessions in flight to it, instead of letting
// them finish under the version they started with.
vi.mock("../../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/decider.js")>();
  const update = original.Decider.prototype.update;
  original.Decider.prototype.update = function (this: any, policy) {
    update.call(this, policy);
    for (const session of this.sessions.values()) if ("variant" in session) session.variant = this.variants.base;
  };
  return original;
});

it("planted bug (sessions in flight moved to the new policy) is caught by the snapshot property", () => {
  expectSnapshotBugCaught();
});
