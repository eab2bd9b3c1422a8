import { defaultCatalog } from "../../compiler/model/catalog.js";
import { ReferenceInterpreter } from "../../reference/interpreter.js";
import { Decider, Rejection, MemoryRecordStore, type Outcome } from "../../runtime/index.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import type { CrmRecord } from "../../schemas/types/record.v1.js";
import { bundleOf, revisionOf } from "./run-both.js";

/** What one event (or the final flush, last) gave: decisions and rejections (`held`: of an event held earlier, not this one), in order. */
export type Outcomes = ({ decision: unknown } | { rejected: true; held?: true })[];

export interface Timing {
  lateness: number;
  maxSessionAge: number;
}

const runtimeStep = (o: Outcome): Outcomes[number] =>
  o instanceof Rejection ? (o.event === undefined ? { rejected: true } : { rejected: true, held: true }) : { decision: o };

/** The runtime on the policy's bundle with these times: one entry an event, then the flush. */
export function runBundleTimed(policy: RecordCreationPolicy, records: CrmRecord[], events: unknown[], timing: Timing): Outcomes[] {
  const decider = new Decider(bundleOf(policy).policy(policy.metadata.name), new MemoryRecordStore(structuredClone(records)), timing);
  const out = events.map((event) => decider.receive(structuredClone(event)).map(runtimeStep));
  out.push(decider.flush().map(runtimeStep));
  return out;
}

export function runReferenceTimed(policy: RecordCreationPolicy, records: CrmRecord[], events: unknown[], timing: Timing): Outcomes[] {
  const reference = new ReferenceInterpreter(policy, defaultCatalog(), structuredClone(records), revisionOf(policy), timing);
  const step = (o: object): Outcomes[number][] =>
    "decision" in o ? [{ decision: o.decision }] : "rejected" in o ? ["held" in o ? { rejected: true, held: true } : { rejected: true }] : [];
  const out = events.map((event) => reference.receive(structuredClone(event)).flatMap(step));
  out.push(reference.flush().flatMap(step));
  return out;
}
