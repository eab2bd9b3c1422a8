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

/** What one event did. */
export type Outcome = { decision: Decision } | { rejected: string } | { warning: string } | {};

interface SessionHistory {
  start: Started;
  /** The policy as it applies to this session: overrides matched at its start merged in. */
  policy: ResolvedPolicy;
  /** Indexes of those overrides, in file order. */
  overrides: number[];
  events: SessionEvent[];
  decided: boolean;
  endedAt?: string;
}

/**
 * The reference interpreter: docs/domain.md and docs/semantics.md read as plainly as possible,
 * keeping every session's whole history. Slow on purpose; the fast runtime is tested against it.
 */
export class ReferenceInterpreter {
  private readonly sessions = new Map<string, SessionHistory>();
  private readonly records: CrmRecord[];
  private created = 0;

  private readonly policy: ResolvedPolicy;

  constructor(
    private readonly source: RecordCreationPolicy,
    private readonly catalog: Catalog,
    records: readonly CrmRecord[],
    /** The policy's revision in the bundle: sha256 of its source file (docs/semantics.md, "Provenance"). */
    private readonly revision: string,
  ) {
    this.policy = referencePolicy(source, catalog);
    this.records = records.map((r) => ({ ...r, closedAt: r.closedAt ?? null }));
  }

  apply(value: unknown): Outcome {
    if (!isValidEvent(value)) return { rejected: "not a valid session event" };
    const event = value as SessionEvent;
    if (event.type === "record.status") return this.statusChange(event.recordId, event.status, event.at);

    const session = this.sessions.get(event.sessionId);
    if (session?.endedAt !== undefined) {
      // After its end a session takes nothing new; older events are redeliveries.
      return instant(event.at) <= instant(session.endedAt) ? {} : { rejected: "event after the session ended" };
    }
    if (event.type === "started") {
      if (session === undefined) return this.start(event);
      return sameAttributes(session.start, event) ? {} : { rejected: "second started with different attributes" };
    }
    if (session === undefined) return { rejected: "unknown session" };
    if (event.type === "message" && session.start.channel === "voice") return { rejected: "message on a voice session" };
    if (event.type === "message" && event.from === "consumer" && session.events.some((e) => e.type === "message" && e.from === "consumer" && e.at === event.at)) {
      return {}; // the same consumer message, delivered again
    }

    const dueBefore = this.recordDue(session);
    session.events.push(event);
    if (event.type === "ended") session.endedAt = event.at;
    if (session.decided) return {};
    if (!dueBefore && this.recordDue(session)) return this.decide(session, event.type as Trigger, event.at);
    if (event.type === "ended") return this.endWithoutRecord(session, event.at);
    return {};
  }

  private start(event: Started): Outcome {
    const matches = this.matchingOverrides(event);
    const overrides = matches.flatMap((matched, i) => (matched ? [i] : []));
    this.sessions.set(event.sessionId, { start: event, policy: referencePolicy(referenceMerge(this.source, matches), this.catalog), overrides, events: [], decided: false });
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
    return { policy: this.source.metadata.name, revision: this.revision, overrides: [...session.overrides] };
  }

  private consumerMessages(session: SessionHistory): number {
    return new Set(session.events.filter((e) => e.type === "message" && e.from === "consumer").map((e) => e.at)).size;
  }

  /** Is a record due, given everything that has happened in the session so far? */
  private recordDue(session: SessionHistory): boolean {
    const s = session.policy.records;
    const has = (type: string) => session.events.some((e) => e.type === type);
    const connected = has("connected");
    const assigned = has("assigned") || connected;
    const ended = has("ended");
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
      return { decision: { sessionId: start.sessionId, decision: "append", recordId: target.recordId, trigger, at, tags, status: target.status, reopened, ...this.provenance(session) } };
    }
    const callType = start.channel === "voice" && type?.channel === "voice" ? type.callType ?? type.name : start.sessionType;
    const title = referenceTitle(policy, start, callType);
    const recordId = `sim-${++this.created}`;
    this.records.push({ recordId, endUser: start.endUser ?? null, queue: start.queue, status: crm.newStatus, createdAt: at, closedAt: null });
    return { decision: { sessionId: start.sessionId, decision: "create", recordId, trigger, at, title, tags, status: crm.newStatus, ...this.provenance(session) } };
  }

  /** The latest open record of the same end user and leaf queue, else the latest closed within D days. */
  private appendTarget(policy: ResolvedPolicy, start: Started, at: string): CrmRecord | undefined {
    const s = policy.records;
    const crm = policy.crm;
    if (!s.append.toOpenRecord || start.endUser === undefined) return undefined;
    const mine = this.records.filter((r) => r.endUser === start.endUser && r.queue === start.queue && !crm.neverUpdated.includes(r.status));
    const latest = (list: CrmRecord[]) => list.reduce<CrmRecord | undefined>((best, r) => (best === undefined || instant(r.createdAt) >= instant(best.createdAt) ? r : best), undefined);
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

function sameAttributes(a: Started, b: Started): boolean {
  const fields = ["at", "channel", "sessionType", "queue", "menuPath", "phoneNumber", "language", "endUser"] as const;
  return fields.every((f) => a[f] === b[f]);
}


const conditions = new Map<string, ReturnType<typeof parseCondition>>();

/** Parsing is pure; nearley is slow, so each condition text is parsed once. */
function parsed(text: string): ReturnType<typeof parseCondition> {
  let result = conditions.get(text);
  if (result === undefined) conditions.set(text, (result = parseCondition(text)));
  return result;
}
