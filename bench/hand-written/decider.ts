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
const endedMemory = 65_536;

function isClosed(status: string): boolean {
  return status === "Closed" || status === "Closed - Duplicate";
}

/** A refused event, as the runtime's Rejection. */
export class HandRejection {
  readonly rejected = true;
  constructor(readonly reason: string) {}
}

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
}

/**
 * The bench policy written by hand as a competent engineer would for one service: one switch
 * over the event type, the policy's settings inlined, the same validation, redelivery rules
 * and record store calls as the runtime.
 */
export class HandWrittenDecider {
  private readonly calls = new Map<string, Call>();
  private readonly endedAt = new Map<string, string>();
  private readonly ring: (string | undefined)[] = new Array<string | undefined>(endedMemory).fill(undefined);
  private ringNext = 0;

  /** `voiceLabels`: CALL_TYPE of each catalog voice type; `chatTypes`: the catalog's chat types. */
  constructor(
    private readonly store: RecordStore,
    private readonly voiceLabels: ReadonlyMap<string, string>,
    private readonly chatTypes: ReadonlySet<string>,
    /** The compiled policy's revision, which a service would log with its hand-written rules. */
    private readonly revision: string,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  push(value: unknown): Decision | HandRejection | undefined {
    const problem = checkEvent(value);
    if (problem !== undefined) return new HandRejection(problem);
    const e = value as SessionEvent;
    if (e.type === "record.status") {
      const record = this.store.get(e.recordId);
      if (record === undefined) return new HandRejection(`unknown record \`${e.recordId}\``);
      const closedAt = !isClosed(e.status) ? null : isClosed(record.status) && record.closedAt !== null ? record.closedAt : e.at;
      this.store.update(e.recordId, { status: e.status, closedAt });
      return undefined;
    }
    const call = this.calls.get(e.sessionId);
    if (call === undefined) {
      const endedAt = this.endedAt.get(e.sessionId);
      if (endedAt !== undefined) return ms(e.at) <= ms(endedAt) ? undefined : new HandRejection(`event after session \`${e.sessionId}\` ended at ${endedAt}`);
      if (e.type !== "started") return new HandRejection(`unknown session \`${e.sessionId}\`: no \`started\` event seen`);
      this.start(e);
      return undefined;
    }
    const id = e.eventId;
    if (id !== undefined && !call.decided) {
      const seen = call.ids?.get(id);
      if (seen !== undefined) {
        if (seen !== `${e.type} ${ms(e.at)}`)
          this.warn(`event id \`${id}\` of session \`${e.sessionId}\` came again with other fields: ignored as a redelivery`);
        return undefined;
      }
    }
    if (e.type !== "started" && ms(e.at) < call.startMs)
      return new HandRejection(`event stamped before session \`${e.sessionId}\` started at ${call.start.at}`);
    const result = this.apply(call, e);
    if (id !== undefined && !call.decided && !(result instanceof HandRejection)) {
      const ids = (call.ids ??= new Map());
      if (ids.size < 256) ids.set(id, `${e.type} ${ms(e.at)}`);
    }
    return result;
  }

  private apply(call: Call, e: Exclude<SessionEvent, { type: "record.status" }>): Decision | HandRejection | undefined {
    switch (e.type) {
      case "started": {
        const a = call.start;
        const same =
          call.startMs === ms(e.at) &&
          a.channel === e.channel &&
          a.sessionType === e.sessionType &&
          a.queue === e.queue &&
          a.menuPath === e.menuPath &&
          a.phoneNumber === e.phoneNumber &&
          a.language === e.language &&
          a.endUser === e.endUser;
        return same ? undefined : new HandRejection(`second \`started\` for session \`${e.sessionId}\` with different attributes`);
      }
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
          const t = ms(e.at);
          if (times.includes(t)) return undefined;
          times.push(t);
        }
        call.consumers++;
        return call.connected && call.consumers >= chatMessages ? this.decide(call, "message", e.at) : undefined;
      case "ended":
        return this.end(call, e.at);
    }
  }

  private start(e: Started): void {
    const label = this.voiceLabels.get(e.sessionType);
    if (label === undefined && !this.chatTypes.has(e.sessionType)) this.warn(`unknown session type \`${e.sessionType}\`: using its name as CALL_TYPE`);
    else if ((label !== undefined) !== (e.channel === "voice"))
      this.warn(`session type \`${e.sessionType}\` is a ${label === undefined ? "chat" : "voice"} type, but session \`${e.sessionId}\` is a ${e.channel}`);
    const voice = e.channel === "voice";
    this.calls.set(e.sessionId, {
      start: e,
      voice,
      callType: voice ? (label ?? e.sessionType) : e.sessionType,
      assigned: false,
      connected: false,
      decided: false,
      consumers: 0,
      times: undefined,
      startMs: ms(e.at),
      ids: e.eventId === undefined ? undefined : new Map([[e.eventId, `started ${ms(e.at)}`]]),
    });
  }

  private end(call: Call, at: string): Decision | undefined {
    const sessionId = call.start.sessionId;
    this.calls.delete(sessionId);
    const evicted = this.ring[this.ringNext];
    if (evicted !== undefined) this.endedAt.delete(evicted);
    this.ring[this.ringNext] = sessionId;
    this.ringNext = (this.ringNext + 1) % endedMemory;
    this.endedAt.set(sessionId, at);
    if (call.decided) return undefined;
    if (call.voice) return { sessionId, decision: "none", reason: "abandoned_call", at, policy: policyName, revision: this.revision, overrides: [] };
    if (call.connected)
      return { sessionId, decision: "none", reason: "below_message_threshold", at, policy: policyName, revision: this.revision, overrides: [] };
    if (call.consumers >= abandonedMessages) return this.decide(call, "ended", at);
    return { sessionId, decision: "none", reason: "abandoned_chat_below_message_threshold", at, policy: policyName, revision: this.revision, overrides: [] };
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
