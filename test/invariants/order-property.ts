import fc from "fast-check";
import type { CrmRecord } from "../../schemas/types/record.v1.js";
import { policyArb, traceArb } from "../support/arbitraries.js";
import { runBundleTimed, runReferenceTimed, type Outcomes } from "../support/run-timed.js";
import { engines, tracesPerPolicy, Violation, type CustomInvariant } from "./properties.js";

type Event = Record<string, unknown>;
type Trace = { records: CrmRecord[]; events: Event[] };

const instant = (e: Event) => Date.parse(String(e["at"]));
const startFields = ["channel", "sessionType", "queue", "menuPath", "phoneNumber", "language", "endUser"] as const;

/**
 * A generated trace as a stream in time order whose order can matter only through lateness
 * (docs/semantics.md "What lateness can and cannot reorder"): sessions share no CRM record (each
 * end user's records are copied per session), no status changes, one start per session, and
 * nothing stamped after a session's first end (in time order it would be refused; delivered
 * early it would count).
 */
export function independentInTimeOrder(trace: Trace): Trace {
  const own = (endUser: unknown, sessionId: unknown) => `${String(endUser)}@${String(sessionId)}`;
  const sorted = trace.events
    .filter((e) => e["type"] !== "record.status")
    .map((e, i) => ({ e, i }))
    .sort((a, b) => instant(a.e) - instant(b.e) || a.i - b.i)
    .map(({ e }) => e);
  const starts = new Map<string, Event>();
  const ends = new Map<string, number>();
  const events: Event[] = [];
  for (const e of sorted) {
    const id = String(e["sessionId"]);
    const start = starts.get(id);
    if (e["type"] === "started") {
      if (start !== undefined && (instant(start) !== instant(e) || startFields.some((f) => start[f] !== e[f]))) continue; // another start for the id
      starts.set(id, e);
      events.push(e["endUser"] === undefined ? e : { ...e, endUser: own(e["endUser"], id) });
      continue;
    }
    const end = ends.get(id);
    if (end !== undefined && instant(e) > end) continue;
    if (e["type"] === "ended" && start !== undefined && instant(e) >= instant(start) && end === undefined) ends.set(id, instant(e));
    events.push(e);
  }
  const records = trace.records.flatMap((r) =>
    [...starts.entries()].filter(([, s]) => s["endUser"] === r.endUser).map(([id]) => ({ ...r, recordId: `${r.recordId}@${id}`, endUser: own(r.endUser, id) })),
  );
  return { records, events };
}

/**
 * Delivery order for the in-order trace: each event comes at its `at` plus a delay below the
 * lateness (`delays`: fractions of it; with `lateStarts`, every `started` as late as it may be,
 * so that its session's first events are held for it), so none arrives once event time has reached its `at`
 * plus the lateness. A session decided at a lifecycle event keeps its events on the same side of
 * the event that decided it, unless both are held for its `started` (then they are applied in
 * the order they happened): that decision is made when its event is applied, and cannot wait.
 */
export function reordered(events: readonly Event[], outcomes: readonly Outcomes[], lateness: number, delays: readonly number[], lateStarts = false): Event[] {
  const delay = (e: Event, i: number) => (lateStarts && e["type"] === "started" ? 0.999 : (delays[i % Math.max(1, delays.length)] ?? 0));
  const v = events.map((e, i) => instant(e) + Math.floor(delay(e, i) * lateness));
  const later = (a: number, b: number) => v[a]! > v[b]! || (v[a] === v[b] && a > b);
  outcomes.slice(0, events.length).forEach((step, k) => {
    const id = events[k]!["sessionId"];
    const eager = step.some(
      (o) =>
        "decision" in o &&
        (o.decision as { sessionId: string }).sessionId === id &&
        (o.decision as { decision: string }).decision !== "none" &&
        (o.decision as { trigger: string }).trigger !== "ended",
    );
    if (!eager) return;
    const start = events.findIndex((e) => e["type"] === "started" && e["sessionId"] === id);
    events.forEach((e, j) => {
      // its `ended` may come before: the end decision waits for the lateness anyway
      if (e["sessionId"] !== id || j === k || j === start || (j > k && e["type"] === "ended")) return;
      if (j < k ? !later(j, k) : !later(k, j)) return; // on its side
      const bothHeld = start >= 0 && later(start, j) && later(start, k) && instant(e) !== instant(events[k]!);
      if (!bothHeld) v[j] = v[k]!;
    });
  });
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => v[a.i]! - v[b.i]! || a.i - b.i)
    .map(({ e }) => e);
}

/** Each session's decisions, created records named by the session (creation order differs). */
function bySession(outcomes: readonly Outcomes[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const o of outcomes.flat()) {
    if (!("decision" in o)) continue;
    const { recordId, ...d } = o.decision as { sessionId: string; decision: string; at: string; recordId?: string };
    // the instant decides, not how it was written (two copies of an event may write it differently)
    const shown = JSON.stringify({ ...d, at: new Date(Date.parse(d.at)).toISOString(), record: d.decision === "create" ? "new" : recordId });
    out.set(d.sessionId, [...(out.get(d.sessionId) ?? []), shown]);
  }
  return out;
}

export const orderWithinLateness: CustomInvariant = {
  kind: "custom",
  id: "order-within-lateness",
  quotes: [
    {
      source: "docs/semantics.md",
      text: "Any reordering of a stream whose every event is within the lateness gives the decisions of the stream in time order",
    },
  ],
  claim:
    "delivered out of order, each event before event time reaches its `at` plus the lateness (and none across the lifecycle event that decided its session), a trace gets exactly the decisions of its time order (decision, trigger or reason, time, record, title, tags, status)",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  engines,
  property(engine) {
    const run = engine === "bundle" ? runBundleTimed : runReferenceTimed;
    const caseArb = fc.record({
      trace: traceArb.map(independentInTimeOrder),
      delays: fc.array(
        fc.integer({ min: 0, max: 999 }).map((n) => n / 1000),
        { minLength: 1, maxLength: 50 },
      ),
      lateStarts: fc.boolean(),
    });
    const property = fc.property(
      policyArb,
      fc.constantFrom(5_000, 30_000, 120_000),
      fc.array(caseArb, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }),
      (policy, lateness, cases) => {
        const timing = { lateness, maxSessionAge: 86_400_000 };
        cases.forEach(({ trace, delays, lateStarts }, t) => {
          const inOrder = run(policy, trace.records, trace.events, timing);
          const late = reordered(trace.events, inOrder, lateness, delays, lateStarts);
          const expected = bySession(inOrder);
          const got = bySession(run(policy, trace.records, late, timing));
          for (const id of new Set([...expected.keys(), ...got.keys()])) {
            const [a, b] = [expected.get(id) ?? [], got.get(id) ?? []];
            if (JSON.stringify(a) !== JSON.stringify(b))
              throw new Violation(
                `trace ${t}, session ${id}, lateness ${lateness} ms: in time order ${a.join(" ")}; delivered as ${JSON.stringify(late.map((e) => `${String(e["type"])} ${String(e["sessionId"])} ${String(e["at"])}`))}: ${b.join(" ")}`,
              );
          }
        });
      },
    );
    return property as unknown as fc.IProperty<never>;
  },
};
