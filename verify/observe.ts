import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { Decision } from "../schemas/types/decision.v1.js";
import type { CrmRecord } from "../schemas/types/record.v1.js";
import type { SessionEvent, Started } from "../schemas/types/session-event.v1.js";
import { second } from "./trace.js";

/** What happened to a session, as docs/semantics.md counts it (not as the runtime keeps it). */
export interface SessionFacts {
  assigned: boolean;
  connected: boolean;
  /** Distinct consumer messages: a repeat with the same `at` is a redelivery. */
  consumerMessages: number;
  ended: boolean;
}

/** A decision the runtime made, with the facts of its session right after the deciding event. */
export interface SeenDecision {
  decision: Decision;
  /** Index of the deciding event in the trace. */
  event: number;
  facts: SessionFacts;
  /** For an append: the record as it was just before (undefined: no such record). */
  target?: CrmRecord | undefined;
  /** The records of the session's end user and leaf queue just before the decision took effect (copies; none when anonymous): what it may append to. */
  recordsBefore: CrmRecord[];
}

/** Indexes in the trace of the events that started a session, first assigned it, first connected it, and ended it. */
export interface SessionIndexes {
  started: number;
  assigned?: number;
  connected?: number;
  ended?: number;
}

export interface SessionRun {
  start: Started;
  settings: ResolvedPolicy;
  decisions: SeenDecision[];
  /** At the end of the trace. */
  facts: SessionFacts;
  endedAt?: string;
  index: SessionIndexes;
  /** The session id the engine was given, its titles' CALL_ID: the trace's own, unless the replayer renamed it. */
  callId: string;
}

/**
 * Follows a trace the way docs/semantics.md reads it, beside the engine (the runtime, or the
 * reference interpreter in the invariant suite): per session what has happened (redeliveries and
 * events after the end ignored; `connected` implies `assigned`; consumer messages counted once
 * per distinct `at`), and the CRM records as the decisions and status changes leave them. The
 * invariants (invariants/) compare the engine's decisions with these facts; the only thing the
 * observer takes from the engine is which events it was given and what each decided.
 */
export class Observer {
  readonly sessions = new Map<string, SessionRun>();
  private readonly messageTimes = new Map<string, Set<string>>();
  readonly records = new Map<string, CrmRecord>();

  constructor(
    existing: readonly CrmRecord[],
    private readonly settingsFor: (start: Started) => ResolvedPolicy,
    private readonly closedStatuses: readonly string[],
    private readonly engineId: (sessionId: string) => string = (id) => id,
  ) {
    for (const r of existing) this.records.set(r.recordId, { ...r, closedAt: r.closedAt ?? null });
  }

  /** Event `index` of the trace as the session sees it; call before `decided` for the same event. */
  event(e: SessionEvent, index: number): void {
    if (e.type === "record.status") return this.statusChange(e.recordId, e.status, e.at);
    const session = this.sessions.get(e.sessionId);
    if (e.type === "started") {
      if (session === undefined)
        this.sessions.set(e.sessionId, {
          start: e,
          settings: this.settingsFor(e),
          decisions: [],
          facts: { assigned: false, connected: false, consumerMessages: 0, ended: false },
          index: { started: index },
          callId: this.engineId(e.sessionId),
        });
      return;
    }
    if (session === undefined || session.facts.ended) return;
    const facts = session.facts;
    switch (e.type) {
      case "assigned":
        facts.assigned = true;
        session.index.assigned ??= index;
        return;
      case "connected":
        facts.assigned = true;
        facts.connected = true;
        session.index.assigned ??= index;
        session.index.connected ??= index;
        return;
      case "message": {
        if (e.from !== "consumer" || session.start.channel !== "chat") return;
        const times = this.messageTimes.get(e.sessionId) ?? new Set<string>();
        times.add(e.eventId === undefined ? `at ${Date.parse(e.at)}` : `id ${e.eventId}`); // one message per id, or per instant without one
        this.messageTimes.set(e.sessionId, times);
        facts.consumerMessages = times.size;
        return;
      }
      case "ended":
        facts.ended = true;
        session.endedAt = e.at;
        session.index.ended = index;
        return;
      default:
        e satisfies never;
    }
  }

  /** A decision the runtime returned for event `index`. */
  decided(decision: Decision, index: number): void {
    const session = this.sessions.get(decision.sessionId);
    const target = decision.decision === "append" ? this.records.get(decision.recordId) : undefined;
    const user = session?.start.endUser;
    const queue = session?.start.queue;
    const recordsBefore: CrmRecord[] = [];
    if (user !== undefined) for (const r of this.records.values()) if (r.endUser === user && r.queue === queue) recordsBefore.push({ ...r });
    session?.decisions.push({ decision, event: index, facts: { ...session.facts }, target: target === undefined ? undefined : { ...target }, recordsBefore });
    if (decision.decision === "create" && session !== undefined) {
      const { start } = session;
      this.records.set(decision.recordId, {
        recordId: decision.recordId,
        endUser: start.endUser ?? null,
        queue: start.queue,
        status: decision.status,
        createdAt: decision.at,
        closedAt: null,
      });
    } else if (decision.decision === "append" && target !== undefined && decision.reopened) {
      target.status = decision.status;
      target.closedAt = null;
    }
  }

  private statusChange(recordId: string, status: string, at: string): void {
    const record = this.records.get(recordId);
    if (record !== undefined) setStatus(record, status, at, this.closedStatuses);
  }
}

/**
 * A status set in the CRM (docs/semantics.md, "Create or append"): closing stamps `closedAt`,
 * reopening clears it, closed to closed keeps the first. The observer's own reading; the runtime
 * and the reference each keep their own.
 */
export function setStatus(record: CrmRecord, status: string, at: string, closedStatuses: readonly string[]): void {
  const wasClosed = closedStatuses.includes(record.status);
  if (!closedStatuses.includes(status)) record.closedAt = null;
  else if (!wasClosed || record.closedAt === null) record.closedAt = at;
  record.status = status;
}

/** Whether a chat ended within `seconds` of its start (≤): short-abandoned, if it never connected. */
export function endedWithin(run: SessionRun, seconds: number | null): boolean {
  if (seconds === null || run.endedAt === undefined) return false;
  return Date.parse(run.endedAt) - Date.parse(run.start.at) <= seconds * second;
}
