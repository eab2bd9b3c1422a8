import type { CrmRecord, SessionEvent } from "@crm-policy/runtime";
import type { Started } from "../schemas/types/session-event.v1.js";
import { defaultCatalog } from "../compiler/model/catalog.js";
import { Prng } from "./prng.js";

/** A fixed event log and the CRM records that exist before it. */
export interface Trace {
  records: CrmRecord[];
  events: SessionEvent[];
}

type Step = "assigned" | "connected" | "consumer" | "agent" | "ended";

interface Live {
  start: Started;
  steps: Step[];
  next: number;
  last: SessionEvent;
}

const t0 = Date.UTC(2026, 10, 20, 8, 0, 0);
const dayMs = 86_400_000;
const voiceQueues = ["Support/Billing", "Support/Technical", "Sales"];
const chatQueues = ["Chat/Support", "Chat/Sales"];
const menus = ["Support > Billing", "Support > Technical", "Support > Billing > Refunds", "Sales"];
const languages = ["en", "de", "fr", "es"];
const statusChanges = ["Closed", "Closed", "Closed", "Closed - Duplicate", "Working", "Working", "Escalated", "Open", "New"];

/**
 * A synthetic but fixed trace (same seed, same events): about `inFlight` interleaved voice and
 * chat sessions at any time, with every lifecycle event, queued and connected consumer and agent
 * messages, abandoned calls and chats, 20% anonymous sessions, 1% redelivered events, late
 * redeliveries of `ended`, and CRM status changes on existing and simulated records. A share
 * `neverEnding` of sessions never get their `ended`: once their other events are sent, nothing
 * more comes for them.
 */
export function syntheticTrace(count: number, seed = 20_261_120, inFlight = 1_000, neverEnding = 0): Trace {
  const rng = new Prng(seed);
  const users = 20_000;
  const catalog = defaultCatalog().sessionTypes;
  const voiceTypes = catalog.filter((t) => t.channel === "voice").map((t) => t.name);
  const chatTypes = catalog.filter((t) => t.channel === "chat").map((t) => t.name);
  const records = existingRecords(rng, users, 5_000);

  const events: SessionEvent[] = [];
  const live: Live[] = [];
  const recentlyEnded: { sessionId: string; at: string }[] = [];
  let sessions = 0;
  // Anonymous connected calls always create a record under the bench policy, so `sim-1` to
  // `sim-<created>` surely exist when a status change names them.
  let created = 0;
  let now = t0;
  let second = -1;
  let at = "";

  while (events.length < count) {
    now += rng.int(100);
    if (Math.floor(now / 1000) !== second) {
      second = Math.floor(now / 1000);
      at = new Date(second * 1000).toISOString().slice(0, 19) + "Z";
    }
    const roll = rng.next();
    if (roll < 0.012) {
      const recordId = created > 0 && rng.chance(0.4) ? `sim-${1 + rng.int(created)}` : rng.pick(records).recordId;
      events.push({ type: "record.status", recordId, at, status: rng.pick(statusChanges) });
      continue;
    }
    if (roll < 0.015 && recentlyEnded.length > 0) {
      const ended = rng.pick(recentlyEnded); // a late redelivery, stamped at the end: ignored
      events.push({ type: "ended", sessionId: ended.sessionId, at: ended.at });
      continue;
    }
    if (live.length < inFlight) {
      const start = startEvent(rng, ++sessions, at, users, voiceTypes, chatTypes);
      const steps = script(rng, start.channel);
      if (neverEnding > 0 && rng.chance(neverEnding)) steps.pop(); // its `ended` never comes
      live.push({ start, steps, next: 0, last: start });
      events.push(start);
      continue;
    }
    const index = rng.int(live.length);
    const session = live[index]!;
    if (rng.chance(0.01)) {
      events.push({ ...session.last }); // at-least-once delivery: the same event again
      continue;
    }
    const step = session.steps[session.next++];
    if (step === undefined) {
      // a session that never ends: its producer has gone quiet
      live[index] = live[live.length - 1]!;
      live.pop();
      continue;
    }
    const sessionId = session.start.sessionId;
    let event: SessionEvent;
    if (step === "consumer" || step === "agent") event = { type: "message", sessionId, at, from: step };
    else if (step === "assigned") event = { type: "assigned", sessionId, at, agent: `agent-${rng.int(300)}` };
    else event = { type: step, sessionId, at };
    if (step === "connected" && session.start.channel === "voice" && session.start.endUser === undefined) created++;
    session.last = event;
    events.push(event);
    if (step === "ended") {
      live[index] = live[live.length - 1]!;
      live.pop();
      if (recentlyEnded.length < 256) recentlyEnded.push({ sessionId, at });
      else recentlyEnded[rng.int(256)] = { sessionId, at };
    }
  }
  return { records, events };
}

function startEvent(rng: Prng, n: number, at: string, users: number, voiceTypes: string[], chatTypes: string[]): Started {
  const voice = rng.chance(0.55);
  const sessionId = `${voice ? "call" : "chat"}-${(n * 7919).toString(36)}-${n}`;
  const event: Started = voice
    ? {
        type: "started",
        sessionId,
        at,
        channel: "voice",
        sessionType: rng.pick(voiceTypes),
        queue: rng.pick(voiceQueues),
        menuPath: rng.pick(menus),
        phoneNumber: `+1415555${String(rng.int(10_000)).padStart(4, "0")}`,
      }
    : { type: "started", sessionId, at, channel: "chat", sessionType: rng.pick(chatTypes), queue: rng.pick(chatQueues) };
  if (rng.chance(0.7)) event.language = rng.pick(languages);
  if (rng.chance(0.8)) event.endUser = `user-${rng.int(users)}`;
  return event;
}

/** What will happen to a session, in order. */
function script(rng: Prng, channel: "voice" | "chat"): Step[] {
  if (channel === "voice") {
    const roll = rng.next();
    if (roll < 0.12) return ["ended"]; // hung up in the queue
    if (roll < 0.17) return ["assigned", "ended"]; // hung up while ringing
    return ["assigned", "connected", "ended"];
  }
  const steps: Step[] = [];
  const queued = rng.chance(0.5) ? 0 : rng.chance(0.6) ? 1 : 2;
  for (let i = 0; i < queued; i++) steps.push("consumer");
  if (rng.chance(0.15)) return [...steps, "ended"]; // abandoned in the queue
  steps.push("assigned", "connected");
  const messages = rng.int(8);
  for (let i = 0; i < messages; i++) steps.push(rng.chance(0.55) ? "consumer" : "agent");
  steps.push("ended");
  return steps;
}

/** Cases that exist before the trace: open, closed within the reopen window and closed long ago. */
function existingRecords(rng: Prng, users: number, count: number): CrmRecord[] {
  const records: CrmRecord[] = [];
  for (let i = 0; i < count; i++) {
    const createdMs = t0 - Math.floor(rng.next() * 30 * dayMs);
    const roll = rng.next();
    const status = roll < 0.4 ? rng.pick(["New", "Working", "Escalated"]) : roll < 0.9 ? "Closed" : "Closed - Duplicate";
    const closedMs = status.startsWith("Closed") ? Math.min(t0 - 3_600_000, createdMs + Math.floor(rng.next() * 8 * dayMs)) : null;
    records.push({
      recordId: `500A${String(i + 1).padStart(6, "0")}`,
      endUser: `user-${rng.int(users)}`,
      queue: rng.pick([...voiceQueues, ...chatQueues]),
      status,
      createdAt: iso(createdMs),
      closedAt: closedMs === null ? null : iso(closedMs),
    });
  }
  return records.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19) + "Z";
}
