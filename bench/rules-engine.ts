import { Engine, type RuleProperties } from "json-rules-engine";
import type { CrmRecord, RecordStore, SessionEvent } from "@crm-policy/runtime";
import type { Started } from "../schemas/types/session-event.v1.js";
import { checkEvent, ms } from "./hand-written/check-event.js";

// The bench policy as json-rules-engine 7 rules. Facts are the session's state; the rules give
// the decision's kind. Event checking, redelivery and session bookkeeping stay in plain code
// (the same as bench/hand-written/decider.ts): only the decision itself goes through the engine.

const voice = { fact: "channel", operator: "equal", value: "voice" };
const chat = { fact: "channel", operator: "equal", value: "chat" };
const undecided = { fact: "decided", operator: "equal", value: false };
const on = (event: string) => ({ fact: "event", operator: "equal", value: event });

/** When a record is due under the bench policy. */
const recordDue = {
  any: [
    { all: [voice, undecided, on("connected")] },
    {
      all: [
        chat,
        undecided,
        { fact: "connected", operator: "equal", value: true },
        { fact: "consumerMessages", operator: "greaterThanInclusive", value: 2 },
        { fact: "event", operator: "in", value: ["connected", "message"] },
      ],
    },
    {
      all: [
        chat,
        undecided,
        on("ended"),
        { fact: "connected", operator: "equal", value: false },
        { fact: "consumerMessages", operator: "greaterThanInclusive", value: 1 },
      ],
    },
  ],
};

const rules: RuleProperties[] = [
  // The record lookup (a dynamic fact) runs last, only once the record is due.
  {
    name: "append",
    conditions: {
      all: [
        { condition: "recordDue", priority: 2 },
        { fact: "appendTarget", operator: "notEqual", value: "none", priority: 1 },
      ],
    },
    event: { type: "append" },
  },
  {
    name: "create",
    conditions: {
      all: [
        { condition: "recordDue", priority: 2 },
        { fact: "appendTarget", operator: "equal", value: "none", priority: 1 },
      ],
    },
    event: { type: "create" },
  },
  { name: "abandoned call", conditions: { all: [voice, undecided, on("ended")] }, event: { type: "none", params: { reason: "abandoned_call" } } },
  {
    name: "chat below threshold",
    conditions: { all: [chat, undecided, on("ended"), { fact: "connected", operator: "equal", value: true }] },
    event: { type: "none", params: { reason: "below_message_threshold" } },
  },
  {
    name: "abandoned chat below threshold",
    conditions: {
      all: [chat, undecided, on("ended"), { fact: "connected", operator: "equal", value: false }, { fact: "consumerMessages", operator: "lessThan", value: 1 }],
    },
    event: { type: "none", params: { reason: "abandoned_chat_below_message_threshold" } },
  },
];

interface Chat {
  start: Started;
  assigned: boolean;
  connected: boolean;
  decided: boolean;
  consumers: number;
  times: string[] | undefined;
}

/** A session's decision kind as the rules gave it: `create`, `append` or `none:<reason>`. */
export interface Kind {
  sessionId: string;
  kind: string;
}

export class RulesEngineDecider {
  private readonly engine = new Engine(rules, { allowUndefinedFacts: true });
  private readonly sessions = new Map<string, Chat>();
  private readonly endedAt = new Map<string, string>();
  private current: { session: Chat; at: string } | undefined;
  private target: { record: CrmRecord; reopen: boolean } | undefined;

  constructor(private readonly store: RecordStore) {
    this.engine.setCondition("recordDue", recordDue);
    this.engine.addFact("appendTarget", () => {
      this.target = this.current === undefined ? undefined : this.appendTarget(this.current.session.start, this.current.at);
      return this.target === undefined ? "none" : this.target.reopen ? "closed" : "open";
    });
  }

  /** Applies one event; the decision kind it makes, "rejected", or undefined. */
  async push(value: unknown): Promise<Kind | "rejected" | undefined> {
    if (checkEvent(value) !== undefined) return "rejected";
    const e = value as SessionEvent;
    if (e.type === "record.status") {
      const record = this.store.get(e.recordId);
      if (record === undefined) return "rejected";
      const closed = (s: string) => s === "Closed" || s === "Closed - Duplicate";
      this.store.update(e.recordId, {
        status: e.status,
        closedAt: !closed(e.status) ? null : closed(record.status) && record.closedAt !== null ? record.closedAt : e.at,
      });
      return undefined;
    }
    let session = this.sessions.get(e.sessionId);
    if (session === undefined) {
      const endedAt = this.endedAt.get(e.sessionId);
      if (endedAt !== undefined) return ms(e.at) <= ms(endedAt) ? undefined : "rejected";
      if (e.type !== "started") return "rejected";
      session = { start: e, assigned: false, connected: false, decided: false, consumers: 0, times: undefined };
      this.sessions.set(e.sessionId, session);
    } else {
      switch (e.type) {
        case "started": {
          const a = session.start;
          const same =
            a.at === e.at &&
            a.channel === e.channel &&
            a.sessionType === e.sessionType &&
            a.queue === e.queue &&
            a.menuPath === e.menuPath &&
            a.phoneNumber === e.phoneNumber &&
            a.language === e.language &&
            a.endUser === e.endUser;
          return same ? undefined : "rejected";
        }
        case "assigned":
          if (session.assigned) return undefined;
          session.assigned = true;
          break;
        case "connected":
          if (session.connected) return undefined;
          session.assigned = session.connected = true;
          break;
        case "message":
          if (session.start.channel === "voice") return "rejected";
          if (e.from !== "consumer" || session.decided) return undefined;
          if (session.consumers < 2) {
            const times = (session.times ??= []);
            if (times.includes(e.at)) return undefined;
            times.push(e.at);
          }
          session.consumers++;
          break;
        case "ended":
          this.sessions.delete(e.sessionId);
          this.endedAt.set(e.sessionId, e.at);
          break;
      }
    }
    if (session.decided) return undefined;
    return this.decide(session, e.type, e.at);
  }

  private async decide(session: Chat, event: string, at: string): Promise<Kind | undefined> {
    this.current = { session, at };
    this.target = undefined;
    const { events } = await this.engine.run({
      channel: session.start.channel,
      event,
      connected: session.connected,
      decided: session.decided,
      consumerMessages: session.consumers,
    });
    const first = events[0];
    if (first === undefined) return undefined;
    session.decided = true;
    const sessionId = session.start.sessionId;
    if (first.type === "none") return { sessionId, kind: `none:${String(first.params?.["reason"])}` };
    const target = this.chosen();
    if (first.type === "append" && target !== undefined) {
      if (target.reopen) this.store.update(target.record.recordId, { status: "Open", closedAt: null });
      return { sessionId, kind: "append" };
    }
    const s = session.start;
    this.store.create({ endUser: s.endUser ?? null, queue: s.queue, status: "New", createdAt: at, closedAt: null });
    return { sessionId, kind: "create" };
  }

  /** What the appendTarget fact chose during the last run. */
  private chosen(): { record: CrmRecord; reopen: boolean } | undefined {
    return this.target;
  }

  private appendTarget(s: Started, at: string): { record: CrmRecord; reopen: boolean } | undefined {
    if (s.endUser === undefined) return undefined;
    let open: CrmRecord | undefined;
    let closed: CrmRecord | undefined;
    const now = ms(at);
    for (const r of this.store.recordsOf(s.endUser, s.queue)) {
      if (r.status !== "Closed" && r.status !== "Closed - Duplicate") {
        if (open === undefined || ms(r.createdAt) >= ms(open.createdAt)) open = r;
      } else if (r.closedAt !== null && now - ms(r.closedAt) <= 3 * 86_400_000 && (closed === undefined || ms(r.createdAt) >= ms(closed.createdAt))) closed = r;
    }
    if (open !== undefined) return { record: open, reopen: false };
    return closed === undefined ? undefined : { record: closed, reopen: true };
  }
}
