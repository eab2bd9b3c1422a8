import { defaultCatalog } from "../../compiler/model/catalog.js";
import { resolvePolicy, type ResolvedPolicy } from "../../compiler/model/resolved-policy.js";
import type { Decision } from "../../schemas/types/decision.v1.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import type { CrmRecord } from "../../schemas/types/record.v1.js";
import type { Started } from "../../schemas/types/session-event.v1.js";
import { setStatus } from "../../verify/observe.js";
import type { Step } from "./run-both.js";
import { sessionPolicy } from "./session-policy.js";

/**
 * An observer of a replay: given the events and what the engine answered to each (a decision,
 * a rejection, or nothing), it follows every session and the CRM's records the way
 * docs/semantics.md describes them, so that invariants can be stated over plain facts
 * ("connected", "consumer messages", "the records when the decision was made").
 *
 * It trusts the engine on one thing only: whether an event was accepted. Everything else is
 * derived from the accepted events themselves:
 * - a session exists from its first accepted `started`; later `started`s are redeliveries;
 * - once its `ended` is accepted, nothing more happens to it (later events are redeliveries);
 * - `connected` implies `assigned`; repeats change nothing;
 * - consumer messages are counted once per distinct `eventId`, or without one once per
 *   distinct instant (the redelivery rule);
 * - records: the given ones, plus one per `create` decision, with `record.status` changes
 *   (closedAt set on open → closed, kept on closed → closed, cleared on → open) and the
 *   reopening an `append` reports.
 */

/** A session as the accepted events describe it at some moment. */
export interface SessionFacts {
  assigned: boolean;
  connected: boolean;
  ended: boolean;
  /** Distinct consumer messages so far (messages sent while queued count too). */
  consumerMessages: number;
}

/** One decision, with the facts it was made on. */
export interface ObservedDecision {
  /** Index of the deciding event in the trace. */
  index: number;
  event: Record<string, unknown>;
  decision: Decision;
  /** The session it names; undefined when no such session was ever started. */
  session: ObservedSession | undefined;
  /** The session right after the deciding event was applied. */
  facts: SessionFacts;
  /** The CRM's records just before the decision took effect (copies). */
  recordsBefore: CrmRecord[];
}

export interface ObservedSession {
  id: string;
  start: Started;
  /** The settings this session runs under: the policy with its matching overrides merged. */
  policy: ResolvedPolicy;
  startIndex: number;
  /** Index of the first event that made it assigned (`assigned` or `connected`). */
  assignedAt: number | undefined;
  connectedAt: number | undefined;
  endedAt: number | undefined;
  /** Each distinct consumer message, in order: `id <eventId>`, or `at <instant>` without an id. */
  consumerMessageTimes: string[];
  decisions: ObservedDecision[];
}

export interface Observation {
  /** The base policy, defaults filled in (its `crm` holds for every session). */
  policy: ResolvedPolicy;
  sessions: Map<string, ObservedSession>;
  decisions: ObservedDecision[];
  /** The CRM's records after the whole trace. */
  records: CrmRecord[];
}

export function observe(policy: RecordCreationPolicy, records: readonly CrmRecord[], events: readonly unknown[], steps: readonly Step[]): Observation {
  if (steps.length !== events.length) throw new Error(`observe: ${events.length} events but ${steps.length} outcomes`);
  const sessions = new Map<string, ObservedSession>();
  const decisions: ObservedDecision[] = [];
  const store: CrmRecord[] = records.map((r) => ({ ...r, closedAt: r.closedAt ?? null }));
  // Statuses are the CRM's: overrides do not change them.
  const base = resolvePolicy(policy, defaultCatalog());
  const crm = base.crm;

  events.forEach((value, index) => {
    const step = steps[index];
    if (step === undefined || (step !== null && "rejected" in step)) return;
    const event = value as Record<string, unknown>;
    const type = event["type"];
    if (type === "record.status") {
      const record = store.find((r) => r.recordId === event["recordId"]);
      if (record !== undefined) setStatus(record, String(event["status"]), String(event["at"]), crm.closedStatuses);
    } else {
      const id = String(event["sessionId"]);
      const session = sessions.get(id);
      if (type === "started" && session === undefined) {
        const start = event as unknown as Started;
        sessions.set(id, { id, start, policy: sessionPolicy(policy, start), startIndex: index, assignedAt: undefined, connectedAt: undefined, endedAt: undefined, consumerMessageTimes: [], decisions: [] });
      } else if (session !== undefined && session.endedAt === undefined) {
        if (type === "assigned") session.assignedAt ??= index;
        if (type === "connected") {
          session.assignedAt ??= index;
          session.connectedAt ??= index;
        }
        const key = event["eventId"] === undefined ? `at ${instant(String(event["at"]))}` : `id ${String(event["eventId"])}`;
        if (type === "message" && event["from"] === "consumer" && !session.consumerMessageTimes.includes(key)) session.consumerMessageTimes.push(key);
        if (type === "ended") session.endedAt = index;
      }
    }
    if (step === null) return;

    const decision = step.decision as Decision;
    const session = sessions.get(decision.sessionId);
    const observed: ObservedDecision = { index, event, decision, session, facts: session === undefined ? { assigned: false, connected: false, ended: false, consumerMessages: 0 } : facts(session), recordsBefore: store.map((r) => ({ ...r })) };
    decisions.push(observed);
    session?.decisions.push(observed);
    if (decision.decision === "create") {
      store.push({ recordId: decision.recordId, endUser: session?.start.endUser ?? null, queue: session?.start.queue ?? "", status: crm.newStatus, createdAt: decision.at, closedAt: null });
    } else if (decision.decision === "append" && decision.reopened) {
      const record = store.find((r) => r.recordId === decision.recordId);
      if (record !== undefined) {
        record.status = crm.reopenStatus;
        record.closedAt = null;
      }
    }
  });
  return { policy: base, sessions, decisions, records: store };
}

/** The session's facts as of now. */
export function facts(session: ObservedSession): SessionFacts {
  return { assigned: session.assignedAt !== undefined, connected: session.connectedAt !== undefined, ended: session.endedAt !== undefined, consumerMessages: session.consumerMessageTimes.length };
}

/** Milliseconds since the epoch of an RFC 3339 time (the generated traces have no leap seconds). */
export function instant(at: string): number {
  const ms = Date.parse(at);
  if (Number.isNaN(ms)) throw new Error(`not a time: ${at}`);
  return ms;
}
