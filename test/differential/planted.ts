import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { policyArb, traceArb } from "../support/arbitraries.js";
import { runBundle, runReference } from "../support/run-both.js";

/**
 * The differential property of bundle-vs-reference.test.ts, on fewer cases and a fixed seed:
 * the first policy and trace on which the bundle and the reference decide differently, if any.
 */
export function firstDisagreement(numRuns = 400): string | undefined {
  const result = fc.check(
    fc.property(policyArb, traceArb, (policy, trace) =>
      isDeepStrictEqual(runBundle(policy, trace.records, trace.events), runReference(policy, trace.records, trace.events)),
    ),
    { numRuns, seed: 9 },
  );
  return result.failed ? JSON.stringify(result.counterexample?.[0]) : undefined;
}
