import fc from "fast-check";
import { isDeepStrictEqual } from "node:util";
import { shuffledTraceArb, timingArb } from "../invariants/delivery-properties.js";
import { policyArb } from "../support/arbitraries.js";
import { Disagreement } from "./disagreement.js";
import { runReferenceCut, runRuntimeCut, runRuntimeWhole, type Cut } from "./run-cut.js";

export { Disagreement } from "./disagreement.js";

export const tracesPerCase = 25;

/**
 * A shuffled trace in which some sessions' `started` comes a few events late: the session's
 * events in between come before it and are held for it (when within the lateness), so a cut
 * there lands while events are held.
 */
export const lateStartTraceArb = fc
  .tuple(shuffledTraceArb, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })), { maxLength: 4 }))
  .map(([trace, moves]) => {
    const events = [...trace.events];
    for (const [k, by] of moves) {
      const starts = events.flatMap((e, i) => ((e as { type?: unknown }).type === "started" ? [i] : []));
      if (starts.length === 0) break;
      const from = starts[k % starts.length]!;
      const [start] = events.splice(from, 1);
      events.splice(Math.min(events.length, from + by), 0, start!);
    }
    return { records: trace.records, events };
  });

/** A trace and where to cut it; in one case of three, a new policy at the cut; in one of four, a small ended-session memory. */
const casesArb = fc.array(fc.tuple(lateStartTraceArb, fc.nat(), fc.nat(2), fc.nat(3)), { minLength: tracesPerCase, maxLength: tracesPerCase });

/**
 * For any trace and cut point: snapshot → JSON text → restore → go on gives exactly the
 * decisions of the uninterrupted run — the reference's (docs/snapshots.md); with a new policy
 * taken live at the cut, sessions started before it are decided under the old version and
 * later ones under the new, as the reference does; with an ended-session memory (which the
 * reference does not model), exactly the runtime's own uninterrupted run.
 */
export const snapshotProperty = fc.property(policyArb, policyArb, timingArb, casesArb, (policy, other, timing, cases) => {
  cases.forEach(([trace, at, swap, memory], t) => {
    const cut: Cut = {
      at: at % (trace.events.length + 1),
      ...(swap === 0 ? { next: other } : {}),
      ...(memory === 0 ? { endedSessionMemory: 1 + (at % 4) } : {}),
    };
    const restored = runRuntimeCut(policy, trace.records, trace.events, timing, cut);
    const expected =
      cut.endedSessionMemory === undefined
        ? runReferenceCut(policy, trace.records, trace.events, timing, cut)
        : runRuntimeWhole(policy, trace.records, trace.events, timing, cut);
    if (!isDeepStrictEqual(restored, expected)) {
      const first = restored.findIndex((step, i) => !isDeepStrictEqual(step, expected[i]));
      throw new Disagreement(
        `trace ${t}, cut after ${cut.at} events${cut.next === undefined ? "" : ", new policy at the cut"}${cut.endedSessionMemory === undefined ? "" : `, ended-session memory ${cut.endedSessionMemory}`}: at step ${first} restored ${JSON.stringify(restored[first])}, expected ${JSON.stringify(expected[first])}`,
      );
    }
  });
});
