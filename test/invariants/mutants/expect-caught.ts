import fc from "fast-check";
import { expect } from "vitest";
import { propertyOf, Violation, type AnyInvariant } from "../properties.js";

/**
 * Runs an invariant against the compiled bundle only (the engine a test file has mutated with
 * `vi.mock`) and expects it to be violated. The search stops at the first counterexample, without
 * shrinking; `maxRuns` bounds it (policies, each replayed against several traces). The failure
 * must be a Violation: a mutant that merely crashes the engine proves nothing about the property.
 * A mutant the property catches only about once in a thousand runs gets a fixed `seed` known to
 * catch it, so that the test does not fail by chance; the test still fails if the generators or
 * the property change so that this seed no longer finds it.
 */
export function expectCaught(invariant: AnyInvariant, maxRuns = 3000, seed?: number): void {
  const result = fc.check(propertyOf(invariant, "bundle"), { numRuns: maxRuns, endOnFailure: true, ...(seed === undefined ? {} : { seed }) });
  if (process.env["CRM_POLICY_MUTANT_STATS"] !== undefined) console.log(`${invariant.id}: caught after ${result.numRuns} runs (seed ${result.seed})`);
  expect(result.failed, `the planted bug went unnoticed in ${maxRuns} runs of ${invariant.id} (seed ${result.seed})`).toBe(true);
  expect(result.errorInstance, `${invariant.id} failed, but not with a violation (seed ${result.seed}): ${String(result.errorInstance)}`).toBeInstanceOf(
    Violation,
  );
}
