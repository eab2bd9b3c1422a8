import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import type { CrmRecord, DeciderSnapshot } from "@crm-policy/runtime";
import { escapeText } from "@crm-policy/runtime/toolchain";
import { FileError, fileProblem } from "./io.js";
import { recordProblem } from "./load-records.js";

export const checkpointFormat = "crm-policy-simulate-checkpoint/v1";

/** What `simulate` counts for its summary. */
export interface Counts {
  create: number;
  append: number;
  none: number;
  rejected: number;
  warnings: number;
}

/**
 * Where a `simulate` run was after input line `position` (docs/snapshots.md, "simulate"): the
 * decider's snapshot, the in-memory CRM's records, the summary's counts, and how many decision
 * lines it had written — the lines of every input line up to `position`, and no others.
 */
export interface Checkpoint {
  format: typeof checkpointFormat;
  position: number;
  decisionLines: number;
  counts: Counts;
  messagesWithoutId: number;
  records: CrmRecord[];
  snapshot: DeciderSnapshot;
}

/** Writes the checkpoint so that the file holds the old one or the new one, never part of one: a temp file, fsync, rename, fsync of the folder. */
export function writeCheckpoint(path: string, checkpoint: Checkpoint): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, "w");
    try {
      writeSync(fd, JSON.stringify(checkpoint) + "\n");
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
    const dir = openSync(dirname(path), "r");
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch (error) {
    const problem = fileProblem(error);
    if (problem === undefined) throw error;
    throw new FileError(`cannot write checkpoint \`${escapeText(path)}\`: ${problem}`);
  }
}

/** Reads a checkpoint `simulate` wrote; anything else is a FileError saying what is wrong (the snapshot itself is checked when restored). */
export function readCheckpoint(path: string): Checkpoint {
  const where = `checkpoint \`${escapeText(path)}\``;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new FileError(`cannot read ${where}: ${fileProblem(error) ?? String(error)}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new FileError(`${where} is not JSON: ${(error as Error).message}`);
  }
  const bad = (what: string) => new FileError(`${where}: ${what}`);
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw bad("not a JSON object");
  const c = value as Record<string, unknown>;
  if (c["format"] !== checkpointFormat)
    throw bad(`not a simulate checkpoint: format is ${JSON.stringify(c["format"])?.slice(0, 60)}, expected "${checkpointFormat}"`);
  const count = (v: unknown, name: string) => {
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) throw bad(`\`${name}\` is not a count`);
  };
  count(c["position"], "position");
  count(c["decisionLines"], "decisionLines");
  count(c["messagesWithoutId"], "messagesWithoutId");
  const counts = c["counts"];
  if (typeof counts !== "object" || counts === null) throw bad("no `counts`");
  for (const name of ["create", "append", "none", "rejected", "warnings"]) count((counts as Record<string, unknown>)[name], `counts.${name}`);
  if (!Array.isArray(c["records"])) throw bad("`records` is not a list");
  const seen = new Set<string>();
  (c["records"] as unknown[]).forEach((record, i) => {
    const problem = recordProblem(record);
    if (problem !== undefined) throw bad(`records[${i}]: ${problem}`);
    const id = (record as CrmRecord).recordId;
    if (seen.has(id)) throw bad(`records[${i}]: duplicate record \`${escapeText(id)}\``);
    seen.add(id);
  });
  if (c["snapshot"] === undefined) throw bad("no `snapshot`");
  return value as Checkpoint;
}
