import fc from "fast-check";
import { policyArb, traceArb } from "../support/arbitraries.js";
import { runBundleTimed, runReferenceTimed, type Outcomes } from "../support/run-timed.js";
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
    // consumer messages most often: theirs is the count a second delivery could change
    const messages = events.flatMap((e, i) => (e.event["type"] === "message" && !e.copy ? [i] : []));
    const from = which % 2 === 0 && messages.length > 0 ? messages[(which >> 1) % messages.length]! : which % events.length;
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
  claim:
    "delivering any event again with its eventId changes nothing: every other event gets the same outcome, and the copy is a no-op (or refused again, if the first was)",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  engines,
  property(engine) {
    const property = fc.property(policyArb, fc.array(withCopies, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }), (policy, cases) => {
      cases.forEach(({ trace, copied }, t) => {
        const once = replay(engine, policy, trace.records, trace.events);
        const twice = replay(
          engine,
          policy,
          trace.records,
          copied.map((c) => c.event),
        );
        copied.forEach((c, i) => {
          const step = twice[i] ?? null;
          const first = once[c.of] ?? null;
          if (!c.copy) {
            if (JSON.stringify(step) !== JSON.stringify(first))
              throw new Violation(`trace ${t}, event ${JSON.stringify(c.event)}: ${JSON.stringify(first)} delivered once, ${JSON.stringify(step)} with copies`);
            return;
          }
          // a copy of a refused event may be refused again, or be a late redelivery of its session
          const refused = first !== null && "rejected" in first;
          if (step !== null && !(refused && "rejected" in step))
            throw new Violation(`trace ${t}, copy ${JSON.stringify(c.event)} of an event that gave ${JSON.stringify(first)}: gave ${JSON.stringify(step)}`);
        });
      });
    });
    return property as unknown as fc.IProperty<never>;
  },
};

/** Traces with neighbouring events swapped (late and early deliveries) and many never ended. */
export const shuffledTraceArb = fc.tuple(traceArb, fc.array(fc.nat(), { maxLength: 30 })).map(([trace, swaps]) => {
  const events = [...trace.events];
  for (const k of swaps) {
    const i = k % Math.max(1, events.length - 1);
    if (i + 1 < events.length) [events[i], events[i + 1]] = [events[i + 1]!, events[i]!];
  }
  return { records: trace.records, events };
});

export const timingArb = fc.record({
  lateness: fc.constantFrom(0, 1_000, 30_000, 120_000, 10_000_000),
  maxSessionAge: fc.constantFrom(30_000, 300_000, 900_000, 86_400_000),
});

export const everySessionDecided: CustomInvariant = {
  kind: "custom",
  id: "every-session-decided",
  quotes: [
    { source: "docs/semantics.md", text: "`flush()` closes every session in flight the same way, so after it every started session has exactly one decision." },
  ],
  claim:
    "whatever the order, lateness and maximum age, after the flush every session id whose `started` was accepted has a decision (`expired` if it never ended), at most one for each start, and no other id has one",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  engines,
  property(engine) {
    const run = engine === "bundle" ? runBundleTimed : runReferenceTimed;
    const property = fc.property(
      policyArb,
      timingArb,
      fc.array(shuffledTraceArb, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }),
      (policy, timing, traces) => {
        traces.forEach((trace, t) => {
          const outcomes = run(policy, trace.records, trace.events, timing);
          // an id may start another session once the first is forgotten (a `started` at another
          // instant); a `started` at another instant stamped before a remembered end is a late
          // redelivery: at least one decision an id, at most one an accepted start instant
          const starts = new Map<string, Set<number>>();
          trace.events.forEach((e, i) => {
            if (e["type"] !== "started" || outcomes[i]!.some((o) => "rejected" in o && o.held !== true)) return;
            const id = String(e["sessionId"]);
            starts.set(id, (starts.get(id) ?? new Set()).add(Date.parse(String(e["at"]))));
          });
          const started = new Set(starts.keys());
          const decided = new Map<string, number>();
          for (const o of outcomes.flat() as Outcomes)
            if ("decision" in o) {
              const id = (o.decision as { sessionId: string }).sessionId;
              decided.set(id, (decided.get(id) ?? 0) + 1);
            }
          for (const [id, at] of starts)
            if ((decided.get(id) ?? 0) < 1 || (decided.get(id) ?? 0) > at.size)
              throw new Violation(
                `trace ${t}: session ${id} started ${at.size} time(s) and has ${decided.get(id) ?? 0} decisions after the flush (${JSON.stringify(timing)})`,
              );
          for (const id of decided.keys()) if (!started.has(id)) throw new Violation(`trace ${t}: decision for ${id}, never started`);
        });
      },
    );
    return property as unknown as fc.IProperty<never>;
  },
};
