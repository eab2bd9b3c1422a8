import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decider, MemoryRecordStore, Rejection, type CompiledPolicy } from "@crm-policy/runtime";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { compiled, flakyStoreChangesNothing, FlakyStore, inOrder, one } from "./support-flaky-store.js";

// A RecordStore or onWarning callback that throws leaves the session as before the event: the
// event pushed again decides then; the failure comes back as a retryable Rejection.

const policy = (records: RecordCreationPolicy["records"]): CompiledPolicy =>
  compiled({ apiVersion: "crm-policy/v1", kind: "RecordCreationPolicy", metadata: { name: "p" }, crm: { system: "salesforce" }, records: records ?? {} });

const started = {
  type: "started",
  sessionId: "c1",
  at: "2026-11-20T10:00:00Z",
  channel: "voice",
  sessionType: "Voice Inbound (IVR)",
  queue: "Q",
  endUser: "u1",
};

describe("a record store that throws loses no decision", () => {
  it("at `assigned`: retryable rejection, then the retried event creates the record", () => {
    const store = new FlakyStore([], [true]);
    const decider = new Decider(policy({}), store, inOrder);
    expect(one(decider, started)).toBeUndefined();
    const failed = one(decider, { type: "assigned", sessionId: "c1", at: "2026-11-20T10:00:10Z" });
    expect(failed).toBeInstanceOf(Rejection);
    expect((failed as Rejection).retryable).toBe(true);
    expect((failed as Rejection).reason).toMatch(/record store threw: CRM cache timed out/);
    expect(store.inner.all()).toEqual([]);
    expect(one(decider, { type: "assigned", sessionId: "c1", at: "2026-11-20T10:00:10Z" })).toMatchObject({
      decision: "create",
      trigger: "assigned",
      recordId: "sim-1",
    });
  });

  it("at `ended` of an abandoned call: the retried `ended` decides, and only once", () => {
    const store = new FlakyStore([], [true, true]);
    const decider = new Decider(policy({ calls: { createForAbandoned: true } }), store, inOrder);
    one(decider, started);
    const ended = { type: "ended", sessionId: "c1", at: "2026-11-20T10:00:10Z" };
    expect((one(decider, ended) as Rejection).retryable).toBe(true);
    expect((one(decider, ended) as Rejection).retryable).toBe(true);
    expect(decider.inFlight).toBe(1);
    expect(one(decider, ended)).toMatchObject({ decision: "create", trigger: "ended" });
    expect(one(decider, ended)).toBeUndefined();
    expect(decider.inFlight).toBe(0);
  });

  it("at a consumer message that reaches the threshold: the message is not counted until it decides", () => {
    const store = new FlakyStore([], [false, true]);
    const decider = new Decider(policy({ chats: { minConsumerMessages: 2 }, append: { toOpenRecord: true } }), store, inOrder);
    one(decider, { ...started, channel: "chat", sessionType: "Messaging Inbound (Web Chat)" });
    one(decider, { type: "connected", sessionId: "c1", at: "2026-11-20T10:00:05Z" });
    expect(one(decider, { type: "message", sessionId: "c1", at: "2026-11-20T10:00:06Z", from: "consumer" })).toBeUndefined();
    const second = { type: "message", sessionId: "c1", at: "2026-11-20T10:00:07Z", from: "consumer" };
    expect(one(decider, second)).toMatchObject({ retryable: true }); // recordsOf answered, create threw
    expect(one(decider, second)).toMatchObject({ decision: "create", trigger: "message", at: "2026-11-20T10:00:07Z" });
  });

  it("at `record.status`: retryable, the status is set when pushed again", () => {
    const store = new FlakyStore([{ recordId: "R1", endUser: "u1", queue: "Q", status: "New", createdAt: "2026-11-19T10:00:00Z", closedAt: null }], [true]);
    const decider = new Decider(policy({}), store, inOrder);
    const change = { type: "record.status", recordId: "R1", at: "2026-11-20T10:00:00Z", status: "Closed" };
    expect(one(decider, change)).toMatchObject({ retryable: true });
    expect(store.inner.get("R1")?.status).toBe("New");
    expect(one(decider, change)).toBeUndefined();
    expect(store.inner.get("R1")?.status).toBe("Closed");
  });
});

describe("an onWarning callback that throws drops no session", () => {
  it("the `started` is refused as retryable and applies when pushed again", () => {
    let throwing = true;
    const decider = new Decider(policy({}), new MemoryRecordStore(), {
      ...inOrder,
      onWarning: () => {
        if (throwing) throw new Error("log sink down");
      },
    });
    const unknownType = { ...started, sessionType: "Voice Brand New (Beta)" };
    expect(one(decider, unknownType)).toMatchObject({ retryable: true, reason: expect.stringMatching(/warning handler threw: log sink down/) });
    expect(decider.inFlight).toBe(0);
    throwing = false;
    expect(one(decider, unknownType)).toBeUndefined();
    expect(one(decider, { type: "assigned", sessionId: "c1", at: "2026-11-20T10:00:10Z" })).toMatchObject({
      decision: "create",
      title: "Voice Brand New (Beta) c1",
    });
  });
});

it("with a store failing at random, every event retried until it applies gives exactly the decisions of a store that never fails", () => {
  fc.assert(flakyStoreChangesNothing, { numRuns: 300 });
});
