import type { Catalog } from "../compiler/model/catalog.js";
import { parseCondition } from "../compiler/conditions/parse-condition.js";
import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import { referencePolicy } from "./defaults.js";
import { referenceMerge } from "./merge.js";
import type { RecordCreationPolicy } from "../schemas/types/policy.v1.js";
import { referenceCondition } from "./conditions.js";
import type { Decision, Trigger } from "../schemas/types/decision.v1.js";
import type { CrmRecord } from "../schemas/types/record.v1.js";
import type { SessionEvent, Started } from "../schemas/types/session-event.v1.js";
import { isValidEvent } from "./event-schema.js";
import { referenceTags } from "./tags.js";
import { instant, referenceTitle } from "./titles.js";

/** What one event did (`held`: a rejection of an event held earlier for its session's start, not of this one). */
export type Outcome = { decision: Decision } | { rejected: string; held?: true } | { warning: string } | {};

interface SessionHistory {
  start: Started;
  /** The policy as it applies to this session: overrides matched at its start merged in. */
  policy: ResolvedPolicy;
  /** Indexes of those overrides, in file order. */
  overrides: number[];
  /** The policy version current at its start: its decisions say so. */
  name: string;
  revision: string;
  events: SessionEvent[];
  decided: boolean;
  /** Its `ended`, once accepted. */
  endedAt?: string;
  /** Ids of the events it accepted, in order (the first 256). */
  ids: string[];
  /** Decided and done with; `closedAt`: its end (or last event, if it expired). */
  closed: boolean;
  closedAt?: string;
  /** Deadlines tie in the order they were set (its start, then its end). */
  dueSeq: number;
}

/** An event of a session whose `started` has not come yet. */
interface HeldEvent {
  event: SessionEvent & { sessionId: string };
  dueSeq: number;
}

/** Bounds on held events (docs/semantics.md): per session, and in all. */
const heldPerSession = 64;
const heldInAll = 10_000;

export interface ReferenceOptions {
  /** ms of event time after `ended` that late events are applied and end decisions wait (default 30 s). */
  lateness?: number;
  /** ms of event time after its start that a session with no `ended` is closed (default a day). */
  maxSessionAge?: number;
}

/** The latest `at` of the session's start and accepted events (the first, on a tie). */
function lastAt(session: SessionHistory): string {
  let at = session.start.at;
  for (const e of session.events) if (instant(e.at) > instant(at)) at = e.at;
  return at;
}

/**
 * The reference interpreter: docs/domain.md and docs/semantics.md read as plainly as possible,
 * keeping every session's whole history. Slow on purpose; the fast runtime is tested against it.
 */
export class ReferenceInterpreter {
  private readonly sessions = new Map<string, SessionHistory>();
  /** Events that came before their session's `started`, in arrival order. */
  private held: HeldEvent[] = [];
  private readonly records: CrmRecord[];
  private created = 0;

  private policy: ResolvedPolicy;
  private readonly lateness: number;
  private readonly maxAge: number;
  /** Event time: the latest `at` of a valid event. */
  private now = -Infinity;
  private seq = 0;

  constructor(
    private source: RecordCreationPolicy,
    private readonly catalog: Catalog,
    records: readonly CrmRecord[],
    /** The policy's revision in the bundle: sha256 of its source file (docs/semantics.md, "Provenance"). */
    private revision: string,
    options: ReferenceOptions = {},
  ) {
    this.lateness = options.lateness ?? 30_000;
    this.maxAge = options.maxSessionAge ?? 86_400_000;
    this.policy = referencePolicy(source, catalog);
    this.records = records.map((r) => ({ ...r, closedAt: r.closedAt ?? null }));
  }

  /**
   * One event: the decisions of sessions whose time came as event time moved to its `at`
   * (earliest deadline first), then what the event itself did.
   */
  receive(value: unknown): Outcome[] {
    if (!isValidEvent(value)) return [{ rejected: "not a valid session event" }];
    const event = value as SessionEvent;
    const out = this.advance(instant(event.at));
    const outcome = this.apply(event);
    if (Object.keys(outcome).length > 0) out.push(outcome);
    if (event.type === "started") out.push(...this.release(event.sessionId));
    return out;
  }

  /** Once a session has started, its held events are applied in the order they happened (by `at`, then arrival). */
  private release(sessionId: string): Outcome[] {
    const session = this.sessions.get(sessionId);
    if (session === undefined || session.closed) return [];
    const mine = this.held.filter((h) => h.event.sessionId === sessionId);
    this.held = this.held.filter((h) => h.event.sessionId !== sessionId);
    const ordered = mine.map((h, arrival) => ({ h, arrival })).sort((a, b) => instant(a.h.event.at) - instant(b.h.event.at) || a.arrival - b.arrival);
    return ordered
      .map(({ h }) => this.apply(h.event))
      .filter((o) => Object.keys(o).length > 0)
      .map((o) => ("rejected" in o ? { ...o, held: true as const } : o));
  }

  /**
   * A new policy version from now on: sessions that start later run under it; those already
   * started keep the version they started under (docs/snapshots.md).
   */
  update(source: RecordCreationPolicy, revision: string): void {
    this.source = source;
    this.revision = revision;
    this.policy = referencePolicy(source, this.catalog);
  }

  /** Event time moves to `time`: sessions due by then are closed. */
  advanceTo(time: string): Outcome[] {
    return this.advance(instant(time));
  }

  /** End of input: every open session is closed, earliest deadline first. */
  flush(): Outcome[] {
    return this.advance(Infinity, false);
  }

  /** When an open session is closed: lateness after its end, or maxSessionAge after its start. */
  private due(session: SessionHistory): number {
    return session.endedAt !== undefined ? instant(session.endedAt) + this.lateness : instant(session.start.at) + this.maxAge;
  }

  private advance(t: number, moveTime = true): Outcome[] {
    const out: Outcome[] = [];
    for (;;) {
      // open sessions and held events whose time has come, earliest deadline first; ties in the order the deadlines were set
      const due = [
        ...[...this.sessions.values()]
          .filter((s) => !s.closed)
          .map((s) => ({ due: this.due(s), seq: s.dueSeq, session: s as SessionHistory | undefined, held: undefined as HeldEvent | undefined })),
        ...this.held.map((h) => ({ due: instant(h.event.at) + this.lateness, seq: h.dueSeq, session: undefined, held: h })),
      ].filter((d) => d.due <= t);
      if (due.length === 0) break;
      const next = due.reduce((a, b) => (b.due < a.due || (b.due === a.due && b.seq < a.seq) ? b : a));
      if (next.held !== undefined) {
        this.held = this.held.filter((h) => h !== next.held);
        out.push({ rejected: "its session did not start within the lateness", held: true });
        continue;
      }
      const decision = this.close(next.session!);
      if (decision !== undefined) out.push({ decision });
    }
    if (moveTime && t > this.now) this.now = t;
    return out;
  }

  /** Its end decision if it has none: at its `ended`, or (expired) at its last event, `expired` instead of any other reason for none. */
  private close(session: SessionHistory): Decision | undefined {
    const expired = session.endedAt === undefined;
    const at = session.endedAt ?? lastAt(session);
    session.closed = true;
    session.closedAt = at;
    if (session.decided) return undefined;
    const outcome = this.recordDue(session, true) ? this.decide(session, "ended", at) : this.endWithoutRecord(session, at);
    const decision = (outcome as { decision: Decision }).decision;
    return expired && decision.decision === "none" ? { ...decision, reason: "expired" } : decision;
  }

  private apply(event: SessionEvent): Outcome {
    if (event.type === "record.status") return this.statusChange(event.recordId, event.status, event.at);
    let session = this.sessions.get(event.sessionId);
    // An ended session is remembered until its start is maxSessionAge old.
    if (session?.closed === true && this.now >= instant(session.start.at) + this.maxAge) session = undefined;
    if (session === undefined) {
      if (event.type !== "started") return this.hold(event);
      if (instant(event.at) + this.maxAge <= this.now) return { rejected: "started more than maxSessionAge before event time" };
      return this.start(event);
    }
    if (session.closed) {
      // After its end a session takes nothing new; older events are redeliveries.
      return instant(event.at) <= instant(session.closedAt!) ? {} : { rejected: "event after the session ended" };
    }
    // Until its decision, a session knows the ids of the events it accepted (the first 256).
    if (event.eventId !== undefined && !session.decided && session.ids.includes(event.eventId)) return {};
    if (event.type !== "started" && instant(event.at) < instant(session.start.at)) return { rejected: "event stamped before its session started" };
    if (session.endedAt !== undefined) {
      // Ended, its decision waiting for late events: those stamped after the end are refused.
      if (instant(event.at) > instant(session.endedAt)) return { rejected: "event after the session ended" };
      if (event.type === "ended") return {};
    }
    if (event.type === "started") {
      if (!sameAttributes(session.start, event)) return { rejected: "second started with different attributes" };
      this.rememberId(session, event);
      return {};
    }
    if (event.type === "message" && session.start.channel === "voice") return { rejected: "message on a voice session" };
    if (
      event.type === "message" &&
      event.from === "consumer" &&
      event.eventId === undefined &&
      session.events.some((e) => isConsumerMessage(e) && e.eventId === undefined && instant(e.at) === instant(event.at))
    ) {
      return {}; // without ids: the same consumer message, delivered again
    }

    const dueBefore = this.recordDue(session, false);
    session.events.push(event);
    this.rememberId(session, event);
    if (event.type === "ended") {
      session.endedAt = event.at;
      session.dueSeq = ++this.seq;
      if (!session.decided && instant(event.at) + this.lateness > this.now) return {}; // decided when the lateness has passed
      const decision = this.close(session);
      return decision === undefined ? {} : { decision };
    }
    if (session.decided || dueBefore || !this.recordDue(session, false)) return {};
    const outcome = this.decide(session, event.type satisfies Trigger, event.at);
    if (session.endedAt !== undefined) this.close(session); // a late event decided it
    return outcome;
  }

  /** An event before its session's `started`: held while its `at` plus the lateness is ahead of event time, within the bounds. */
  private hold(event: SessionEvent & { sessionId: string }): Outcome {
    if (instant(event.at) + this.lateness <= this.now) return { rejected: "unknown session" };
    if (this.held.filter((h) => h.event.sessionId === event.sessionId).length >= heldPerSession) return { rejected: "too many held events for the session" };
    if (this.held.length >= heldInAll) return { rejected: "too many held events" };
    this.held.push({ event, dueSeq: ++this.seq });
    return {};
  }

  private rememberId(session: SessionHistory, event: SessionEvent): void {
    if (event.eventId !== undefined && !session.ids.includes(event.eventId) && session.ids.length < 256) session.ids.push(event.eventId);
  }

  private start(event: Started): Outcome {
    const matches = this.matchingOverrides(event);
    const overrides = matches.flatMap((matched, i) => (matched ? [i] : []));
    this.sessions.set(event.sessionId, {
      start: event,
      policy: referencePolicy(referenceMerge(this.source, matches), this.catalog),
      overrides,
      name: this.source.metadata.name,
      revision: this.revision,
      events: [],
      decided: false,
      ids: event.eventId === undefined ? [] : [event.eventId],
      closed: false,
      dueSeq: ++this.seq,
    });
    const known = this.catalog.sessionTypes.some((t) => t.name === event.sessionType);
    return known ? {} : { warning: `unknown session type ${event.sessionType}` };
  }

  /** Whether each override's condition holds, in file order; the matching ones are deep-merged over the base policy. */
  private matchingOverrides(start: Started): boolean[] {
    return (this.source.overrides ?? []).map((override) => {
      const condition = parsed(override.when);
      return condition.ok && referenceCondition(condition.ast, start);
    });
  }

  /** Where a session's decision came from. */
  private provenance(session: SessionHistory): { policy: string; revision: string; overrides: number[] } {
    return { policy: session.name, revision: session.revision, overrides: [...session.overrides] };
  }

  /** Consumer messages: one per distinct eventId, and one per distinct instant of those without an id. */
  private consumerMessages(session: SessionHistory): number {
    const messages = session.events.filter(isConsumerMessage);
    const ids = new Set(messages.filter((e) => e.eventId !== undefined).map((e) => e.eventId));
    const instants = new Set(messages.filter((e) => e.eventId === undefined).map((e) => instant(e.at)));
    return ids.size + instants.size;
  }

  /** Is a record due, given everything that has happened in the session so far, and whether it has ended (or is closed as if)? */
  private recordDue(session: SessionHistory, ended: boolean): boolean {
    const s = session.policy.records;
    const has = (type: string) => session.events.some((e) => e.type === type);
    const connected = has("connected");
    const assigned = has("assigned") || connected;
    if (session.start.channel === "voice") {
      if (s.calls.delayUntilConnected) return connected;
      if (assigned) return true;
      return ended && s.calls.createForAbandoned;
    }
    if (connected) return this.consumerMessages(session) >= s.chats.minConsumerMessages;
    if (!ended) return false;
    const abandoned = s.chats.abandoned;
    if (abandoned === "none") return false;
    if (abandoned === "all") return true;
    return this.consumerMessages(session) >= abandoned.minConsumerMessages;
  }

  private endWithoutRecord(session: SessionHistory, at: string): Outcome {
    const s = session.policy.records;
    const sessionId = session.start.sessionId;
    const connected = session.events.some((e) => e.type === "connected");
    let reason: Extract<Decision, { decision: "none" }>["reason"];
    if (session.start.channel === "voice") reason = "abandoned_call";
    else if (connected) reason = "below_message_threshold";
    else if (typeof s.chats.abandoned === "object") reason = "abandoned_chat_below_message_threshold";
    else {
      const seconds = (instant(at) - instant(session.start.at)) / 1000;
      reason = s.chats.shortAbandonSeconds !== null && seconds <= s.chats.shortAbandonSeconds ? "short_abandoned_chat" : "abandoned_chat";
    }
    return { decision: { sessionId, decision: "none", reason, at, ...this.provenance(session) } };
  }

  private decide(session: SessionHistory, trigger: Trigger, at: string): Outcome {
    session.decided = true;
    const { start } = session;
    const { policy } = session;
    const crm = policy.crm;
    const type = this.catalog.sessionTypes.find((t) => t.name === start.sessionType);
    const tags = referenceTags(policy, start.sessionType);
    const target = this.appendTarget(policy, start, at);
    if (target !== undefined) {
      const reopened = crm.closedStatuses.includes(target.status);
      if (reopened) {
        target.status = crm.reopenStatus;
        target.closedAt = null;
      }
      return {
        decision: {
          sessionId: start.sessionId,
          decision: "append",
          recordId: target.recordId,
          trigger,
          at,
          tags,
          status: target.status,
          reopened,
          ...this.provenance(session),
        },
      };
    }
    const callType = start.channel === "voice" && type?.channel === "voice" ? (type.callType ?? type.name) : start.sessionType;
    const title = referenceTitle(policy, start, callType);
    const recordId = `sim-${++this.created}`;
    this.records.push({ recordId, endUser: start.endUser ?? null, queue: start.queue, status: crm.newStatus, createdAt: at, closedAt: null });
    return {
      decision: { sessionId: start.sessionId, decision: "create", recordId, trigger, at, title, tags, status: crm.newStatus, ...this.provenance(session) },
    };
  }

  /** The latest open record of the same end user and leaf queue, else the latest closed within D days. */
  private appendTarget(policy: ResolvedPolicy, start: Started, at: string): CrmRecord | undefined {
    const s = policy.records;
    const crm = policy.crm;
    if (!s.append.toOpenRecord || start.endUser === undefined) return undefined;
    const mine = this.records.filter((r) => r.endUser === start.endUser && r.queue === start.queue && !crm.neverUpdated.includes(r.status));
    const latest = (list: CrmRecord[]) =>
      list.reduce<CrmRecord | undefined>((best, r) => (best === undefined || instant(r.createdAt) >= instant(best.createdAt) ? r : best), undefined);
    const open = latest(mine.filter((r) => !crm.closedStatuses.includes(r.status)));
    if (open !== undefined) return open;
    const days = s.append.closedWithinDays;
    if (days === null) return undefined;
    return latest(mine.filter((r) => crm.closedStatuses.includes(r.status) && r.closedAt !== null && instant(at) - instant(r.closedAt) <= days * 86_400_000));
  }

  private statusChange(recordId: string, status: string, at: string): Outcome {
    const record = this.records.find((r) => r.recordId === recordId);
    if (record === undefined) return { rejected: "unknown record" };
    const closed = this.policy.crm.closedStatuses;
    if (!closed.includes(status)) record.closedAt = null;
    else if (!closed.includes(record.status) || record.closedAt === null) record.closedAt = at;
    record.status = status;
    return {};
  }
}

function isConsumerMessage(e: SessionEvent): boolean {
  return e.type === "message" && e.from === "consumer";
}

function sameAttributes(a: Started, b: Started): boolean {
  if (instant(a.at) !== instant(b.at)) return false;
  const fields = ["channel", "sessionType", "queue", "menuPath", "phoneNumber", "language", "endUser"] as const;
  return fields.every((f) => a[f] === b[f]);
}

const conditions = new Map<string, ReturnType<typeof parseCondition>>();

/** Parsing is pure; nearley is slow, so each condition text is parsed once. */
function parsed(text: string): ReturnType<typeof parseCondition> {
  let result = conditions.get(text);
  if (result === undefined) conditions.set(text, (result = parseCondition(text)));
  return result;
}
