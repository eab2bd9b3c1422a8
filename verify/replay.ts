import { Decider, Rejection } from "@crm-policy/runtime";
import { MemoryRecordStore } from "@crm-policy/runtime";
import type { RecordStore } from "@crm-policy/runtime";
import type { Decision } from "../schemas/types/decision.v1.js";
import type { CrmRecord } from "../schemas/types/record.v1.js";
import type { SessionEvent, Started } from "../schemas/types/session-event.v1.js";
import type { Catalog } from "../compiler/model/catalog.js";
import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { PolicyUnderTest } from "./policy-under-test.js";
import { Observer, type SessionRun } from "./observe.js";
import type { SessionSettings } from "./session-settings.js";
import type { Trace } from "./trace.js";

/** A trace as the runtime decided it, beside the facts of docs/semantics.md. */
export interface Run {
  trace: Trace;
  sessions: ReadonlyMap<string, SessionRun>;
  /** Every decision line, in order, as simulate prints them. */
  decisions: Decision[];
  /** A decision for a session that was never started. */
  strays: Decision[];
  /** Indexes of the events the runtime refused (they change nothing). */
  rejected: number[];
  /** The runtime threw (it never should). */
  crash?: string;
  /** The catalog the policy was compiled with (session types' labels, for titles). */
  catalog: Catalog;
}

/** The trace without the events the runtime refused: the same decisions, and simulate takes every line. */
export function accepted(run: Run): Trace {
  if (run.rejected.length === 0) return run.trace;
  const refused = new Set(run.rejected);
  return { records: run.trace.records, events: run.trace.events.filter((_, i) => !refused.has(i)) };
}

/**
 * Runs a trace through a fresh Decider over an in-memory CRM holding the trace's records, and
 * flushes it at the end: exactly what `crm-policy simulate --records --events` does with it.
 */
export function replay(policy: PolicyUnderTest, settings: SessionSettings, trace: Trace): Run {
  const decider = new Decider(policy.compiled, new MemoryRecordStore(trace.records), verifyOptions);
  return drive(
    policy,
    settings,
    trace,
    (event) => single(decider.receive(event)),
    () => decider.flush(),
  );
}

/**
 * Runs many traces through one Decider, as a service runs many sessions: building a Decider
 * (its variants, titles, session types) costs more than a short trace. Each trace's sessions
 * get ids no other trace uses, and its own CRM; decisions come back under the trace's ids.
 */
export class Replayer {
  private readonly store = new SwappableStore();
  private decider: Decider;
  private traces = 0;

  /**
   * `maxInFlight`: a fresh Decider takes over once the current one holds this many sessions
   * (ids never repeat across traces, so nothing observable changes). Each trace is flushed at
   * its end, so none stays in flight; this is a guard, and memory stays flat however many run.
   */
  constructor(
    private readonly policy: PolicyUnderTest,
    private readonly settings: SessionSettings,
    private readonly maxInFlight = 50_000,
  ) {
    this.decider = this.fresh();
  }

  /** Sessions the current Decider holds that have not ended. */
  get inFlight(): number {
    return this.decider.inFlight;
  }

  private fresh(): Decider {
    return new Decider(this.policy.compiled, this.store, verifyOptions);
  }

  run(trace: Trace): Run {
    if (this.decider.inFlight >= this.maxInFlight) this.decider = this.fresh();
    this.store.current = new MemoryRecordStore(trace.records);
    const prefix = `${++this.traces}:`;
    const unprefixed = (result: Decision | Rejection | undefined) =>
      result === undefined || result instanceof Rejection ? result : { ...result, sessionId: result.sessionId.slice(prefix.length) };
    const decider = this.decider;
    return drive(
      this.policy,
      this.settings,
      trace,
      (event) => unprefixed(single(decider.receive(event.type === "record.status" ? event : { ...event, sessionId: prefix + event.sessionId }))),
      () => decider.flush().map((o) => unprefixed(o)!),
      (id) => prefix + id,
    );
  }
}

/**
 * Traces are decided as delivered in order, each decision at its event: no lateness. The traces
 * one Replayer runs share a decider but not a clock (each starts at its own time), so nothing
 * is closed by event time (no maxSessionAge) and ended sessions are forgotten by count; the
 * end of each trace closes its sessions that never ended, as the end of input does in simulate.
 */
const verifyOptions = { lateness: 0, maxSessionAge: Infinity, endedSessionMemory: 64 };

/** The one outcome of an event (a trace never spans maxSessionAge: no session expires). */
function single(outcomes: readonly (Decision | Rejection)[]): Decision | Rejection | undefined {
  if (outcomes.length > 1) throw new Error(`one event gave ${outcomes.length} outcomes`);
  return outcomes[0];
}

class SwappableStore implements RecordStore {
  current = new MemoryRecordStore();
  recordsOf(endUser: string, queue: string): readonly CrmRecord[] {
    return this.current.recordsOf(endUser, queue);
  }
  get(recordId: string): CrmRecord | undefined {
    return this.current.get(recordId);
  }
  create(record: Omit<CrmRecord, "recordId">): string {
    return this.current.create(record);
  }
  update(recordId: string, change: { status: string; closedAt: string | null }): void {
    this.current.update(recordId, change);
  }
}

/**
 * Feeds the trace's events one by one, then `finish` (the flush): its decisions are recorded at
 * index `trace.events.length`, the end of the trace.
 */
function drive(
  policy: PolicyUnderTest,
  settings: SessionSettings,
  trace: Trace,
  push: (event: SessionEvent) => Decision | Rejection | undefined,
  finish: () => readonly (Decision | Rejection)[],
  engineId?: (id: string) => string,
): Run {
  const options = { closedStatuses: policy.compiled.crm.closedStatuses, catalog: policy.catalog, observeRejected: true, finish };
  return observeRun(trace, push, (start) => settings.for(start), engineId === undefined ? options : { ...options, engineId });
}

/**
 * Pushes each event of the trace to an engine (`push`: a decision, a rejection, or nothing),
 * then `finish` (the flush, if any: its decisions are recorded at index `trace.events.length`),
 * and observes the run. `observeRejected`: whether an event the engine refused still reaches
 * the observer (verify: its traces are well formed, so a refusal is the engine's mistake and
 * the facts should show it; the invariant suite feeds malformed events, and follows only the
 * accepted ones).
 */
export function observeRun(
  trace: Trace,
  push: (event: SessionEvent, index: number) => Decision | Rejection | undefined,
  settingsFor: (start: Started) => ResolvedPolicy,
  options: {
    closedStatuses: readonly string[];
    catalog: Catalog;
    observeRejected: boolean;
    engineId?: (sessionId: string) => string;
    finish?: () => readonly (Decision | Rejection)[];
  },
): Run {
  const observer = new Observer(trace.records, settingsFor, options.closedStatuses, options.engineId);
  const decisions: Decision[] = [];
  const strays: Decision[] = [];
  const rejected: number[] = [];
  let crash: string | undefined;
  trace.events.forEach((event, index) => {
    if (crash !== undefined) return;
    let result: Decision | Rejection | undefined;
    try {
      // the engine reads events, and keeps `started` ones, but never changes them
      result = push(event, index);
    } catch (error) {
      crash = `the runtime threw at event ${index + 1}: ${error instanceof Error ? error.message : String(error)}`;
      return;
    }
    if (result instanceof Rejection) {
      rejected.push(index);
      if (options.observeRejected) observer.event(event, index);
      return;
    }
    observer.event(event, index);
    if (result === undefined) return;
    decisions.push(result);
    if (!observer.sessions.has(result.sessionId)) strays.push(result);
    observer.decided(result, index);
  });
  if (crash === undefined) {
    try {
      for (const result of options.finish?.() ?? []) {
        if (result instanceof Rejection) throw new Error(result.reason);
        decisions.push(result);
        if (!observer.sessions.has(result.sessionId)) strays.push(result);
        observer.decided(result, trace.events.length);
      }
    } catch (error) {
      crash = `the runtime threw at the end of the trace: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return { trace, sessions: observer.sessions, decisions, strays, rejected, catalog: options.catalog, ...(crash === undefined ? {} : { crash }) };
}
