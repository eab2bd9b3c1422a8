import { test } from "vitest";
import { expectCaughtByCrashRun } from "./expect-caught.js";

// Planted bug: batches are answered before their transaction commits (it commits once a second).
test("planted bug (a batch acknowledged before it is committed) is caught by the crash run: decisions lost", async () => {
  await expectCaughtByCrashRun("ack-before-commit", "lost");
}, 180_000);
