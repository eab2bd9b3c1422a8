import fc from "fast-check";
import { describe, it } from "vitest";
import { engines as allEngines, numRuns, propertyOf, seedOption, title, type AnyInvariant } from "./properties.js";

/**
 * Declares one test per invariant and engine. A failure prints fast-check's seed and path:
 * CRM_POLICY_SEED=<seed> CRM_POLICY_PATH=<path> replays it; CRM_POLICY_RUNS=<cases> sets how
 * many cases each invariant checks (a case: one policy and one trace).
 */
export function checkInvariants(invariants: readonly AnyInvariant[]): void {
  for (const invariant of invariants) {
    describe(invariant.id, () => {
      for (const engine of invariant.kind === "custom" ? invariant.engines : allEngines) {
        it(`${title(invariant)} [${engine}, ${numRuns(invariant) * invariant.casesPerRun} cases]`, () => {
          fc.assert(propertyOf(invariant, engine), { numRuns: numRuns(invariant), ...seedOption() });
        }, 1_800_000); // long runs (CRM_POLICY_RUNS) take minutes
      }
    });
  }
}
