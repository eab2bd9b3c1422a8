import { Decider, MemoryRecordStore, Rejection, type Outcome, type RecordStore } from "@crm-policy/runtime";
import type { Decision } from "../schemas/types/decision.v1.js";
import type { SessionEvent } from "../schemas/types/session-event.v1.js";
import { Observer } from "./observe.js";
import type { PolicyUnderTest } from "./policy-under-test.js";
import type { Run } from "./replay.js";
import type { SessionSettings } from "./session-settings.js";
import { instant, type Trace } from "./trace.js";

/**
 * A trace delivered in another order than time order, within the lateness, and decided by the
 * runtime with that lateness. The run reads like the in-order one (docs/semantics.md: the events
 * are applied as if they had come in order): the observer follows the trace in time order, and
 * each decision is placed at the event it was made for in time order (an end decision at the
 * session's `ended`, a record at the `assigned`, `connected` or `message` named by its trigger
 * and time), so the invariants and `expect` properties read the same facts. `decisions` are in
 * the order the runtime made them, as simulate prints them for the delivered lines.
 */
export interface Delivery {
  /** The trace's event indexes, in the order they were delivered. */
  order: readonly number[];
  /** Milliseconds. */
  lateness: number;
}

export type LateRun = Run & { delivery: Delivery };

/** The events as delivered. */
export function delivered(trace: Trace, order: readonly number[]): SessionEvent[] {
  return order.map((i) => trace.events[i]!);
}

/**
 * Runs delivery orders through one Decider with the lateness, as `Replayer` runs traces: each
 * run's sessions get ids of their own, and a CRM of their own. Event time is the decider's, and
 * only moves forward: a fresh Decider takes over when it has moved so far that the next trace's
 * events would already be late.
 */
export class LateReplayer {
  private decider: Decider;
  private store = new MemoryRecordStore();
  private runs = 0;
  /** The latest `at` the current decider has been given. */
  private clock = -Infinity;

  constructor(
    private readonly policy: PolicyUnderTest,
    private readonly settings: SessionSettings,
    readonly lateness: number,
  ) {
    this.decider = this.fresh();
  }

  private fresh(): Decider {
    this.clock = -Infinity;
    const store: RecordStore = {
      recordsOf: (endUser, queue) => this.store.recordsOf(endUser, queue),
      get: (recordId) => this.store.get(recordId),
      create: (record) => this.store.create(record),
      update: (recordId, change) => this.store.update(recordId, change),
    };
    // one decider for many runs, each with a CRM of its own
    return new Decider(this.policy.compiled, store, lateOptions(this.lateness));
  }

  /**
   * The run of the trace delivered in `order`; undefined when it made exactly the decisions of
   * `inOrder` (the trace's run in time order), at the same events, and refused the same events:
   * the facts, and so every property's verdict, are then those of `inOrder`.
   */
  run(trace: Trace, order: readonly number[], inOrder?: Run): LateRun | undefined {
    let first = Infinity;
    let last = -Infinity;
    for (const e of trace.events) {
      const at = instant(e.at);
      if (at < first) first = at;
      if (at > last) last = at;
    }
    if (this.clock >= first + this.lateness || this.decider.inFlight >= 50_000) this.decider = this.fresh();
    this.store = new MemoryRecordStore(trace.records);
    const prefix = `${++this.runs}:`;
    const run = lateRun(this.policy, this.settings, trace, order, this.lateness, this.decider, prefix, inOrder);
    if (last > this.clock) this.clock = last;
    return run;
  }
}

/** The same delivery through a Decider of its own: what `crm-policy simulate --lateness` does with the delivered lines. */
export function replayLate(policy: PolicyUnderTest, settings: SessionSettings, trace: Trace, order: readonly number[], lateness: number): LateRun {
  const decider = new Decider(policy.compiled, new MemoryRecordStore(trace.records), lateOptions(lateness));
  return lateRun(policy, settings, trace, order, lateness, decider, "")!;
}

/** As verify's in-order replays (replay.ts), but with the lateness: end decisions wait for it, early events are held. */
function lateOptions(lateness: number) {
  return { lateness, maxSessionAge: Infinity, endedSessionMemory: 64 };
}

function lateRun(
  policy: PolicyUnderTest,
  settings: SessionSettings,
  trace: Trace,
  order: readonly number[],
  lateness: number,
  decider: Decider,
  prefix: string,
  inOrder?: Run,
): LateRun | undefined {
  const events = trace.events;
  // the values given to the decider, to tell which event a held one's rejection is about
  const given: unknown[] = new Array(events.length);
  const decisions: Decision[] = [];
  const placed: { decision: Decision; index: number }[] = [];
  const rejected: number[] = [];
  let crash: string | undefined;
  const take = (outcomes: readonly Outcome[], index: number) => {
    for (const o of outcomes) {
      if (o instanceof Rejection) {
        const held = o.event === undefined ? -1 : given.indexOf(o.event);
        rejected.push(held >= 0 ? held : index);
        continue;
      }
      const decision = prefix === "" ? o : { ...o, sessionId: o.sessionId.slice(prefix.length) };
      decisions.push(decision);
      placed.push({ decision, index: placeOf(decision, events, index) });
    }
  };
  for (const i of order) {
    const event = events[i]!;
    const value = prefix === "" || event.type === "record.status" ? event : { ...event, sessionId: prefix + event.sessionId };
    given[i] = value;
    try {
      take(decider.receive(value), i);
    } catch (error) {
      crash = `the runtime threw at delivered event ${order.indexOf(i) + 1}: ${error instanceof Error ? error.message : String(error)}`;
      break;
    }
  }
  if (crash === undefined) {
    try {
      take(decider.flush(), events.length);
    } catch (error) {
      crash = `the runtime threw at the end of the trace: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const refused = [...new Set(rejected)].sort((a, b) => a - b);
  if (inOrder !== undefined && crash === undefined && sameDecisions(inOrder, placed, refused)) return undefined;
  const observer = new Observer(
    trace.records,
    (start) => settings.for(start),
    policy.compiled.crm.closedStatuses,
    (id) => prefix + id,
  );
  const at = new Map<number, Decision[]>();
  for (const p of placed) at.set(p.index, [...(at.get(p.index) ?? []), p.decision]);
  const strays: Decision[] = [];
  const decide = (index: number) => {
    for (const d of at.get(index) ?? []) {
      if (!observer.sessions.has(d.sessionId)) strays.push(d);
      observer.decided(d, index);
    }
  };
  events.forEach((event, index) => {
    observer.event(event, index);
    decide(index);
  });
  decide(events.length);
  return {
    trace,
    sessions: observer.sessions,
    decisions,
    strays,
    rejected: refused,
    catalog: policy.catalog,
    delivery: { order, lateness },
    ...(crash === undefined ? {} : { crash }),
  };
}

/**
 * The event of the trace, in time order, a decision was made for: a decision at the end (`none`,
 * trigger `ended`) at the session's first `ended` (or at the end of the trace, for a session
 * that never ended); a record at the session's first event of its trigger's type at its time.
 * Otherwise (the runtime named an event the session does not have) where it was delivered.
 */
function placeOf(decision: Decision, events: readonly SessionEvent[], delivered: number): number {
  const id = decision.sessionId;
  const end = decision.decision === "none" || decision.trigger === "ended";
  const ms = instant(decision.at);
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.type === "record.status" || e.sessionId !== id) continue;
    if (end ? e.type === "ended" : e.type === decision.trigger && instant(e.at) === ms && (e.type !== "message" || e.from === "consumer")) return i;
  }
  return end ? events.length : delivered;
}

/** Whether the decisions placed (and the events refused) are those of the run in time order. */
function sameDecisions(inOrder: Run, placed: readonly { decision: Decision; index: number }[], refused: readonly number[]): boolean {
  if (inOrder.crash !== undefined || inOrder.strays.length > 0 || inOrder.decisions.length !== placed.length) return false;
  if (inOrder.rejected.length !== refused.length || inOrder.rejected.some((r, i) => r !== refused[i])) return false;
  for (const p of placed) {
    const seen = inOrder.sessions.get(p.decision.sessionId)?.decisions ?? [];
    if (!seen.some((d) => d.event === p.index && sameFields(d.decision, p.decision))) return false;
  }
  return true;
}

/** Decisions with the same fields (a list field: the same items in the same order). */
function sameFields(a: Decision, b: Decision): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) {
    const [u, v] = [x[k], y[k]];
    if (u === v) continue;
    if (!Array.isArray(u) || !Array.isArray(v) || u.length !== v.length || u.some((item, i) => item !== v[i])) return false;
  }
  return true;
}
