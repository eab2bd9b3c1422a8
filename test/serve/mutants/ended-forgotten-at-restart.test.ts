import { test } from "vitest";
import { expectCaughtByCrashRun } from "./expect-caught.js";

// Planted bug: a restart does not restore the ended sessions kept to recognise redeliveries.
test("planted bug (redelivered events of ended sessions not recognised after a restart) is caught by the crash run: decisions doubled", async () => {
  await expectCaughtByCrashRun("ended-forgotten-at-restart", "doubled");
}, 180_000);
