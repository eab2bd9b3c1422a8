import { expect, test } from "vitest";
import { crashRun } from "./crash-run.js";

/**
 * The promise of the service: an acknowledged event is never lost and every session gets
 * exactly one decision, across crashes. A client replays a log in batches, sending again every
 * batch it got no answer for (and, after every second restart, the three batches before it);
 * the server is SIGKILLed at random moments and restarted. The outbox must then hold exactly
 * what one uninterrupted `simulate` of the log decides with the service's settings, less what its
 * end of input decides (crash-run.ts). test/serve/mutants/ plant bugs in the
 * service and check that this run catches each of them.
 */
test("SIGKILL at 10 random moments: the outbox equals an uninterrupted simulate, none lost, none doubled", async () => {
  const run = await crashRun({ events: 100_000, inFlight: 1_000, batchSize: 1_000, kills: 10, replay: 3, seed: 7_001 });
  expect(run.simulated).toBeGreaterThan(5_000);
  expect(run.restarts).toBe(10);
  expect(run.retried).toBeGreaterThan(0);
  expect(run.redelivered).toBeGreaterThan(0);
  expect(run.unanswered).toBe(0);
  expect(run.exit).toBe(0);
  expect({ lost: run.problems.lost.slice(0, 5), doubled: run.problems.doubled.slice(0, 5), differ: run.problems.differ.slice(0, 5) }).toEqual({
    lost: [],
    doubled: [],
    differ: [],
  });
}, 300_000);
