import { it, vi } from "vitest";
import { expectSnapshotBugCaught } from "./expect-disagreement.js";

// Planted bug: the snapshot leaves out the events held for their session's `started`, so a
// restored decider never applies them.
vi.mock("../../../runtime/decide/snapshot.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/snapshot.js")>();
  const take = original.takeSnapshot;
  return {
    ...original,
    takeSnapshot: (...args: Parameters<typeof take>) => {
      const snapshot = take(...args);
      snapshot.held = [];
      return snapshot;
    },
  };
});

it("planted bug (snapshot without the events held for their session's start) is caught by the snapshot property", () => {
  expectSnapshotBugCaught();
});
