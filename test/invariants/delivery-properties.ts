import fc from "fast-check";
import { policyArb, traceArb } from "../support/arbitraries.js";
import { engines, replay, tracesPerPolicy, Violation, type CustomInvariant } from "./properties.js";

/**
 * Invariants of delivery (docs/semantics.md "Bad input and redelivery"): what at-least-once
 * delivery may do to a trace without changing its decisions.
 */

/** Traces whose every event has an eventId. */
const idTraceArb = traceArb.filter((t) => t.events.every((e) => e["eventId"] !== undefined));

/** Other ways to write the same instant (`Z` or `z`, milliseconds or not, another offset). */
function restyled(at: string, style: number): string {
  const ms = Date.parse(at);
  const iso = new Date(ms).toISOString();
  if (style === 1) return iso;
  if (style === 2) return new Date(ms + 3_600_000).toISOString().slice(0, 23) + "+01:00";
  return iso.replace("T", "t").replace("Z", "z");
}

/** A trace, and the same trace with copies of some of its events (same eventId, time written perhaps another way) delivered again later. */
const withCopies = fc.tuple(idTraceArb, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(3)), { minLength: 1, maxLength: 8 })).map(([trace, copies]) => {
  // `of`: index in the trace of the event delivered (a copy's is its original's)
  let events: { event: Record<string, unknown>; of: number; copy: boolean }[] = trace.events.map((event, of) => ({ event, of, copy: false }));
  for (const [which, where, style] of copies) {
    const from = which % events.length;
    const source = events[from]!;
    if (source.event["type"] === "record.status") continue; // status changes are not deduplicated (docs/semantics.md)
    const to = from + 1 + (where % (events.length - from));
    const event = { ...source.event, ...(style === 0 ? {} : { at: restyled(String(source.event["at"]), style) }) };
    events = [...events.slice(0, to), { event, of: source.of, copy: true }, ...events.slice(to)];
  }
  return { trace, copied: events };
});

export const idsDecideRedelivery: CustomInvariant = {
  kind: "custom",
  id: "ids-decide-redelivery",
  quotes: [{ source: "docs/semantics.md", text: "With `eventId`, redelivery is decided by the id alone" }],
  claim: "delivering any event again with its eventId changes nothing: every other event gets the same outcome, and the copy is a no-op (or refused again, if the first was)",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  engines,
  property(engine) {
    const property = fc.property(policyArb, fc.array(withCopies, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }), (policy, cases) => {
      cases.forEach(({ trace, copied }, t) => {
        const once = replay(engine, policy, trace.records, trace.events);
        const twice = replay(engine, policy, trace.records, copied.map((c) => c.event));
        copied.forEach((c, i) => {
          const step = twice[i] ?? null;
          const first = once[c.of] ?? null;
          if (!c.copy) {
            if (JSON.stringify(step) !== JSON.stringify(first)) throw new Violation(`trace ${t}, event ${JSON.stringify(c.event)}: ${JSON.stringify(first)} delivered once, ${JSON.stringify(step)} with copies`);
            return;
          }
          // a copy of a refused event may be refused again, or be a late redelivery of its session
          const refused = first !== null && "rejected" in first;
          if (step !== null && !(refused && "rejected" in step)) throw new Violation(`trace ${t}, copy ${JSON.stringify(c.event)} of an event that gave ${JSON.stringify(first)}: gave ${JSON.stringify(step)}`);
        });
      });
    });
    return property as unknown as fc.IProperty<never>;
  },
};
