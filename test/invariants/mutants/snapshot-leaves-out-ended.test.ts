import { it, vi } from "vitest";
import { expectSnapshotBugCaught } from "./expect-disagreement.js";

// Planted bug: the snapshot leaves out the sessions already closed, so after a restore a late
// redelivery of one is refused as an event of an unknown session.
vi.mock("../../../runtime/decide/snapshot.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/snapshot.js")>();
  const take = original.takeSnapshot;
  return {
    ...original,
    takeSnapshot: (...args: Parameters<typeof take>) => ({ ...take(...args), ended: [] }),
  };
});

it("planted bug (snapshot without the ended-session memory) is caught by the snapshot property", () => {
  expectSnapshotBugCaught();
});
