import { readFileSync } from "node:fs";
import type { CrmRecord } from "@crm-policy/runtime";
import { isTime } from "@crm-policy/runtime/toolchain";
import { FileError, fileProblem } from "./io.js";

/** Existing CRM records: JSON Lines or one JSON array. Bad records are reported and skipped. */
export function loadRecords(path: string): { records: CrmRecord[]; problems: string[] } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new FileError(`cannot read records file \`${path}\`: ${fileProblem(error) ?? String(error)}`);
  }
  const records: CrmRecord[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const take = (value: unknown, where: string) => {
    const problem = recordProblem(value);
    if (problem === undefined && seen.has((value as CrmRecord).recordId))
      problems.push(`${where}: rejected: duplicate record \`${(value as CrmRecord).recordId}\``);
    else if (problem !== undefined) problems.push(`${where}: rejected: ${problem}`);
    else {
      seen.add((value as CrmRecord).recordId);
      records.push(value as CrmRecord);
    }
  };
  if (text.trimStart().startsWith("[")) {
    let list: unknown;
    try {
      list = JSON.parse(text);
    } catch (error) {
      return { records, problems: [`${path}: not JSON: ${(error as Error).message}`] };
    }
    (Array.isArray(list) ? list : []).forEach((value, i) => take(value, `${path} record ${i + 1}`));
    return { records, problems };
  }
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`${path} line ${i + 1}: rejected: not JSON`);
      return;
    }
    take(value, `${path} line ${i + 1}`);
  });
  return { records, problems };
}

export function recordProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "a record must be a JSON object";
  const r = value as Record<string, unknown>;
  for (const field of ["recordId", "queue", "status"])
    if (typeof r[field] !== "string" || r[field] === "") return `field \`${field}\` must be a non-empty string`;
  if (r["endUser"] !== undefined && r["endUser"] !== null && typeof r["endUser"] !== "string") return "field `endUser` must be a string or null";
  if (!isTime(r["createdAt"])) return "field `createdAt` must be an RFC 3339 time";
  if (r["closedAt"] !== null && r["closedAt"] !== undefined && !isTime(r["closedAt"])) return "field `closedAt` must be an RFC 3339 time or null";
  if (r["closedAt"] === undefined) r["closedAt"] = null;
  return undefined;
}
