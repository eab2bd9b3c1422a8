import type { CompiledPolicy, Settings } from "../../schemas/types/bundle.v1.js";
import type { Decision, Trigger } from "../../schemas/types/decision.v1.js";
import type { SessionEvent, Started } from "../../schemas/types/session-event.v1.js";
import { eventProblem } from "../events/check-event.js";
import { epochMs, isTime } from "../events/time.js";
import { statusChange } from "../records/choose-record.js";
import type { RecordStore } from "../records/record-store.js";
import { Deadlines } from "./deadlines.js";
import { EndedSessions } from "./ended-sessions.js";
import { EarlyEvents } from "./holding.js";
import { endRule } from "./end-rule.js";
import { HeldEvent } from "./held-events.js";
import { none, recordDecision } from "./record-decision.js";
import { CallerFailure, callOut, Rejection, type Outcome } from "./rejection.js";
import { internPool, Session } from "./session.js";
import type { SessionTypeInfo } from "./session-types.js";
import { Variants, type Variant } from "./variants.js";
import { readSnapshot, takeSnapshot, type PolicySource, type RestoredSession } from "./snapshot.js";
import type { DeciderSnapshot } from "../../schemas/types/decider-snapshot.v1.js";

export { Rejection, type Outcome } from "./rejection.js";

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
  /**
   * How long (ms of event time) a late event still counts as if in order: after a session's
   * `ended` its events stamped at or before the end are applied, and the decisions that depend
   * on the end wait that long; events that come before their session's `started` are held for
   * it until event time is that far past their `at`. Default 30 s; 0: decided at `ended`,
   * nothing held.
   */
  lateness?: number;
  /** A session with no `ended` this long (ms of event time) after its start is closed: `expired`. Default a day. */
  maxSessionAge?: number;
  /**
   * At most this many ended sessions remembered, on top of the time bound: for replayers that
   * run many independent traces through one decider without moving event time.
   */
  endedSessionMemory?: number;
  /** Keep the ids of the sessions each event changes, for `dirtySessions()` (docs/snapshots.md). */
  trackChanges?: boolean;
}

/** How a restored decider runs: its timing comes from the snapshot. */
export type RestoreOptions = Pick<DeciderOptions, "onWarning" | "trackChanges">;

export const defaultLateness = 30_000;
export const defaultMaxSessionAge = 86_400_000;

/** A session that ended and was decided: its end, kept until its start is maxSessionAge old. */
class Ended {
  constructor(
    readonly at: string,
    readonly forgetMs: number,
  ) {}
}

const noOutcomes: readonly Outcome[] = Object.freeze([]);

/**
 * The runtime: feed it the events of many interleaved sessions, get each session's one
 * decision at the event that makes it (docs/semantics.md). Per-session settings go through
 * `settingsFor`, where override conditions will choose among the policy's settings.
 */
export class Decider {
  /** In-flight sessions, and the end of recently ended ones. */
  private readonly sessions = new Map<string, Session | Ended>();
  private live = 0;
  private startedCount = 0;
  /** Event time: the latest `at` of a valid event, or a time given to advanceTo. */
  private now = -Infinity;
  private readonly lateness: number;
  private readonly maxAge: number;
  /** Open sessions (until their expiry, or their end plus the lateness) and held events (until their `at` plus the lateness). */
  private readonly deadlines = new Deadlines<Session | HeldEvent>();
  /** Events of sessions whose `started` has not come yet. */
  private readonly held: EarlyEvents;
  /** Ended sessions in the order they ended, with the time each may be forgotten. */
  private readonly ended: EndedSessions;
  private variants: Variants;
  private readonly intern = internPool();
  private readonly warn: (message: string) => void;
  /** Ids of the sessions changed since the last `dirtySessions()`, when tracked. */
  private readonly dirty: Set<string> | undefined;

  constructor(
    policy: CompiledPolicy,
    private readonly store: RecordStore,
    options: DeciderOptions = {},
  ) {
    this.lateness = options.lateness ?? defaultLateness;
    this.maxAge = options.maxSessionAge ?? defaultMaxSessionAge;
    this.ended = new EndedSessions(options.endedSessionMemory);
    this.held = new EarlyEvents(this.deadlines, this.lateness);
    this.dirty = options.trackChanges === true ? new Set() : undefined;
    this.variants = new Variants(policy);
    const onWarning = options.onWarning;
    this.warn = onWarning === undefined ? () => {} : (message) => callOut("the warning handler", () => onWarning(message));
  }

  /** The policy new sessions start under. */
  get policy(): CompiledPolicy {
    return this.variants.policy;
  }

  /**
   * Takes a new policy version live: sessions that start from now on run under it; sessions
   * already started keep the version (and the overrides) they started under until they are
   * closed, and their decisions say so. An old version is dropped with its last session.
   */
  update(policy: CompiledPolicy): void {
    this.variants = new Variants(policy);
  }

  /**
   * Everything in flight, as plain JSON (schemas/decider-snapshot.v1.schema.json): give it to
   * `Decider.restore` with the bundle(s) of its policy versions, and the same record store, to
   * continue exactly where this decider is now. With `only` (e.g. `dirtySessions()`), a partial
   * snapshot of those sessions, for `mergeSnapshot` into a full one taken earlier.
   */
  snapshot(only?: Iterable<string>): DeciderSnapshot {
    const ids = only === undefined ? undefined : new Set(only);
    // the sessions map holds the end of an id's latest ending (its last entry), while its time is not up
    let entries = this.ended.entries();
    if (ids !== undefined) entries = entries.filter((e) => ids.has(e.id));
    const ended: { id: string; forgetMs: number; n: number; at?: string }[] = new Array(entries.length);
    const seen = new Set<string>();
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      const entry = seen.has(e.id) ? undefined : this.sessions.get(e.id);
      seen.add(e.id);
      ended[i] = entry instanceof Ended && entry.forgetMs > this.now ? { ...e, at: entry.at } : e;
    }
    const waiting = this.deadlines.ordered();
    const sessions: Session[] = [];
    const held: HeldEvent[] = [];
    for (const w of waiting) {
      if (w instanceof HeldEvent) {
        if (ids === undefined || ids.has(w.event.sessionId)) held.push(w);
      } else if (ids === undefined || ids.has(w.id)) sessions.push(w);
    }
    const timing = { lateness: this.lateness, maxSessionAge: this.maxAge, endedSessionMemory: this.ended.capacity === Infinity ? null : this.ended.capacity };
    return takeSnapshot({
      current: this.variants.policy,
      timing,
      now: this.now,
      started: this.startedCount,
      sessions,
      ended,
      held,
      orderOf: (item) => this.deadlines.orderOf(item),
      ...(ids === undefined ? {} : { only: [...ids] }),
    });
  }

  /**
   * A decider that continues where the one that took `snapshot` stopped. `policies`: a bundle,
   * a policy, or several, holding every policy version the snapshot names. Throws a
   * SnapshotError, saying what and where, for a snapshot that is not one, is from another
   * bundle format, or names a version not given.
   */
  static restore(policies: PolicySource, snapshot: unknown, store: RecordStore, options: RestoreOptions = {}): Decider {
    const read = readSnapshot(policies, snapshot);
    const { timing } = read;
    const decider = new Decider(read.current.policy, store, {
      ...options,
      lateness: timing.lateness,
      maxSessionAge: timing.maxSessionAge,
      ...(timing.endedSessionMemory === null ? {} : { endedSessionMemory: timing.endedSessionMemory }),
    });
    decider.load(read.current, read.now, read.started, read.sessions, read.ended);
    decider.held.restore(read.held);
    return decider;
  }

  private load(
    current: Variants,
    now: number,
    started: number,
    sessions: readonly RestoredSession[],
    ended: readonly { id: string; forgetMs: number; n: number; at?: string }[],
  ): void {
    this.variants = current;
    this.now = now;
    this.startedCount = started;
    for (const r of sessions) {
      const session = new Session(r.start, sessionTypeAsSeen(r.variant, r.start), r.variant, this.intern);
      session.restore(r.progress);
      this.sessions.set(session.id, session);
      const due = session.endedAt !== undefined ? epochMs(session.endedAt) + this.lateness : session.startMs + this.maxAge;
      this.deadlines.place(session, due, r.order);
      this.live++;
    }
    for (const e of ended) if (e.at !== undefined) this.sessions.set(e.id, new Ended(e.at, e.forgetMs));
    this.ended.restore(ended);
  }

  /**
   * The ids of the sessions that changed since the last call (with `trackChanges`): a service
   * persists just those, taking each one's part of `snapshot()` (docs/snapshots.md).
   */
  dirtySessions(): string[] {
    if (this.dirty === undefined) throw new TypeError("dirtySessions: construct the Decider with `trackChanges: true`");
    const ids = [...this.dirty];
    this.dirty.clear();
    return ids;
  }

  /** Sessions started and not yet closed. */
  get inFlight(): number {
    return this.live;
  }

  /** Sessions started so far (a redelivered `started` is not another). */
  get sessionsStarted(): number {
    return this.startedCount;
  }

  /** Events held for their session's `started`. */
  get heldEvents(): number {
    return this.held.size;
  }

  /** Whether this event value (as given to `receive`) is held for its session's `started`. */
  isHeld(value: unknown): boolean {
    return this.held.holds(value);
  }

  /** What the runtime holds of one in-flight session, for a service to show; undefined otherwise. */
  inspect(sessionId: string): SessionState | undefined {
    const session = this.sessions.get(sessionId);
    if (session === undefined || session instanceof Ended) return undefined;
    const { assigned, connected, decided, consumerMessages } = session;
    return {
      channel: session.type.channel,
      sessionType: session.type.name,
      queue: session.queue,
      assigned,
      connected,
      decided,
      consumerMessages,
      settings: { ...this.settingsFor(session) },
    };
  }

  /**
   * Takes one event (any JSON value). Returns what it gave, in order: decisions of sessions
   * whose time has come now that event time moved to the event's `at`, then the event's own
   * decision or rejection. Nothing means the event was applied (or was a redelivery) and
   * decided nothing yet.
   */
  receive(value: unknown): readonly Outcome[] {
    const problem = eventProblem(value);
    if (problem !== undefined) return [new Rejection(problem)];
    const event = value as SessionEvent;
    let out: Outcome[] | undefined;
    try {
      const t = epochMs(event.at);
      if (this.deadlines.nextDue <= t) this.advance(t, (out = []));
      else if (t > this.now) this.now = t;
      const result = this.apply(event, t);
      if (result !== undefined) (out ??= []).push(result);
      if (event.type === "started" && this.held.size > 0) this.release(event.sessionId, (out ??= []));
    } catch (error) {
      if (!(error instanceof CallerFailure)) throw error;
      (out ??= []).push(new Rejection(`${error.message}; nothing changed, push the event again`, true, error.error));
    }
    if (this.ended.nextDue <= this.now) this.forgetOld();
    return out ?? noOutcomes;
  }

  /** Event time moved to `time` (an RFC 3339 time) with no event: a quiet stream. Returns the decisions that are due. */
  advanceTo(time: string): readonly Outcome[] {
    if (!isTime(time)) throw new TypeError(`advanceTo: not an RFC 3339 time: ${JSON.stringify(time)}`);
    const out: Outcome[] = [];
    this.guarded(out, () => this.advance(epochMs(time), out));
    return out;
  }

  /**
   * End of input (or shutdown): every session in flight is closed now, each with its one
   * decision if it has none, and every held event is rejected, earliest deadline first.
   */
  flush(): readonly Outcome[] {
    const out: Outcome[] = [];
    this.guarded(out, () => {
      for (let s = this.deadlines.peek(); s !== undefined; s = this.deadlines.peek()) {
        const outcome = this.close(s, "at the end of input");
        if (outcome !== undefined) out.push(outcome);
      }
    });
    return out;
  }

  private guarded(out: Outcome[], run: () => void): void {
    try {
      run();
    } catch (error) {
      if (!(error instanceof CallerFailure)) throw error;
      out.push(new Rejection(`${error.message}; the session is as before, call again`, true, error.error));
    }
  }

  /** Closes every session due by `t`, earliest deadline first; then event time is `t`. */
  private advance(t: number, out: Outcome[]): void {
    while (this.deadlines.nextDue <= t) {
      const outcome = this.close(this.deadlines.peek()!);
      if (outcome !== undefined) out.push(outcome);
    }
    if (t > this.now) this.now = t;
  }

  /** An ended session whose lateness has passed, one that never ended and expired, or a held event whose session did not start in time. */
  private close(session: Session | HeldEvent, when = `${this.maxAge / 1000} s after its start`): Outcome | undefined {
    if (session instanceof HeldEvent) {
      this.dirty?.add(session.event.sessionId);
      return this.held.expire(session, when === "at the end of input");
    }
    if (session.endedAt !== undefined) return this.end(session, session.endedAt);
    const at = session.lastAt;
    if (session.decided) {
      this.forget(session, at);
      return undefined;
    }
    this.warn(`session \`${session.id}\` has no \`ended\` ${when}: closed as if it ended at its last event, ${at}`);
    const decision = this.decideAtEnd(session, at);
    this.forget(session, at);
    return decision.decision === "none" ? none(session, "expired", at) : decision;
  }

  /** Applies one valid event; `t`: its `at` in ms, when the caller has parsed it already. */
  private apply(event: SessionEvent, t = epochMs(event.at)): Decision | Rejection | undefined {
    if (event.type === "record.status") return this.recordStatus(event.recordId, event.status, event.at);
    this.dirty?.add(event.sessionId);
    let session = this.sessions.get(event.sessionId);
    if (session instanceof Ended && this.now >= session.forgetMs) {
      this.sessions.delete(event.sessionId);
      session = undefined;
    }
    if (session === undefined) return event.type === "started" ? this.start(event, t) : this.held.hold(event, this.now);
    if (session instanceof Ended) return this.afterEnd(event.sessionId, session.at, event.at);
    const eventId = event.eventId;
    if (eventId !== undefined && !session.decided) {
      const seen = session.ids?.get(eventId);
      if (seen !== undefined) {
        if (event.type === "started" ? !session.sameStart(event) : seen !== signature(event))
          this.warn(`event id \`${eventId}\` of session \`${session.id}\` came again with other fields: ignored as a redelivery`);
        return undefined;
      }
    }
    const startMs = session.startMs;
    if (event.type !== "started" && t < startMs) return new Rejection(`event stamped before session \`${session.id}\` started at ${session.startedAt}`);
    if (session.endedAt !== undefined) {
      // ended, its decision waiting for late events: those stamped after the end are refused
      if (t > epochMs(session.endedAt)) return this.afterEnd(session.id, session.endedAt, event.at);
      if (event.type === "ended") return undefined;
    }
    const result = this.applyTo(session, event, t);
    if (result instanceof Rejection || this.sessions.get(session.id) !== session) return result;
    if (eventId !== undefined && !session.decided) session.remember(eventId, signature(event));
    session.saw(event.at, t, startMs);
    if (session.endedAt !== undefined && session.decided) this.forget(session, session.endedAt); // a late event decided it
    return result;
  }

  private applyTo(session: Session, event: Exclude<SessionEvent, { type: "record.status" }>, t: number): Decision | Rejection | undefined {
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
        return this.message(session, event.from, event.at, t, event.eventId !== undefined);
      case "ended": {
        const due = t + this.lateness;
        if (session.decided || due <= this.now) return this.end(session, event.at);
        session.endedAt = event.at;
        this.deadlines.set(session, due);
        return undefined;
      }
      default:
        return event satisfies never;
    }
  }

  /** The settings in force for a session: the policy's, with its matching overrides merged. */
  settingsFor(session: Session): Settings {
    return session.variant.settings;
  }

  private start(event: Started, t: number): Rejection | undefined {
    if (t + this.maxAge <= this.now)
      return new Rejection(`session \`${event.sessionId}\` started more than ${this.maxAge / 1000} s before event time (the latest \`at\` seen): too old`);
    const variant = this.variants.for(event);
    const type = variant.types.get(event.sessionType, event.channel);
    if (!type.known) this.warn(`unknown session type \`${event.sessionType}\`: using its name as CALL_TYPE`);
    else if (type.channel !== event.channel)
      this.warn(`session type \`${event.sessionType}\` is a ${type.channel} type, but session \`${event.sessionId}\` is a ${event.channel}`);
    const session = new Session(event, sessionTypeAsSeen(variant, event), variant, this.intern);
    if (event.eventId !== undefined) session.remember(event.eventId, signature(event));
    this.sessions.set(event.sessionId, session);
    this.deadlines.set(session, t + this.maxAge);
    this.live++;
    this.startedCount++;
    return undefined;
  }

  /** The session has started: its held events are applied as if they had come after it, in the order they happened. */
  private release(sessionId: string, out: Outcome[]): void {
    if (!(this.sessions.get(sessionId) instanceof Session)) return; // its `started` was refused: they wait on
    this.held.release(sessionId, (event) => this.apply(event), out);
  }

  /** A consumer message counts once: by its eventId (checked before), else by its instant among messages without one. */
  private message(session: Session, from: "consumer" | "agent", at: string, t: number, hasId: boolean): Decision | Rejection | undefined {
    if (session.type.channel === "voice") return new Rejection(`\`message\` event on voice session \`${session.id}\``);
    if (from !== "consumer" || session.decided) return undefined;
    const settings = this.settingsFor(session);
    const enough = Math.max(settings.minConsumerMessages, settings.abandonedMinMessages);
    // Only while the count can still matter is it worth spotting redelivered messages.
    const remember = !hasId && session.consumerMessages < enough;
    if (remember && session.messageTimes?.includes(t) === true) return undefined;
    const count = session.consumerMessages + 1;
    const decision = session.connected && count >= settings.minConsumerMessages ? this.decide(session, "message", at) : undefined;
    if (remember && decision === undefined) session.countMessageTime(t);
    session.consumerMessages = count;
    return decision;
  }

  /** Decides the session if it has no decision yet (the store may throw: then nothing changed), then forgets it. */
  private end(session: Session, at: string): Decision | undefined {
    const decision = session.decided ? undefined : this.decideAtEnd(session, at);
    this.forget(session, at);
    return decision;
  }

  /** Drops a closed session's state; its end is remembered until its start is maxSessionAge old. */
  private forget(session: Session, at: string): void {
    const id = session.id;
    this.dirty?.add(id);
    const forgetMs = epochMs(session.startedAt) + this.maxAge;
    this.sessions.set(id, new Ended(at, forgetMs));
    this.deadlines.remove(session);
    this.live--;
    const evicted = this.ended.add(id, forgetMs);
    if (evicted !== undefined) {
      this.dirty?.add(evicted);
      if (this.sessions.get(evicted) instanceof Ended) this.sessions.delete(evicted);
    }
  }

  /** Frees the ended sessions whose time is up (the lookup checks the time too: this only frees memory). */
  private forgetOld(): void {
    for (const id of this.ended.due(this.now)) {
      this.dirty?.add(id);
      const entry = this.sessions.get(id);
      if (entry instanceof Ended && entry.forgetMs <= this.now) this.sessions.delete(id);
    }
  }

  /** The decision of a session with none when it ends (or is closed) at `at`. */
  private decideAtEnd(session: Session, at: string): Decision {
    const rule = endRule(session, this.settingsFor(session), at);
    return rule === "record" ? this.decide(session, "ended", at) : none(session, rule, at);
  }

  /** A record is due: append to an existing one or create one. The session is decided once the store has done its part. */
  private decide(session: Session, trigger: Trigger, at: string): Decision {
    const decision = recordDecision(this.store, session, this.settingsFor(session), trigger, at);
    session.decided = true;
    session.forgetRedeliveries();
    return decision;
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

/** A session's type as its `started` gave it; a catalog type seen on the other channel: CALL_TYPE is a voice label only on voice. */
function sessionTypeAsSeen(variant: Variant, event: Pick<Started, "sessionType" | "channel">): SessionTypeInfo {
  const type = variant.types.get(event.sessionType, event.channel);
  return type.channel === event.channel ? type : { ...type, channel: event.channel, callType: event.channel === "voice" ? type.callType : type.name };
}

/** What an event id stands for, to tell a redelivery from another event reusing the id. */
function signature(event: Exclude<SessionEvent, { type: "record.status" }>): string {
  return `${event.type} ${epochMs(event.at)}${event.type === "message" ? " " + event.from : ""}`;
}
