import type { CompiledPolicy, Settings } from "../../schemas/types/bundle.v1.js";
import type { Decision, Trigger } from "../../schemas/types/decision.v1.js";
import type { SessionEvent, Started } from "../../schemas/types/session-event.v1.js";
import { eventProblem } from "../events/check-event.js";
import { epochMs } from "../events/time.js";
import { chooseRecord, statusChange } from "../records/choose-record.js";
import type { RecordStore } from "../records/record-store.js";
import { EndedSessions } from "./ended-sessions.js";
import { internPool, Session } from "./session.js";
import { Variants, type Variant } from "./variants.js";

/**
 * An event the runtime refused, and why; nothing else changed. `retryable`: the event itself was
 * fine, but the caller's code (record store, warning handler) threw while it was applied; the
 * session is as before the event, and pushing the event again applies it then.
 */
export class Rejection {
  readonly rejected = true;
  constructor(
    readonly reason: string,
    readonly retryable = false,
    readonly cause?: unknown,
  ) {}
}

/** The caller's code threw: carried out of the decider as a retryable Rejection. */
class CallerFailure extends Error {
  constructor(
    readonly what: string,
    readonly error: unknown,
  ) {
    super(`${what} threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Calls the caller's code; whatever it throws becomes a CallerFailure. */
function callOut<T>(what: string, call: () => T): T {
  try {
    return call();
  } catch (error) {
    throw new CallerFailure(what, error);
  }
}

/** An in-flight session as `Decider.inspect` shows it: its progress and the settings in force for it. */
export interface SessionState {
  channel: "voice" | "chat";
  sessionType: string;
  queue: string;
  assigned: boolean;
  connected: boolean;
  decided: boolean;
  consumerMessages: number;
  settings: Settings;
}

export interface DeciderOptions {
  /** Told about accepted but suspicious input, e.g. a session type not in the catalog. */
  onWarning?: (message: string) => void;
  /** How many ended session ids are kept to recognise late redeliveries. */
  endedSessionMemory?: number;
}

/**
 * The runtime: feed it the events of many interleaved sessions, get each session's one
 * decision at the event that makes it (docs/semantics.md). Per-session settings go through
 * `settingsFor`, where override conditions will choose among the policy's settings.
 */
export class Decider {
  /** In-flight sessions, and the end time (a string) of recently ended ones. */
  private readonly sessions = new Map<string, Session | string>();
  private live = 0;
  private readonly ended: EndedSessions;
  private readonly variants: Variants;
  private readonly intern = internPool();
  private readonly warn: (message: string) => void;

  constructor(
    readonly policy: CompiledPolicy,
    private readonly store: RecordStore,
    options: DeciderOptions = {},
  ) {
    this.ended = new EndedSessions(options.endedSessionMemory);
    this.variants = new Variants(policy);
    const onWarning = options.onWarning;
    this.warn = onWarning === undefined ? () => {} : (message) => callOut("the warning handler", () => onWarning(message));
  }

  /** Sessions started and not yet ended. */
  get inFlight(): number {
    return this.live;
  }

  /** What the runtime holds of one in-flight session, for a service to show; undefined otherwise. */
  inspect(sessionId: string): SessionState | undefined {
    const session = this.sessions.get(sessionId);
    if (session === undefined || typeof session === "string") return undefined;
    const { assigned, connected, decided, consumerMessages } = session;
    return { channel: session.type.channel, sessionType: session.type.name, queue: session.queue, assigned, connected, decided, consumerMessages, settings: { ...this.settingsFor(session) } };
  }

  /** Applies one event (any JSON value): the decision it makes, a rejection, or undefined. */
  push(value: unknown): Decision | Rejection | undefined {
    try {
      return this.apply(value);
    } catch (error) {
      if (!(error instanceof CallerFailure)) throw error;
      return new Rejection(`${error.message}; nothing changed, push the event again`, true, error.error);
    }
  }

  private apply(value: unknown): Decision | Rejection | undefined {
    const problem = eventProblem(value);
    if (problem !== undefined) return new Rejection(problem);
    const event = value as SessionEvent;
    if (event.type === "record.status") return this.recordStatus(event.recordId, event.status, event.at);
    const session = this.sessions.get(event.sessionId);
    if (session === undefined) return event.type === "started" ? this.start(event) : new Rejection(`unknown session \`${event.sessionId}\`: no \`started\` event seen`);
    if (typeof session === "string") return this.afterEnd(event.sessionId, session, event.at);
    switch (event.type) {
      case "started":
        return session.sameStart(event) ? undefined : new Rejection(`second \`started\` for session \`${event.sessionId}\` with different attributes`);
      case "assigned": {
        if (session.assigned) return undefined;
        const due = !session.decided && session.type.channel === "voice" && !this.settingsFor(session).delayUntilConnected;
        const decision = due ? this.decide(session, "assigned", event.at) : undefined;
        session.assigned = true;
        return decision;
      }
      case "connected": {
        if (session.connected) return undefined;
        const due = !session.decided && (session.type.channel === "voice" || session.consumerMessages >= this.settingsFor(session).minConsumerMessages);
        const decision = due ? this.decide(session, "connected", event.at) : undefined;
        session.assigned = true;
        session.connected = true;
        return decision;
      }
      case "message":
        return this.message(session, event.from, event.at);
      case "ended":
        return this.end(session, event.at);
      default:
        return event satisfies never;
    }
  }

  /** The settings in force for a session: the policy's, with its matching overrides merged. */
  settingsFor(session: Session): Settings {
    return session.variant.settings;
  }

  private start(event: Started): Rejection | undefined {
    const variant = this.variants.for(event);
    const type = variant.types.get(event.sessionType, event.channel);
    if (!type.known) this.warn(`unknown session type \`${event.sessionType}\`: using its name as CALL_TYPE`);
    else if (type.channel !== event.channel) this.warn(`session type \`${event.sessionType}\` is a ${type.channel} type, but session \`${event.sessionId}\` is a ${event.channel}`);
    // A catalog type seen on the other channel: CALL_TYPE is a voice label only on voice.
    const asSeen = type.channel === event.channel ? type : { ...type, channel: event.channel, callType: event.channel === "voice" ? type.callType : type.name };
    const session = new Session(event, asSeen, variant, this.intern);
    this.sessions.set(event.sessionId, session);
    this.live++;
    return undefined;
  }

  private message(session: Session, from: "consumer" | "agent", at: string): Decision | Rejection | undefined {
    if (session.type.channel === "voice") return new Rejection(`\`message\` event on voice session \`${session.id}\``);
    if (from !== "consumer" || session.decided) return undefined;
    const settings = this.settingsFor(session);
    const enough = Math.max(settings.minConsumerMessages, settings.abandonedMinMessages);
    // Only while the count can still matter is it worth spotting redelivered messages.
    const remember = session.consumerMessages < enough;
    if (remember && session.messageTimes?.includes(at) === true) return undefined;
    const count = session.consumerMessages + 1;
    const decision = session.connected && count >= settings.minConsumerMessages ? this.decide(session, "message", at) : undefined;
    if (remember && decision === undefined) (session.messageTimes ??= []).push(at);
    session.consumerMessages = count;
    return decision;
  }

  /** Decides the session if it has no decision yet (the store may throw: then nothing changed), then forgets it. */
  private end(session: Session, at: string): Decision | undefined {
    const decision = session.decided ? undefined : this.decideAtEnd(session, at);
    const id = session.id;
    this.sessions.set(id, at);
    this.live--;
    const forgotten = this.ended.add(id);
    if (forgotten !== undefined && typeof this.sessions.get(forgotten) === "string") this.sessions.delete(forgotten);
    return decision;
  }

  private decideAtEnd(session: Session, at: string): Decision {
    const id = session.id;
    const settings = this.settingsFor(session);
    if (session.type.channel === "voice") {
      if (!session.connected && settings.createForAbandoned && !settings.delayUntilConnected) return this.decide(session, "ended", at);
      return none(session, "abandoned_call", at);
    }
    if (session.connected) return none(session, "below_message_threshold", at);
    switch (settings.abandonedChats) {
      case "all":
        return this.decide(session, "ended", at);
      case "min":
        return session.consumerMessages >= settings.abandonedMinMessages ? this.decide(session, "ended", at) : none(session, "abandoned_chat_below_message_threshold", at);
      case "none": {
        const short = settings.shortAbandonSeconds !== null && epochMs(at) - epochMs(session.startedAt) <= settings.shortAbandonSeconds * 1000;
        return none(session, short ? "short_abandoned_chat" : "abandoned_chat", at);
      }
      default:
        return settings.abandonedChats satisfies never;
    }
  }

  /** A record is due: append to an existing one or create one. The session is decided once the store has done its part. */
  private decide(session: Session, trigger: Trigger, at: string): Decision {
    const decision = this.recordDecision(session, trigger, at);
    session.decided = true;
    session.messageTimes = undefined;
    return decision;
  }

  private recordDecision(session: Session, trigger: Trigger, at: string): Decision {
    const settings = this.settingsFor(session);
    const crm = this.policy.crm;
    const v = session.variant;
    if (settings.appendToOpen && session.endUser !== undefined) {
      const endUser = session.endUser;
      const target = chooseRecord(callOut("the record store", () => this.store.recordsOf(endUser, session.queue)), crm, settings, at);
      if (target !== undefined) {
        const { record, reopen } = target;
        if (reopen) callOut("the record store", () => this.store.update(record.recordId, { status: crm.reopenStatus, closedAt: null }));
        return { sessionId: session.id, decision: "append", recordId: record.recordId, trigger, at, tags: [...session.type.tags], status: reopen ? crm.reopenStatus : record.status, reopened: reopen, policy: v.policy, revision: v.revision, overrides: matched(v) };
      }
    }
    const title = session.variant.title({
      callType: session.type.callType,
      sessionId: session.id,
      menuPath: session.menuPath,
      phoneNumber: session.phoneNumber,
      language: session.language,
      startedAt: session.startedAt,
    });
    const recordId = callOut("the record store", () => this.store.create({ endUser: session.endUser ?? null, queue: session.queue, status: crm.newStatus, createdAt: at, closedAt: null }));
    return { sessionId: session.id, decision: "create", recordId, trigger, at, title, tags: [...session.type.tags], status: crm.newStatus, policy: v.policy, revision: v.revision, overrides: matched(v) };
  }

  private recordStatus(recordId: string, status: string, at: string): Rejection | undefined {
    const record = callOut("the record store", () => this.store.get(recordId));
    if (record === undefined) return new Rejection(`unknown record \`${recordId}\``);
    callOut("the record store", () => this.store.update(recordId, statusChange(record, status, at, this.policy.crm)));
    return undefined;
  }

  private afterEnd(sessionId: string, endedAt: string, at: string): Rejection | undefined {
    if (epochMs(at) <= epochMs(endedAt)) return undefined; // a late redelivery
    return new Rejection(`event after session \`${sessionId}\` ended at ${endedAt}`);
  }
}

function none(session: Session, reason: Extract<Decision, { decision: "none" }>["reason"], at: string): Decision {
  const v = session.variant;
  return { sessionId: session.id, decision: "none", reason, at, policy: v.policy, revision: v.revision, overrides: matched(v) };
}

/** The overrides a decision lists (provenance, with the variant's policy and revision): a copy the caller may keep. */
function matched(variant: Variant): number[] {
  return variant.overrides.length === 0 ? [] : [...variant.overrides];
}
