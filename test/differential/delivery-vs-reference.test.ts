import fc from "fast-check";
import { expect, it } from "vitest";
import { policyArb } from "../support/arbitraries.js";
import { shuffledTraceArb, timingArb } from "../invariants/delivery-properties.js";
import { runBundleTimed, runReferenceTimed } from "../support/run-timed.js";

// Delivery as platforms do it: events out of order, late, and sessions that never end, with a
// lateness and a maximum session age; each trace ends with a flush. The runtime must give
// exactly the reference's outcomes at every event and at the flush.
const cases = Number(process.env["CRM_POLICY_RUNS"] ?? 4_000);
const tracesPerPolicy = 4;
const seed = process.env["CRM_POLICY_SEED"] === undefined ? undefined : Number(process.env["CRM_POLICY_SEED"]);

it(`out of order, late and never-ending: the bundle decides exactly as the reference (${cases} cases)`, () => {
  fc.assert(
    fc.property(policyArb, timingArb, fc.array(shuffledTraceArb, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }), (policy, timing, traces) => {
      for (const trace of traces)
        expect(runBundleTimed(policy, trace.records, trace.events, timing)).toEqual(runReferenceTimed(policy, trace.records, trace.events, timing));
    }),
    { numRuns: Math.ceil(cases / tracesPerPolicy), ...(seed === undefined ? {} : { seed }) },
  );
}, 1_800_000);
