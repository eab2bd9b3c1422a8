import { test } from "vitest";
import { expectCaughtByCrashRun } from "./expect-caught.js";

// Planted bug: rebuilding sessions at a restart creates and changes their records again.
test("planted bug (decisions' records applied again when sessions are rebuilt at a restart) is caught by the crash run: decisions differ", async () => {
  await expectCaughtByCrashRun("replay-applies-again", "differ");
}, 180_000);
