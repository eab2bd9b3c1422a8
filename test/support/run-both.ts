import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { compileSources } from "../../compiler/pipeline.js";
import { ReferenceInterpreter } from "../../reference/interpreter.js";
import { Decider, loadBundle, MemoryRecordStore, Rejection, type LoadedBundle } from "@crm-policy/runtime";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import type { CrmRecord } from "../../schemas/types/record.v1.js";

const dir = mkdtempSync(join(tmpdir(), "crm-policy-diff-"));

/** What happened at each event: a decision, a rejection, or nothing. */
export type Step = { decision: unknown } | { rejected: true } | null;

let last: { source: string; bundle: LoadedBundle } | undefined;

/** Compiles the policy, writes the bundle to disk and loads it back (once per policy). */
export function bundleOf(policy: RecordCreationPolicy): LoadedBundle {
  const source = JSON.stringify(policy);
  if (last?.source === source) return last.bundle;
  const compiled = compileSources([{ file: "policy.json", bytes: Buffer.from(source) }]);
  if (compiled.bundle === undefined)
    throw new Error("generated policy does not compile: " + JSON.stringify(compiled.diagnostics.filter((d) => d.severity === "error")));
  const path = join(dir, "bundle.json");
  writeFileSync(path, compiled.bundle.text);
  last = { source, bundle: loadBundle(readFileSync(path, "utf8")) };
  return last.bundle;
}

/** Runs the trace through the runtime on the policy's compiled bundle. */
export function runBundle(policy: RecordCreationPolicy, records: CrmRecord[], events: unknown[]): Step[] {
  const loaded = bundleOf(policy);
  // in order, each decision at its event: no lateness (test/differential covers lateness)
  const decider = new Decider(loaded.policy(policy.metadata.name), new MemoryRecordStore(structuredClone(records)), { lateness: 0 });
  return events.map((event) => {
    const results = decider.receive(structuredClone(event));
    if (results.length > 1) throw new Error(`one event gave ${results.length} outcomes`);
    const result = results[0];
    if (result === undefined) return null;
    if (result instanceof Rejection) return { rejected: true };
    return { decision: result };
  });
}

export function runReference(policy: RecordCreationPolicy, records: CrmRecord[], events: unknown[]): Step[] {
  const catalog = defaultCatalog();
  const reference = new ReferenceInterpreter(policy, catalog, structuredClone(records), revisionOf(policy), { lateness: 0 });
  return events.map((event) => {
    const outcomes = reference.receive(structuredClone(event));
    if (outcomes.length > 1) throw new Error(`one event gave ${outcomes.length} outcomes`);
    const outcome = outcomes[0] ?? {};
    if ("decision" in outcome) return { decision: outcome.decision };
    if ("rejected" in outcome) return { rejected: true };
    return null;
  });
}

/** The revision the runtime's bundle carries: the SHA-256 of the source text it was compiled from. */
export function revisionOf(policy: RecordCreationPolicy): string {
  return "sha256:" + createHash("sha256").update(JSON.stringify(policy)).digest("hex");
}
