import fc from "fast-check";
import { expect, it } from "vitest";
import { policyArb, traceArb } from "../support/arbitraries.js";
import { runBundle, runReference } from "../support/run-both.js";

// A case is one generated policy and one generated trace. Compiling a policy costs more than
// replaying a trace, so each generated policy is replayed against several traces.
const cases = Number(process.env["CRM_POLICY_RUNS"] ?? 10_000);
const tracesPerPolicy = 4;
const seed = process.env["CRM_POLICY_SEED"] === undefined ? undefined : Number(process.env["CRM_POLICY_SEED"]);

it(`the compiled bundle, loaded from disk, decides exactly as the reference interpreter (${cases} cases)`, () => {
  fc.assert(
    fc.property(policyArb, fc.array(traceArb, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }), (policy, traces) => {
      for (const trace of traces) {
        expect(runBundle(policy, trace.records, trace.events)).toEqual(runReference(policy, trace.records, trace.events));
      }
    }),
    { numRuns: Math.ceil(cases / tracesPerPolicy), ...(seed === undefined ? {} : { seed }) },
  );
}, 1_800_000);
