import { expect, it } from "vitest";
import { checkHandWritten } from "../../bench/agreement.js";
import { benchBundle } from "../../bench/policy.js";
import { Prng } from "../../bench/prng.js";
import { syntheticTrace, type Trace } from "../../bench/trace.js";

// The bench's baseline is only a baseline if it decides as the runtime does: outcome for
// outcome, under the same delivery rules (bench/agreement.ts, run again before every timing).

const events = 100_000;
const policy = benchBundle().policy;

it("the hand-written decider agrees with the runtime on the bench trace (default lateness and session age)", () => {
  const counts = checkHandWritten(policy, syntheticTrace(events));
  expect(counts.create + counts.append).toBeGreaterThan(5_000);
  expect(counts.none).toBeGreaterThan(1_000);
});

it("... and with 10% of sessions never ending, closed after an hour (expired)", () => {
  const counts = checkHandWritten(policy, syntheticTrace(events, 7, 1_000, 0.1), { maxSessionAge: 3_600_000 });
  expect(counts.none).toBeGreaterThan(1_000);
});

it("... and out of order: events delayed within and beyond the lateness, some with event ids", () => {
  const counts = checkHandWritten(policy, disordered(syntheticTrace(events, 11), new Prng(5)));
  expect(counts.rejected).toBeGreaterThan(20); // held past the lateness, after the end, too late
});

/**
 * The trace with 5% of events moved later, most by up to 500 places (up to about 25 s of event
 * time, within the lateness), some by up to 3,000 (beyond it); the events of about half the sessions
 * carry an event id made of what they say, so that a redelivery has the same id.
 */
function disordered(trace: Trace, rng: Prng): Trace {
  const keyed = trace.events.map((e, i) => {
    const event =
      e.type === "record.status" || e.sessionId.length % 2 === 0 ? e : { ...e, eventId: `${e.type} ${e.at}${e.type === "message" ? ` ${e.from}` : ""}` };
    const by = !rng.chance(0.05) ? 0 : rng.chance(0.8) ? 1 + rng.int(500) : 1 + rng.int(3_000);
    return { event, key: by === 0 ? i : i + by + 0.5 };
  });
  keyed.sort((a, b) => a.key - b.key);
  return { records: trace.records, events: keyed.map((k) => k.event) };
}
