import { expect } from "vitest";
import { crashRun, type OutboxProblems } from "../crash-run.js";

/**
 * Runs a smaller crash run (10,000 events, 2 kills: after the first the client trusts answers,
 * after the second it replays) against `crm-policy serve` with a planted bug, and expects the
 * outbox check to catch it as `kind`. The run itself must complete: a bug that merely stops
 * the server from starting proves nothing about the check.
 */
export async function expectCaughtByCrashRun(bug: string, kind: keyof OutboxProblems): Promise<void> {
  const run = await crashRun({
    events: 10_000,
    inFlight: 300,
    batchSize: 500,
    kills: 2,
    replay: 3,
    seed: 9_001,
    command: ["--import", "tsx", "test/serve/mutants/serve-with-bug.ts", bug],
  });
  if (process.env["CRM_POLICY_MUTANT_STATS"] !== undefined)
    console.log(
      bug,
      JSON.stringify({ ...run, problems: { lost: run.problems.lost.length, doubled: run.problems.doubled.length, differ: run.problems.differ.length } }),
    );
  expect(run.restarts).toBe(2);
  expect(run.problems[kind].length, `the planted bug ${bug} went unnoticed: no ${kind} decisions`).toBeGreaterThan(0);
}
