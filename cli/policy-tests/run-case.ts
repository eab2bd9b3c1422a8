import { Decider, MemoryRecordStore, Rejection, type CompiledPolicy, type CrmRecord, type Decision } from "@crm-policy/runtime";
import type { TestCase } from "../../schemas/types/policy-test.v1.js";

/** What the runtime did with a case's events. Event numbers count from 1. */
export interface CaseRun {
  decisions: Decision[];
  rejections: { event: number; reason: string }[];
  warnings: { event: number; message: string }[];
}

/**
 * Replays a case like `crm-policy simulate`: a fresh Decider over a MemoryRecordStore of its
 * records, flushed at the end. The flush's warnings (a session with no `ended`) are left out:
 * its decision, `expired` or a record at `ended`, is what the case expects or is shown.
 */
export function runCase(policy: CompiledPolicy, test: TestCase): CaseRun {
  const run: CaseRun = { decisions: [], rejections: [], warnings: [] };
  let event = 0;
  let flushing = false;
  const records: CrmRecord[] = (test.records ?? []).map((r) => ({ ...r, closedAt: r.closedAt ?? null }));
  const decider = new Decider(policy, new MemoryRecordStore(records), {
    onWarning: (message) => {
      if (!flushing) run.warnings.push({ event, message });
    },
  });
  for (const value of test.events) {
    event++;
    for (const result of decider.receive(value)) record(result);
  }
  flushing = true;
  for (const result of decider.flush()) record(result);
  return run;

  function record(result: Decision | Rejection): void {
    if (!(result instanceof Rejection)) run.decisions.push(result);
    // an event held for its session's `started` and refused later is counted at its own number
    else
      run.rejections.push({ event: result.event === undefined ? event : (test.events as readonly unknown[]).indexOf(result.event) + 1, reason: result.reason });
  }
}
