// Shared by the verify tests: policies written to a temporary folder, and the counterexample
// blocks of verify's output read back.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";

/** A folder for this test file's policies. */
export function tempFolder(): string {
  return mkdtempSync(join(tmpdir(), "crm-policy-verify-"));
}

/** A policy file from a mapping merged over the required header. */
export function writePolicy(folder: string, name: string, body: Record<string, unknown>): string {
  const file = join(folder, `${name}.yaml`);
  writeFileSync(file, stringify({ apiVersion: "crm-policy/v1", kind: "RecordCreationPolicy", metadata: { name }, ...body }));
  return file;
}

export interface PrintedCounterexample {
  records: string[];
  events: string[];
  /** The decision lines, as printed (indented). */
  decisions: string[];
  /** The replay command verify suggests. */
  command: string;
}

/**
 * The counterexample printed under the FAILED line of `title`: the lines after `records (...)`
 * and `events (...)` up to the next line that is not one, and the decisions, unindented.
 */
export function counterexampleOf(stdout: string, title: string): PrintedCounterexample {
  const lines = stdout.split("\n");
  const failed = lines.indexOf(`  FAILED  ${title}`);
  if (failed === -1) throw new Error(`no FAILED line for ${title} in:\n${stdout}`);
  const after = lines.slice(failed + 1);
  const end = after.findIndex((l) => /^ {2}(ok|FAILED) {2}/.test(l) || /^[a-z0-9][a-z0-9-]* \(.*\): (proved|not enumerated)/.test(l));
  const block = end === -1 ? after : after.slice(0, end);
  const section = (header: RegExp, json: (l: string) => boolean) => {
    const at = block.findIndex((l) => header.test(l));
    if (at === -1) return [];
    const rest = block.slice(at + 1);
    const stop = rest.findIndex((l) => !json(l));
    return stop === -1 ? rest : rest.slice(0, stop);
  };
  const unindented = (l: string) => l.startsWith("{");
  // in time order, or as delivered out of order (with the time order above it)
  const replayed = /^ +events (as delivered, [^(]*)?\(replay: /;
  const eventsHeader = block.find((l) => replayed.test(l)) ?? "";
  return {
    records: section(/^ +records \(save as records\.jsonl\):$/, unindented),
    events: section(replayed, unindented),
    decisions: section(/^ +decisions the runtime made:$/, (l) => /^ +\{/.test(l)).map((l) => l.trim()),
    command: /replay: (.*)\):$/.exec(eventsHeader)?.[1] ?? "",
  };
}
