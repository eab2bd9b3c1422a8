import type { CrmRecord, Decision, RecordStore, SessionEvent } from "@crm-policy/runtime";
import type { Started } from "../../schemas/types/session-event.v1.js";
import { checkEvent, ms } from "./check-event.js";
import { handTitle } from "./title.js";

// The bench policy (bench/policy.ts) hard-coded: Salesforce, closed = Closed / Closed - Duplicate,
// reopen to Open, append to the open case or one closed within 3 days, calls decided when
// connected, chats at 2 consumer messages, abandoned chats at 1, no tags.
const policyName = "bench-salesforce";
const newStatus = "New";
const reopenStatus = "Open";
const windowMs = 3 * 86_400_000;
const chatMessages = 2;
const abandonedMessages = 1;

/** What an event id stands for, to tell a redelivery from another event reusing the id. */
function signature(e: SessionPart, t: number): string {
  return `${e.type} ${t}${e.type === "message" ? " " + e.from : ""}`;
}

function isClosed(status: string): boolean {
  return status === "Closed" || status === "Closed - Duplicate";
}

/** A refused event, as the runtime's Rejection. */
export class HandRejection {
  readonly rejected = true;
  constructor(readonly reason: string) {}
}

export type HandOutcome = Decision | HandRejection;

type SessionPart = Exclude<SessionEvent, { type: "record.status" }>;

/** Per session: the same state the runtime keeps. */
interface Call {
  start: Started;
  voice: boolean;
  callType: string;
  assigned: boolean;
  connected: boolean;
  decided: boolean;
  consumers: number;
  times: number[] | undefined;
  startMs: number;
  ids: Map<string, string> | undefined;
  /** Its `ended`, while its decision waits for late events. */
  endedAt: string | undefined;
  endMs: number;
  lastAt: string;
  lastMs: number;
  /** Its current deadline's number: entries of the queue with another are stale. */
  seq: number;
}

/** An event that came before its session's `started`. */
interface Held {
  event: SessionPart;
  atMs: number;
  arrival: number;
  seq: number;
  dropped: boolean;
}

/** A deadline: a session to close (expiry, or end plus lateness) or a held event to drop. */
interface Due {
  due: number;
  seq: number;
  call: Call | undefined;
  held: Held | undefined;
}

const none: readonly HandOutcome[] = [];

/**
 * The bench policy written by hand as a competent engineer would for one service: one switch
 * over the event type, the policy's settings inlined, the same validation, delivery rules
 * (event ids, lateness, held events, expiry, ended sessions remembered for a day of event time)
 * and record store calls as the runtime. Deadlines in a binary heap with stale entries skipped.
 */
export class HandWrittenDecider {
  private readonly calls = new Map<string, Call>();
  private readonly ended = new Map<string, { at: string; forgetMs: number }>();
  /** Ended sessions in the order they ended, to free them once their time is up. */
  private endedIds: string[] = [];
  private endedTimes: number[] = [];
  private endedHead = 0;
  private readonly heldBy = new Map<string, Held[]>();
  private heldCount = 0;
  private arrivals = 0;
  private readonly queue: Due[] = [];
  private counter = 0;
  private now = -Infinity;

  /** `voiceLabels`: CALL_TYPE of each catalog voice type; `chatTypes`: the catalog's chat types. */
  constructor(
    private readonly store: RecordStore,
    private readonly voiceLabels: ReadonlyMap<string, string>,
    private readonly chatTypes: ReadonlySet<string>,
    /** The compiled policy's revision, which a service would log with its hand-written rules. */
    private readonly revision: string,
    private readonly warn: (message: string) => void = () => {},
    private readonly lateness = 30_000,
    private readonly maxAge = 86_400_000,
  ) {}

  push(value: unknown): readonly HandOutcome[] {
    const problem = checkEvent(value);
    if (problem !== undefined) return [new HandRejection(problem)];
    const e = value as SessionEvent;
    const t = ms(e.at);
    let out: HandOutcome[] | undefined;
    if (this.queue.length > 0 && this.queue[0]!.due <= t) this.advance(t, (out = []), false);
    if (t > this.now) this.now = t;
    const result = this.apply(e, t);
    if (result !== undefined) (out ??= []).push(result);
    if (e.type === "started" && this.heldCount > 0) this.release(e.sessionId, (out ??= []));
    if (this.endedHead < this.endedTimes.length && this.endedTimes[this.endedHead]! <= this.now) this.forgetOld();
    return out ?? none;
  }

  /** End of input: every session closed, every held event refused, earliest deadline first. */
  flush(): HandOutcome[] {
    const out: HandOutcome[] = [];
    this.advance(Infinity, out, true);
    return out;
  }

  private advance(t: number, out: HandOutcome[], atEnd: boolean): void {
    while (this.queue.length > 0 && this.queue[0]!.due <= t) {
      const d = this.pop();
      if (d.held !== undefined) {
        if (d.held.dropped) continue;
        this.dropHeld(d.held);
        const sessionId = d.held.event.sessionId;
        const within = atEnd ? "by the end of input" : `within the lateness (${this.lateness / 1000} s) after this event`;
        out.push(new HandRejection(`unknown session \`${sessionId}\`: its \`started\` did not come ${within}`));
        continue;
      }
      const call = d.call!;
      if (call.seq !== d.seq) continue; // stale: its deadline moved, or it was closed
      if (call.endedAt !== undefined) {
        const decision = this.end(call, call.endedAt);
        if (decision !== undefined) out.push(decision);
        continue;
      }
      const at = call.lastAt;
      if (call.decided) {
        this.forget(call, at);
        continue;
      }
      this.warn(`session \`${call.start.sessionId}\` has no \`ended\`: closed as if it ended at its last event, ${at}`);
      const decision = this.end(call, at);
      out.push(decision!.decision === "none" ? this.none(call, "expired", at) : decision!);
    }
  }

  private apply(e: SessionEvent, t: number): HandOutcome | undefined {
    if (e.type === "record.status") {
      const record = this.store.get(e.recordId);
      if (record === undefined) return new HandRejection(`unknown record \`${e.recordId}\``);
      const closedAt = !isClosed(e.status) ? null : isClosed(record.status) && record.closedAt !== null ? record.closedAt : e.at;
      this.store.update(e.recordId, { status: e.status, closedAt });
      return undefined;
    }
    const call = this.calls.get(e.sessionId);
    if (call === undefined) {
      const ended = this.ended.get(e.sessionId);
      if (ended !== undefined && this.now < ended.forgetMs)
        return t <= ms(ended.at) ? undefined : new HandRejection(`event after session \`${e.sessionId}\` ended at ${ended.at}`);
      if (ended !== undefined) this.ended.delete(e.sessionId);
      return e.type === "started" ? this.start(e, t) : this.hold(e, t);
    }
    const id = e.eventId;
    if (id !== undefined && !call.decided) {
      const seen = call.ids?.get(id);
      if (seen !== undefined) {
        if (e.type === "started" ? !this.sameStart(call, e) : seen !== signature(e, t))
          this.warn(`event id \`${id}\` of session \`${e.sessionId}\` came again with other fields: ignored as a redelivery`);
        return undefined;
      }
    }
    if (e.type !== "started" && t < call.startMs) return new HandRejection(`event stamped before session \`${e.sessionId}\` started at ${call.start.at}`);
    if (call.endedAt !== undefined) {
      if (t > call.endMs) return new HandRejection(`event after session \`${e.sessionId}\` ended at ${call.endedAt}`);
      if (e.type === "ended") return undefined;
    }
    const result = this.applyTo(call, e, t);
    if (result instanceof HandRejection || this.calls.get(e.sessionId) !== call) return result;
    if (id !== undefined && !call.decided) {
      const ids = (call.ids ??= new Map());
      if (ids.size < 256) ids.set(id, signature(e, t));
    }
    if (t > call.lastMs) {
      call.lastMs = t;
      call.lastAt = e.at;
    }
    if (call.endedAt !== undefined && call.decided) this.forget(call, call.endedAt); // a late event decided it
    return result;
  }

  private applyTo(call: Call, e: SessionPart, t: number): HandOutcome | undefined {
    switch (e.type) {
      case "started":
        return this.sameStart(call, e) ? undefined : new HandRejection(`second \`started\` for session \`${e.sessionId}\` with different attributes`);
      case "assigned":
        call.assigned = true; // calls wait for `connected`; chats never decide on `assigned`
        return undefined;
      case "connected":
        if (call.connected) return undefined;
        call.assigned = call.connected = true;
        if (call.decided || (!call.voice && call.consumers < chatMessages)) return undefined;
        return this.decide(call, "connected", e.at);
      case "message":
        if (call.voice) return new HandRejection(`\`message\` event on voice session \`${e.sessionId}\``);
        if (e.from !== "consumer" || call.decided) return undefined;
        if (e.eventId === undefined && call.consumers < chatMessages) {
          const times = (call.times ??= []);
          if (times.includes(t)) return undefined;
          times.push(t);
        }
        call.consumers++;
        return call.connected && call.consumers >= chatMessages ? this.decide(call, "message", e.at) : undefined;
      case "ended":
        if (call.decided || t + this.lateness <= this.now) return this.end(call, e.at);
        call.endedAt = e.at;
        call.endMs = t;
        this.schedule(call, t + this.lateness);
        return undefined;
    }
  }

  private sameStart(call: Call, e: Started): boolean {
    const a = call.start;
    return (
      call.startMs === ms(e.at) &&
      a.channel === e.channel &&
      a.sessionType === e.sessionType &&
      a.queue === e.queue &&
      a.menuPath === e.menuPath &&
      a.phoneNumber === e.phoneNumber &&
      a.language === e.language &&
      a.endUser === e.endUser
    );
  }

  private start(e: Started, t: number): HandRejection | undefined {
    if (t + this.maxAge <= this.now)
      return new HandRejection(`session \`${e.sessionId}\` started more than ${this.maxAge / 1000} s before event time (the latest \`at\` seen): too old`);
    const label = this.voiceLabels.get(e.sessionType);
    if (label === undefined && !this.chatTypes.has(e.sessionType)) this.warn(`unknown session type \`${e.sessionType}\`: using its name as CALL_TYPE`);
    else if ((label !== undefined) !== (e.channel === "voice"))
      this.warn(`session type \`${e.sessionType}\` is a ${label === undefined ? "chat" : "voice"} type, but session \`${e.sessionId}\` is a ${e.channel}`);
    const voice = e.channel === "voice";
    const call: Call = {
      start: e,
      voice,
      callType: voice ? (label ?? e.sessionType) : e.sessionType,
      assigned: false,
      connected: false,
      decided: false,
      consumers: 0,
      times: undefined,
      startMs: t,
      ids: e.eventId === undefined ? undefined : new Map([[e.eventId, `started ${t}`]]),
      endedAt: undefined,
      endMs: 0,
      lastAt: e.at,
      lastMs: t,
      seq: 0,
    };
    this.calls.set(e.sessionId, call);
    this.schedule(call, t + this.maxAge);
    return undefined;
  }

  /** An event of a session not started yet: held for its `started` until event time passes its `at` plus the lateness. */
  private hold(e: SessionPart, t: number): HandRejection | undefined {
    const unknown = `unknown session \`${e.sessionId}\`: no \`started\` event seen`;
    if (t + this.lateness <= this.now)
      return new HandRejection(
        this.lateness === 0
          ? unknown
          : `${unknown}, and the event came too late to be held for it (more than the lateness, ${this.lateness / 1000} s, after its \`at\`)`,
      );
    const mine = this.heldBy.get(e.sessionId);
    if (mine !== undefined && mine.length >= 64) return new HandRejection(`${unknown}, and 64 of its events are held already (at most 64 a session)`);
    if (this.heldCount >= 10_000) return new HandRejection(`${unknown}, and 10000 events of sessions not started yet are held already (at most 10000 in all)`);
    const held: Held = { event: e, atMs: t, arrival: ++this.arrivals, seq: ++this.counter, dropped: false };
    if (mine === undefined) this.heldBy.set(e.sessionId, [held]);
    else mine.push(held);
    this.heldCount++;
    this.push_({ due: t + this.lateness, seq: held.seq, call: undefined, held });
    return undefined;
  }

  /** Its `started` came: its held events are applied in the order they happened. */
  private release(sessionId: string, out: HandOutcome[]): void {
    if (!this.calls.has(sessionId)) return;
    const mine = this.heldBy.get(sessionId);
    if (mine === undefined) return;
    this.heldBy.delete(sessionId);
    this.heldCount -= mine.length;
    mine.sort((a, b) => a.atMs - b.atMs || a.arrival - b.arrival);
    for (const held of mine) {
      held.dropped = true;
      const result = this.apply(held.event, held.atMs);
      if (result !== undefined) out.push(result);
    }
  }

  private dropHeld(held: Held): void {
    const mine = this.heldBy.get(held.event.sessionId)!;
    mine.splice(mine.indexOf(held), 1);
    if (mine.length === 0) this.heldBy.delete(held.event.sessionId);
    this.heldCount--;
  }

  /** Closes the session: its decision if it has none (abandoned, or below the threshold), then forgets it. */
  private end(call: Call, at: string): Decision | undefined {
    const decision = call.decided ? undefined : this.decideAtEnd(call, at);
    this.forget(call, at);
    return decision;
  }

  private decideAtEnd(call: Call, at: string): Decision {
    if (call.voice) return this.none(call, "abandoned_call", at);
    if (call.connected) return this.none(call, "below_message_threshold", at);
    if (call.consumers >= abandonedMessages) return this.decide(call, "ended", at);
    return this.none(call, "abandoned_chat_below_message_threshold", at);
  }

  /** Drops the session; its end is remembered until its start is a day old. */
  private forget(call: Call, at: string): void {
    const sessionId = call.start.sessionId;
    this.calls.delete(sessionId);
    call.seq = -1;
    const forgetMs = call.startMs + this.maxAge;
    this.ended.set(sessionId, { at, forgetMs });
    this.endedIds.push(sessionId);
    this.endedTimes.push(forgetMs);
  }

  private forgetOld(): void {
    while (this.endedHead < this.endedTimes.length && this.endedTimes[this.endedHead]! <= this.now) {
      const id = this.endedIds[this.endedHead++]!;
      const entry = this.ended.get(id);
      if (entry !== undefined && entry.forgetMs <= this.now) this.ended.delete(id);
    }
    if (this.endedHead > 1024 && this.endedHead * 2 > this.endedIds.length) {
      this.endedIds = this.endedIds.slice(this.endedHead);
      this.endedTimes = this.endedTimes.slice(this.endedHead);
      this.endedHead = 0;
    }
  }

  private none(call: Call, reason: Extract<Decision, { decision: "none" }>["reason"], at: string): Decision {
    return { sessionId: call.start.sessionId, decision: "none", reason, at, policy: policyName, revision: this.revision, overrides: [] };
  }

  /** A new deadline for the session; its earlier one goes stale. */
  private schedule(call: Call, due: number): void {
    call.seq = ++this.counter;
    this.push_({ due, seq: call.seq, call, held: undefined });
  }

  private push_(d: Due): void {
    const q = this.queue;
    let i = q.length;
    q.push(d);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = q[parent]!;
      if (p.due < d.due || (p.due === d.due && p.seq < d.seq)) break;
      q[i] = p;
      i = parent;
    }
    q[i] = d;
  }

  private pop(): Due {
    const q = this.queue;
    const top = q[0]!;
    const last = q.pop()!;
    const n = q.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && (q[r]!.due < q[l]!.due || (q[r]!.due === q[l]!.due && q[r]!.seq < q[l]!.seq)) ? r : l;
      const child = q[c]!;
      if (last.due < child.due || (last.due === child.due && last.seq < child.seq)) break;
      q[i] = child;
      i = c;
    }
    q[i] = last;
    return top;
  }

  private decide(call: Call, trigger: "connected" | "message" | "ended", at: string): Decision {
    call.decided = true;
    call.times = undefined;
    call.ids = undefined;
    const s = call.start;
    if (s.endUser !== undefined) {
      let open: CrmRecord | undefined;
      let openTime = -Infinity;
      let closed: CrmRecord | undefined;
      let closedTime = -Infinity;
      const now = ms(at);
      for (const r of this.store.recordsOf(s.endUser, s.queue)) {
        const created = ms(r.createdAt);
        if (!isClosed(r.status)) {
          if (created >= openTime) {
            open = r;
            openTime = created;
          }
        } else if (r.closedAt !== null && created >= closedTime && now - ms(r.closedAt) <= windowMs) {
          closed = r;
          closedTime = created;
        }
      }
      if (open !== undefined)
        return {
          sessionId: s.sessionId,
          decision: "append",
          recordId: open.recordId,
          trigger,
          at,
          tags: [],
          status: open.status,
          reopened: false,
          policy: policyName,
          revision: this.revision,
          overrides: [],
        };
      if (closed !== undefined) {
        this.store.update(closed.recordId, { status: reopenStatus, closedAt: null });
        return {
          sessionId: s.sessionId,
          decision: "append",
          recordId: closed.recordId,
          trigger,
          at,
          tags: [],
          status: reopenStatus,
          reopened: true,
          policy: policyName,
          revision: this.revision,
          overrides: [],
        };
      }
    }
    const title = handTitle(call.callType, s.sessionId, s.at);
    const recordId = this.store.create({ endUser: s.endUser ?? null, queue: s.queue, status: newStatus, createdAt: at, closedAt: null });
    return {
      sessionId: s.sessionId,
      decision: "create",
      recordId,
      trigger,
      at,
      title,
      tags: [],
      status: newStatus,
      policy: policyName,
      revision: this.revision,
      overrides: [],
    };
  }
}
