import { it, vi } from "vitest";
import { expectSnapshotBugCaught } from "./expect-disagreement.js";

// Planted bug: the snapshot leaves out `endedAt`, so a session whose decision waits for late
// events is restored as if it had not ended.
vi.mock("../../../runtime/decide/snapshot.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../runtime/decide/snapshot.js")>();
  const take = original.takeSnapshot;
  return {
    ...original,
    takeSnapshot: (...args: Parameters<typeof take>) => {
      const snapshot = take(...args);
      for (const session of snapshot.sessions) delete session.endedAt;
      return snapshot;
    },
  };
});

it("planted bug (snapshot without the end of sessions waiting for late events) is caught by the snapshot property", () => {
  expectSnapshotBugCaught();
});
