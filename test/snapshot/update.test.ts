import { describe, expect, it } from "vitest";
import { Decider, MemoryRecordStore, Rejection, type Decision, type Outcome } from "../../runtime/index.js";
import { acmeRevisions } from "./acme.js";

const { v1, v2 } = acmeRevisions();
const at = (s: number) => new Date(Date.UTC(2026, 10, 20, 10, 0, s)).toISOString();
const chat = (id: string, s: number) => ({
  type: "started",
  sessionId: id,
  at: at(s),
  channel: "chat",
  sessionType: "Messaging Inbound (Web Chat)",
  queue: "Support/General",
  endUser: "u-" + id,
});
const decisions = (outcomes: readonly Outcome[]) => outcomes.filter((o): o is Decision => !(o instanceof Rejection));

function feed(decider: Decider, id: string, from: number, messages: number): Decision[] {
  const out: Decision[] = [];
  out.push(...decisions(decider.receive({ type: "connected", sessionId: id, at: at(from) })));
  for (let i = 1; i <= messages; i++) out.push(...decisions(decider.receive({ type: "message", sessionId: id, at: at(from + i), from: "consumer" })));
  return out;
}

describe("taking a new policy live", () => {
  it("sessions started before keep their version's settings and provenance; later ones run the new one", () => {
    const decider = new Decider(v1.policy("acme-support"), new MemoryRecordStore());
    decider.receive(chat("old", 0));
    decider.update(v2.policy("acme-support"));
    decider.receive(chat("new", 1));
    expect(decider.inspect("old")?.settings.minConsumerMessages).toBe(2);
    expect(decider.inspect("new")?.settings.minConsumerMessages).toBe(5);
    // two consumer messages decide the old session (v1 needs 2), not the new one (v2 needs 5)
    const old = feed(decider, "old", 2, 2);
    const young = feed(decider, "new", 2, 2);
    expect(old.map((d) => [d.sessionId, d.decision, d.revision])).toEqual([["old", "create", v1.policy("acme-support").revision]]);
    expect(young).toEqual([]);
    expect(decider.policy.revision).toBe(v2.policy("acme-support").revision);
  });

  it("a snapshot names every version in flight; restore refuses without the old bundle and continues with it", () => {
    const decider = new Decider(v1.policy("acme-support"), new MemoryRecordStore());
    decider.receive(chat("old", 0));
    decider.update(v2.policy("acme-support"));
    const snapshot = JSON.parse(JSON.stringify(decider.snapshot()));
    expect(snapshot.policies.map((p: { revision: string }) => p.revision)).toEqual([v2.policy("acme-support").revision, v1.policy("acme-support").revision]);
    expect(() => Decider.restore(v2, snapshot, new MemoryRecordStore())).toThrow(
      /at \/policies\/1: policy `acme-support` revision sha256:[0-9a-f]+ is not in the bundle\(s\) given/,
    );
    const restored = Decider.restore([v1, v2], snapshot, new MemoryRecordStore());
    expect(restored.policy.revision).toBe(v2.policy("acme-support").revision);
    expect(restored.inspect("old")?.settings.minConsumerMessages).toBe(2);
    // once the old version's last session is closed, the snapshot no longer needs it
    restored.receive({ type: "ended", sessionId: "old", at: at(3) });
    restored.flush();
    expect(restored.snapshot().policies.map((p) => p.revision)).toEqual([v2.policy("acme-support").revision]);
  });

  it("a decider with no maximum session age (as a replaying service runs) round-trips through JSON", () => {
    const options = { lateness: 0, maxSessionAge: Infinity, endedSessionMemory: 4 };
    const decider = new Decider(v1.policy("acme-support"), new MemoryRecordStore(), options);
    decider.receive(chat("a", 0));
    decider.receive(chat("b", 1));
    decider.receive({ type: "ended", sessionId: "a", at: at(2) });
    const text = JSON.stringify(decider.snapshot());
    expect(JSON.parse(text).timing).toEqual({ lateness: 0, maxSessionAge: null, endedSessionMemory: 4 });
    const restored = Decider.restore(v1, JSON.parse(text), new MemoryRecordStore());
    expect(JSON.stringify(restored.snapshot())).toBe(text);
    // a's end is remembered: a redelivery stamped before it is no rejection
    expect(restored.receive({ type: "assigned", sessionId: "a", at: at(1) })).toEqual([]);
  });

  it("dirtySessions lists the sessions changed since the last call", () => {
    const decider = new Decider(v1.policy("acme-support"), new MemoryRecordStore(), { trackChanges: true, lateness: 0 });
    decider.receive(chat("a", 0));
    decider.receive(chat("b", 1));
    expect(decider.dirtySessions().sort()).toEqual(["a", "b"]);
    expect(decider.dirtySessions()).toEqual([]);
    decider.receive({ type: "ended", sessionId: "a", at: at(2) });
    expect(decider.dirtySessions()).toEqual(["a"]);
    expect(() => new Decider(v1.policy("acme-support"), new MemoryRecordStore()).dirtySessions()).toThrow(/trackChanges/);
  });
});
