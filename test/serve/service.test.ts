import { expect, test } from "vitest";
import { loadBundle, type RecordStore } from "@crm-policy/runtime";
import { DecisionService } from "../../server/service/decision-service.js";
import { SqliteStateStore } from "../../server/state/sqlite-state.js";
import type { StateStore } from "../../server/state/state-store.js";
import { exampleBundle } from "./fixtures.js";

const { text } = exampleBundle();
const check = {
  policyName: "acme-support",
  load: (t: string) => loadBundle(t),
  loadStored: (t: string) => loadBundle(t),
  maxSessionAge: Number.POSITIVE_INFINITY,
};
const at = (s: number) => `2026-11-20T13:00:${String(s).padStart(2, "0")}Z`;
const batch = [
  { type: "started", sessionId: "f1", at: at(0), channel: "voice", sessionType: "Voice Inbound (IVR)", queue: "Support/Billing", endUser: "u-f1" },
  { type: "started", sessionId: "f2", at: at(1), channel: "voice", sessionType: "Voice Inbound (IVR)", queue: "Support/Billing", endUser: "u-f2" },
  { type: "connected", sessionId: "f1", at: at(2) },
  { type: "connected", sessionId: "f2", at: at(3) },
].map((value, i) => ({ line: i + 1, value }));

/** A state store whose record creation fails on demand, like a full disk. */
function flakyStore(): { store: StateStore; fail: (on: boolean) => void } {
  const inner = new SqliteStateStore({ path: ":memory:", recordPrefix: "rec", keepEnded: 100 });
  let failing = false;
  let created = 0;
  const records: RecordStore & { rolledBack(): void } = {
    recordsOf: (endUser, queue) => inner.records.recordsOf(endUser, queue),
    get: (id) => inner.records.get(id),
    create: (record) => {
      if (failing && ++created === 2) throw new Error("database or disk is full");
      return inner.records.create(record);
    },
    update: (id, change) => inner.records.update(id, change),
    rolledBack: () => inner.records.rolledBack(),
  };
  const store = Object.assign(Object.create(inner) as SqliteStateStore, { records });
  return { store, fail: (on) => ((failing = on), (created = 0)) };
}

test("a batch whose store write fails is not applied at all, and applies whole when sent again", () => {
  const { store, fail } = flakyStore();
  const service = new DecisionService(store, check, text);
  fail(true); // the second record of the batch cannot be written
  expect(() => service.apply(batch)).toThrow(/disk is full/);
  expect(service.lastSeq()).toBe(0);
  expect(service.inFlight).toBe(0);
  expect(service.describe("f1")).toBeUndefined();
  fail(false);
  const outcomes = service.apply(batch);
  expect(outcomes.map((o) => (o.status === "decided" ? `${o.seq}:${o.decision.decision === "create" ? o.decision.recordId : "?"}` : o.status))).toEqual([
    "accepted",
    "accepted",
    "1:rec-1",
    "2:rec-2",
  ]);
});

test("sessions rebuilt from the store go on where they stopped; redelivered events change nothing", () => {
  const { store } = flakyStore();
  const first = new DecisionService(store, check, text);
  first.apply(batch.slice(0, 3)); // f1 decided, f2 pending
  const again = new DecisionService(store, check, text); // as after a restart
  expect(again.inFlight).toBe(2);
  const outcomes = again.apply(batch); // the whole batch redelivered, plus nothing new
  expect(outcomes.map((o) => o.status)).toEqual(["accepted", "accepted", "accepted", "decided"]);
  expect(again.lastSeq()).toBe(2);
});
