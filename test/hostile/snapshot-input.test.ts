// A decider snapshot comes back from a file or a database: anything may be in it. Restore
// refuses what it cannot run with a SnapshotError naming the place, never another exception,
// and a snapshot it accepts runs without throwing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decider, MemoryRecordStore, SnapshotError } from "../../runtime/index.js";
import { acmeRevisions } from "../snapshot/acme.js";

const { v1, v2 } = acmeRevisions();
const at = (s: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, s)).toISOString();

/** A snapshot with sessions in every state: open, waiting for late events, decided, ended; and events held for a session not started yet. */
function sample(): Record<string, any> {
  const decider = new Decider(v1.policy("acme-support"), new MemoryRecordStore(), { endedSessionMemory: 8 });
  const start = (id: string, s: number, channel = "chat", queue = "Support/Billing/Disputes") =>
    decider.receive({
      type: "started",
      sessionId: id,
      at: at(s),
      channel,
      sessionType: channel === "chat" ? "Messaging Inbound (Web Chat)" : "Voice Inbound (IVR)",
      queue,
      endUser: "u",
      eventId: id + "-s",
    });
  start("open", 0);
  decider.receive({ type: "message", sessionId: "open", at: at(1), from: "consumer" });
  decider.receive({ type: "message", sessionId: "open", at: at(2), from: "consumer", eventId: "m2" });
  start("late", 1, "voice", "Sales");
  decider.receive({ type: "ended", sessionId: "late", at: at(3) });
  start("decided", 2, "voice", "Sales");
  decider.receive({ type: "assigned", sessionId: "decided", at: at(3) });
  start("gone", 3, "voice");
  decider.update(v2.policy("acme-support"));
  start("newer", 4);
  decider.receive({ type: "ended", sessionId: "gone", at: at(5) });
  decider.advanceTo(at(40));
  decider.receive({ type: "assigned", sessionId: "early", at: at(38) });
  decider.receive({ type: "connected", sessionId: "early", at: at(39), eventId: "c1" });
  return JSON.parse(JSON.stringify(decider.snapshot()));
}

function refusal(snapshot: unknown, source: Parameters<typeof Decider.restore>[0] = [v1, v2]): string {
  try {
    Decider.restore(source, snapshot, new MemoryRecordStore());
  } catch (error) {
    expect(error).toBeInstanceOf(SnapshotError);
    return (error as Error).message;
  }
  throw new Error("restored");
}

describe("restoring a snapshot", () => {
  it("the sample has sessions in each state and restores", () => {
    const snapshot = sample();
    expect(snapshot["sessions"].map((s: { sessionId: string }) => s.sessionId).sort()).toEqual(["decided", "newer", "open"]);
    expect(snapshot["ended"].map((s: { sessionId: string }) => s.sessionId).sort()).toEqual(["gone", "late"]);
    expect(Decider.restore([v1, v2], snapshot, new MemoryRecordStore()).inFlight).toBe(3);
    expect(snapshot["held"].map((h: { event: { type: string } }) => h.event.type)).toEqual(["assigned", "connected"]);
    expect(Decider.restore([v1, v2], snapshot, new MemoryRecordStore()).heldEvents).toBe(2);
  });

  it("refuses held events that could not be held, with what and where", () => {
    const bad = (change: (snapshot: Record<string, any>) => void) => {
      const snapshot = sample();
      change(snapshot);
      return refusal(snapshot);
    };
    expect(
      bad(
        (x) => (x["held"][0].event = { type: "started", sessionId: "early", at: at(38), channel: "voice", sessionType: "Voice Inbound (IVR)", queue: "Sales" }),
      ),
    ).toBe("decider snapshot at /held/0/event: a `started` is never held");
    expect(bad((x) => (x["held"][0].event.at = "yesterday"))).toMatch(/^decider snapshot at \/held\/0\/event: /);
    expect(bad((x) => (x["held"][1].event.sessionId = "open"))).toBe(
      "decider snapshot at /held/1/event/sessionId: session `open` has started, its events are not held",
    );
    expect(bad((x) => (x["held"][0].event.at = at(1)))).toMatch(/^decider snapshot at \/held\/0\/event\/at: .* plus the lateness is not after event time/);
    expect(bad((x) => (x["held"][0].order = -1))).toBe("decider snapshot at /held/0/order: must be >= 0");
    expect(
      bad((x) => (x["held"] = Array.from({ length: 65 }, (_, i) => ({ order: 100 + i, event: { type: "assigned", sessionId: "early", at: at(39) } })))),
    ).toMatch(/^decider snapshot at \/held\/64: 64 of its events are held already/);
    const many = sample();
    many["held"] = Array.from({ length: 10_001 }, (_, i) => ({ order: 100 + i, event: { type: "assigned", sessionId: `early${i}`, at: at(39) } }));
    expect(refusal(many)).toMatch(/^decider snapshot at \/held\/10000: 10000 events of sessions not started yet are held already/);
  });

  it("held events restored are released when their session starts", () => {
    const decider = Decider.restore([v1, v2], sample(), new MemoryRecordStore());
    const out = decider.receive({
      type: "started",
      sessionId: "early",
      at: at(37),
      channel: "voice",
      sessionType: "Voice Inbound (IVR)",
      queue: "Sales",
      endUser: "u",
    });
    expect(decider.heldEvents).toBe(0);
    expect(out.some((o) => "decision" in o)).toBe(true);
  });

  it("refuses with what and where", () => {
    const s = sample;
    expect(refusal(null)).toBe("not a decider snapshot: not a JSON object");
    expect(refusal({ ...s(), format: "crm-policy-decider-snapshot/v2" })).toBe(
      'not a decider snapshot this runtime reads: format is "crm-policy-decider-snapshot/v2", this runtime reads "crm-policy-decider-snapshot/v1"',
    );
    expect(refusal({ ...s(), bundleFormat: "crm-policy-bundle/v2" })).toMatch(
      /^decider snapshot of policies of bundle format "crm-policy-bundle\/v2"; this runtime runs "crm-policy-bundle\/v1" bundles/,
    );
    expect(refusal(s(), v2)).toMatch(/^decider snapshot at \/policies\/1: policy `acme-support` revision sha256:\w+ is not in the bundle\(s\) given/);
    const bad = (change: (snapshot: Record<string, any>) => void) => {
      const snapshot = s();
      change(snapshot);
      return refusal(snapshot);
    };
    expect(bad((x) => (x["sessions"][0].overrides = [7]))).toMatch(
      /^decider snapshot at \/sessions\/0\/overrides\/0: 7 is not an override of policy `acme-support`/,
    );
    expect(bad((x) => (x["sessions"][1].startedAt = "2026-02-30T10:00:00Z"))).toBe(
      'decider snapshot at /sessions/1/startedAt: "2026-02-30T10:00:00Z" is not an RFC 3339 time',
    );
    expect(bad((x) => (x["sessions"][2].consumerMessages = -1))).toBe("decider snapshot at /sessions/2/consumerMessages: must be >= 0");
    // beyond it the count would carry into the session's flags: a decided session undecided again
    expect(bad((x) => (x["sessions"][2].consumerMessages = 2 ** 50))).toBe("decider snapshot at /sessions/2/consumerMessages: must be <= 2147483647");
    expect(bad((x) => (x["sessions"][2].consumerMessages = 1e308))).toBe("decider snapshot at /sessions/2/consumerMessages: must be <= 2147483647");
    expect(bad((x) => (x["sessions"][0].policy = 9))).toBe("decider snapshot at /sessions/0/policy: no policy 9 (it lists 2)");
    expect(
      bad((x) => {
        const last = x["ended"].at(-1);
        last.sessionId = x["sessions"][0].sessionId;
        last.at ??= "2026-11-20T10:00:00Z";
      }),
    ).toMatch(/^decider snapshot at \/ended\/\d+\/sessionId: session `\w+` is there twice/);
    expect(bad((x) => (x["sessions"][0].eventIds = Array.from({ length: 300 }, (_, i) => [`e${i}`, "message 0"])))).toBe(
      "decider snapshot at /sessions/0/eventIds: must NOT have more than 256 items",
    );
    expect(bad((x) => (x["sessions"][0].messageTimes = Array.from({ length: 50 }, (_, i) => i)))).toMatch(
      /^decider snapshot at \/sessions\/0\/messageTimes: 50 instants, more than the \d+ its settings ever keep/,
    );
    expect(bad((x) => (x["ended"] = Array.from({ length: 9 }, (_, i) => ({ sessionId: `x${i}`, n: i, forgetMs: 0 }))))).toBe(
      "decider snapshot at /ended: 9 sessions, more than the ended-session memory of 8",
    );
    expect(bad((x) => (x["sessions"][0].extra = 1))).toBe('decider snapshot at /sessions/0: unknown field "extra"');
    expect(bad((x) => (x["ended"][1].n = 7))).toMatch(/^decider snapshot at \/ended\/1\/n: 7 does not follow \d+$/);
    expect(refusal({ ...s(), only: ["open"] })).toBe(
      "decider snapshot at /only: a partial snapshot (of some sessions only): put it into the full one with mergeSnapshot, then restore that",
    );
  });

  it("any value put anywhere in a snapshot: a SnapshotError, or a decider that runs", () => {
    const paths = (value: unknown, path: (string | number)[] = []): (string | number)[][] =>
      typeof value !== "object" || value === null
        ? [path]
        : [path, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...path, Array.isArray(value) ? Number(k) : k]))];
    const all = paths(sample()).filter((p) => p.length > 0);
    fc.assert(
      fc.property(fc.constantFrom(...all), fc.jsonValue({ maxDepth: 2 }), (path, value) => {
        const snapshot = sample();
        let parent: any = snapshot;
        for (const key of path.slice(0, -1)) parent = parent[key];
        parent[path[path.length - 1]!] = value;
        let decider: Decider;
        try {
          decider = Decider.restore([v1, v2], snapshot, new MemoryRecordStore());
        } catch (error) {
          if (!(error instanceof SnapshotError)) throw error;
          return;
        }
        for (const id of ["open", "late", "decided", "gone", "newer", "early"]) {
          decider.receive({ type: "message", sessionId: id, at: at(41), from: "consumer" });
          decider.receive({ type: "connected", sessionId: id, at: at(42) });
          decider.receive({ type: "ended", sessionId: id, at: at(43) });
        }
        decider.advanceTo(at(100));
        decider.flush();
        JSON.stringify(decider.snapshot());
      }),
      { numRuns: 300 },
    );
  });
});
