import fc from "fast-check";
import { expect } from "vitest";
import { compileSources } from "../../compiler/pipeline.js";
import { Decider, loadBundle, MemoryRecordStore, Rejection, type CompiledPolicy, type CrmRecord, type RecordStore } from "@crm-policy/runtime";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { policyArb, traceArb } from "../support/arbitraries.js";
import type { Decision } from "../../schemas/types/decision.v1.js";

/** A record store that throws on the calls `fails` says (in call order), then works: a CRM cache that times out. */
export class FlakyStore implements RecordStore {
  private calls = 0;
  readonly inner: MemoryRecordStore;

  constructor(
    records: CrmRecord[],
    private readonly fails: readonly boolean[],
  ) {
    this.inner = new MemoryRecordStore(records);
  }

  private call<T>(run: () => T): T {
    if (this.fails[this.calls++] === true) throw new Error("CRM cache timed out");
    return run();
  }

  recordsOf(endUser: string, queue: string): readonly CrmRecord[] {
    return this.call(() => this.inner.recordsOf(endUser, queue));
  }
  get(recordId: string): CrmRecord | undefined {
    return this.call(() => this.inner.get(recordId));
  }
  create(record: Omit<CrmRecord, "recordId">): string {
    return this.call(() => this.inner.create(record));
  }
  update(recordId: string, change: { status: string; closedAt: string | null }): void {
    this.call(() => this.inner.update(recordId, change));
  }
}

/** Decided at each event, as delivered: no lateness. */
export const inOrder = { lateness: 0 };

/** The one outcome of an event (these tests never let time close a session). */
export function one(decider: Decider, event: unknown): Decision | Rejection | undefined {
  const outcomes = decider.receive(event);
  if (outcomes.length > 1) throw new Error(`one event gave ${outcomes.length} outcomes`);
  return outcomes[0];
}

/** What each event gave once retried until it was not a retryable rejection (at most `limit` tries). */
export function pushRetrying(decider: Decider, events: readonly unknown[], limit = 1000): ({ decision: Decision } | { rejected: string } | null)[] {
  return events.map((event) => {
    for (let attempt = 0; attempt < limit; attempt++) {
      const result = one(decider, structuredClone(event));
      if (result instanceof Rejection) {
        if (result.retryable) continue;
        return { rejected: result.reason };
      }
      return result === undefined ? null : { decision: result };
    }
    throw new Error(`still failing after ${limit} tries`);
  });
}

export function compiled(policy: RecordCreationPolicy): CompiledPolicy {
  const result = compileSources([{ file: "policy.json", bytes: Buffer.from(JSON.stringify(policy)) }]);
  if (result.bundle === undefined) throw new Error("does not compile: " + JSON.stringify(result.diagnostics));
  return loadBundle(result.bundle.text).policy(policy.metadata.name);
}

/** Any policy, trace and pattern of store failures: retrying each event until it applies gives the decisions of a store that never fails. */
export const flakyStoreChangesNothing = fc.property(policyArb, traceArb, fc.array(fc.boolean(), { maxLength: 60 }), (source, trace, fails) => {
  const p = compiled(source);
  const calm = pushRetrying(new Decider(p, new MemoryRecordStore(structuredClone(trace.records)), inOrder), trace.events);
  const flaky = pushRetrying(new Decider(p, new FlakyStore(structuredClone(trace.records), fails), inOrder), trace.events);
  expect(flaky).toEqual(calm);
});
