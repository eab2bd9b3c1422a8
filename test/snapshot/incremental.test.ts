import fc from "fast-check";
import { expect, it } from "vitest";
import { Decider, MemoryRecordStore, mergeSnapshot } from "../../runtime/index.js";
import { timingArb } from "../invariants/delivery-properties.js";
import { lateStartTraceArb } from "./snapshot-property.js";
import { policyArb } from "../support/arbitraries.js";
import { loaded } from "./run-cut.js";

// A service persisting only what changed: after every event (and the flush), the partial
// snapshot of the ids `dirtySessions()` names, merged into what it had, is exactly the full
// snapshot the decider gives then (docs/snapshots.md, "Only what changed").
const cases = Number(process.env["CRM_POLICY_RUNS"] ?? 2_000) / 4;

it(`partial snapshots of the changed sessions, merged, equal the full snapshot after every event (${cases} traces)`, () => {
  fc.assert(
    fc.property(policyArb, timingArb, lateStartTraceArb, fc.option(fc.integer({ min: 0, max: 4 })), (policy, timing, trace, memory) => {
      const decider = new Decider(loaded(policy).policy(policy.metadata.name), new MemoryRecordStore(structuredClone(trace.records)), {
        ...timing,
        ...(memory === null ? {} : { endedSessionMemory: memory }),
        trackChanges: true,
      });
      let kept = JSON.parse(JSON.stringify(decider.snapshot()));
      const step = (i: number) => {
        kept = mergeSnapshot(kept, JSON.parse(JSON.stringify(decider.snapshot(decider.dirtySessions()))));
        expect(JSON.stringify(kept), `after event ${i}`).toBe(JSON.stringify(decider.snapshot()));
      };
      trace.events.forEach((event, i) => {
        decider.receive(structuredClone(event));
        step(i);
      });
      decider.flush();
      step(trace.events.length);
    }),
    { numRuns: cases },
  );
}, 300_000);
