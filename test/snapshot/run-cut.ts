import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { compileSources } from "../../compiler/pipeline.js";
import { ReferenceInterpreter } from "../../reference/interpreter.js";
import { Decider, loadBundle, MemoryRecordStore, Rejection, type LoadedBundle, type Outcome } from "../../runtime/index.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import type { CrmRecord } from "../../schemas/types/record.v1.js";
import { revisionOf } from "../support/run-both.js";
import { Disagreement } from "./disagreement.js";
import type { Outcomes, Timing } from "../support/run-timed.js";

const dir = mkdtempSync(join(tmpdir(), "crm-policy-snapshot-"));
const bundles = new Map<string, LoadedBundle>();

/** The policy's bundle, written to disk and loaded back (a few kept: a case uses two policies). */
export function loaded(policy: RecordCreationPolicy): LoadedBundle {
  const source = JSON.stringify(policy);
  let bundle = bundles.get(source);
  if (bundle !== undefined) return bundle;
  const compiled = compileSources([{ file: "policy.json", bytes: Buffer.from(source) }]);
  if (compiled.bundle === undefined)
    throw new Error("generated policy does not compile: " + JSON.stringify(compiled.diagnostics.filter((d) => d.severity === "error")));
  const path = join(dir, "bundle.json");
  writeFileSync(path, compiled.bundle.text);
  bundle = loadBundle(readFileSync(path, "utf8"));
  if (bundles.size >= 8) bundles.delete(bundles.keys().next().value as string);
  bundles.set(source, bundle);
  return bundle;
}

const runtimeStep = (o: Outcome): Outcomes[number] => (o instanceof Rejection ? { rejected: true } : { decision: o });

export interface Cut {
  /** Events taken before the snapshot. */
  at: number;
  /** The policy new sessions start under from the cut on, if it changes there. */
  next?: RecordCreationPolicy;
  /** Ended sessions remembered (a replayer's bound), if any. */
  endedSessionMemory?: number;
}

/**
 * The runtime on the policy's bundle, stopped after `cut.at` events: its snapshot and the
 * store's records go through JSON text, a new decider is restored from them (given both
 * bundles), takes `cut.next` live if any, and goes on with the rest; then the flush.
 */
export function runRuntimeCut(policy: RecordCreationPolicy, records: CrmRecord[], events: unknown[], timing: Timing, cut: Cut): Outcomes[] {
  const first = loaded(policy);
  const memory = cut.endedSessionMemory === undefined ? {} : { endedSessionMemory: cut.endedSessionMemory };
  let store = new MemoryRecordStore(structuredClone(records));
  let decider = new Decider(first.policy(policy.metadata.name), store, { ...timing, ...memory });
  const stop = () => {
    const text = JSON.stringify({ snapshot: decider.snapshot(), records: store.all() });
    const saved = JSON.parse(text) as { snapshot: unknown; records: CrmRecord[] };
    store = new MemoryRecordStore(saved.records);
    const next = cut.next === undefined ? undefined : loaded(cut.next);
    decider = Decider.restore(next === undefined ? first : [first, next], saved.snapshot, store);
    const again = JSON.stringify(decider.snapshot());
    if (again !== JSON.stringify(saved.snapshot))
      throw new Disagreement(`the restored decider's snapshot differs from the one it was restored from:\n${JSON.stringify(saved.snapshot)}\n${again}`);
    if (next !== undefined) decider.update(next.policy(cut.next!.metadata.name));
  };
  const out: Outcomes[] = [];
  events.forEach((event, i) => {
    if (i === cut.at) stop();
    out.push(decider.receive(structuredClone(event)).map(runtimeStep));
  });
  if (cut.at >= events.length) stop();
  out.push(decider.flush().map(runtimeStep));
  return out;
}

/** The runtime without a stop (the swap, if any, at the cut: `update` on the same decider). */
export function runRuntimeWhole(policy: RecordCreationPolicy, records: CrmRecord[], events: unknown[], timing: Timing, cut: Cut): Outcomes[] {
  const memory = cut.endedSessionMemory === undefined ? {} : { endedSessionMemory: cut.endedSessionMemory };
  const decider = new Decider(loaded(policy).policy(policy.metadata.name), new MemoryRecordStore(structuredClone(records)), { ...timing, ...memory });
  const out = events.map((event, i) => {
    if (i === cut.at && cut.next !== undefined) decider.update(loaded(cut.next).policy(cut.next.metadata.name));
    return decider.receive(structuredClone(event)).map(runtimeStep);
  });
  if (cut.at >= events.length && cut.next !== undefined) decider.update(loaded(cut.next).policy(cut.next.metadata.name));
  out.push(decider.flush().map(runtimeStep));
  return out;
}

/** The reference, uninterrupted; the new policy (if any) taken at the cut. */
export function runReferenceCut(policy: RecordCreationPolicy, records: CrmRecord[], events: unknown[], timing: Timing, cut: Cut): Outcomes[] {
  const reference = new ReferenceInterpreter(policy, defaultCatalog(), structuredClone(records), revisionOf(policy), timing);
  const step = (o: object): Outcomes[number][] => ("decision" in o ? [{ decision: o.decision }] : "rejected" in o ? [{ rejected: true }] : []);
  const out = events.map((event, i) => {
    if (i === cut.at && cut.next !== undefined) reference.update(cut.next, revisionOf(cut.next));
    return reference.receive(structuredClone(event)).flatMap(step);
  });
  if (cut.at >= events.length && cut.next !== undefined) reference.update(cut.next, revisionOf(cut.next));
  out.push(reference.flush().flatMap(step));
  return out;
}
