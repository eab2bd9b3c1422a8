import fc from "fast-check";
import { expect } from "vitest";
import { Disagreement, snapshotProperty } from "../../snapshot/snapshot-property.js";

/**
 * Runs the snapshot property (test/snapshot/snapshot-property.ts) against a runtime a test file
 * has mutated with `vi.mock`, and expects it to fail with a Disagreement — not a crash, which
 * would prove nothing about the property — within `maxRuns` policy pairs.
 */
export function expectSnapshotBugCaught(maxRuns = 200): void {
  const result = fc.check(snapshotProperty, { numRuns: maxRuns, endOnFailure: true });
  if (process.env["CRM_POLICY_MUTANT_STATS"] !== undefined) console.log(`snapshot property: caught after ${result.numRuns} runs (seed ${result.seed})`);
  expect(result.failed, `the planted bug went unnoticed in ${maxRuns} runs of the snapshot property (seed ${result.seed})`).toBe(true);
  expect(
    result.errorInstance,
    `the snapshot property failed, but not with a disagreement (seed ${result.seed}): ${String(result.errorInstance)}`,
  ).toBeInstanceOf(Disagreement);
}
