// Which delivery orders verify replays (docs/semantics.md, "What lateness can and cannot
// reorder"): within the lateness, never across the lifecycle event that decided a session,
// never for sessions that share records; all of them for short traces.
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import type { SessionEvent } from "../../schemas/types/session-event.v1.js";
import { deliveryOrders } from "../../verify/delivery-orders.js";
import { policiesUnderTest, type PolicyUnderTest } from "../../verify/policy-under-test.js";
import { replay } from "../../verify/replay.js";
import { SessionSettings } from "../../verify/session-settings.js";
import { second, stamp, t0 } from "../../verify/trace.js";

function policy(records: Record<string, unknown>): PolicyUnderTest {
  const text = stringify({ apiVersion: "crm-policy/v1", kind: "RecordCreationPolicy", metadata: { name: "orders" }, crm: { system: "kustomer" }, records });
  const [p] = policiesUnderTest([{ file: "orders.yaml", bytes: new TextEncoder().encode(text) }]).policies;
  if (p === undefined) throw new Error(text);
  return p;
}

const at = (s: number) => stamp(t0 + s * second);
const chat = (id = "s1", endUser?: string): SessionEvent => ({
  type: "started",
  sessionId: id,
  at: at(0),
  channel: "chat",
  sessionType: "Messaging Inbound (Web Chat)",
  queue: "Main",
  ...(endUser === undefined ? {} : { endUser }),
});
const event = (type: "assigned" | "connected" | "ended", s: number, id = "s1"): SessionEvent => ({ type, sessionId: id, at: at(s) });
const message = (s: number, id = "s1"): SessionEvent => ({ type: "message", sessionId: id, at: at(s), from: "consumer" });

function orders(p: PolicyUnderTest, events: SessionEvent[], bounds = { lateness: 30_000, allUpTo: 6, perTrace: 2 }): string[] {
  const run = replay(p, new SessionSettings(p), { records: [], events });
  const name = (e: SessionEvent) =>
    e.type === "started" ? "S" : e.type === "ended" ? "E" : e.type === "connected" ? "C" : e.type === "message" ? `M${e.at.slice(18, 19)}` : "A";
  return deliveryOrders(run, bounds).map((o) => o.map((i) => name(events[i]!)).join(" "));
}

describe("delivery orders", () => {
  it("a session decided at a lifecycle event keeps its other events on their side of it; its `ended` may come first", () => {
    // threshold 1: the record is due at the message of 2 s, after the connection at 1 s
    const p = policy({ chats: { minConsumerMessages: 1 } });
    const all = orders(p, [chat(), event("connected", 1), message(2), event("ended", 3)]);
    expect(all).toContain("S C E M2"); // the message after the end: it still decides, at itself
    expect(all).toContain("C S M2 E"); // the connection held for the start
    expect(all).not.toContain("S M2 C E"); // the message before the connection: the record's trigger would be `connected`
    // the message may come before the connection only when both are held for the start (then applied by time)
    expect(all.filter((o) => o.indexOf("M2") < o.indexOf("C")).every((o) => o.indexOf("S") > o.indexOf("C"))).toBe(true);
    expect(all).toContain("M2 C S E");
    // the fewest overtakings first
    expect(all[0]?.split(" ").filter((x, i) => x !== ["S", "C", "M2", "E"][i]).length).toBe(2);
  });

  it("a session decided at its end may be delivered in any order within the lateness", () => {
    const p = policy({ chats: { minConsumerMessages: 3 } });
    // below the threshold: decided at the end, so the connection and the message may swap
    expect(orders(p, [chat(), event("connected", 1), message(2), event("ended", 3)])).toHaveLength(23);
  });

  it("nothing arrives once event time is past its `at` plus the lateness", () => {
    const p = policy({ chats: { minConsumerMessages: 3 } });
    const late = orders(p, [chat(), event("connected", 1), event("ended", 40)], { lateness: 30_000, allUpTo: 6, perTrace: 2 });
    // the connection (1 s) cannot come after the end (40 s); it may be held for the start (0 s)
    expect(late).toEqual(["C S E"]);
    expect(orders(p, [chat(), event("connected", 1), event("ended", 40)], { lateness: 0, allUpTo: 6, perTrace: 2 })).toEqual([]);
  });

  it("longer traces get the late and the held order first, at most perTrace of them", () => {
    const p = policy({ chats: { minConsumerMessages: 9 } });
    const events = [chat(), event("assigned", 1), event("connected", 2), message(3), message(4), message(5), event("ended", 6)];
    expect(orders(p, events, { lateness: 30_000, allUpTo: 4, perTrace: 3 }).slice(0, 2)).toEqual(["S A C M3 M4 E M5", "A S C M3 M4 M5 E"]);
  });

  it("none when two sessions may share a record: which decides first depends on delivery", () => {
    const p = policy({ chats: { minConsumerMessages: 0 }, append: { toOpenRecord: true } });
    const shared = [chat("s1", "u1"), chat("s2", "u1"), event("connected", 1, "s1"), event("connected", 2, "s2")];
    expect(orders(p, shared)).toEqual([]);
    const apart = [chat("s1", "u1"), chat("s2", "u2"), event("connected", 1, "s1"), event("connected", 2, "s2")];
    expect(orders(p, apart).length).toBeGreaterThan(0);
  });
});
