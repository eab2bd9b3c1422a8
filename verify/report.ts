import { jsonLines } from "./trace.js";
import type { PolicyVerification, PropertyResult } from "./verify-policy.js";

const count = (n: number) => n.toLocaleString("en-US");
const indent = " ".repeat(10);

/**
 * What `crm-policy verify` prints for a policy: a line saying what was checked, then one line
 * per property, `ok` or `FAILED`. Under a failure: why, then the counterexample as JSON lines
 * that `crm-policy simulate` takes as they are (records, if any, then events; lines of their own,
 * not indented), then the decisions the runtime made.
 */
export function reportPolicy(v: PolicyVerification): string {
  const { enumeration, sampling } = v;
  const evidence = [
    enumeration.done
      ? `proved up to ${enumeration.events} events of one session (${count(enumeration.traces)} traces)`
      : `not enumerated (${enumeration.atLeast ? "at least " : ""}${count(enumeration.traces)} one-session traces up to ${enumeration.events} events, over the limit of ${count(enumeration.limit)})`,
    `sampled ${count(sampling.runs)} traces of up to ${sampling.sessions} sessions (seed ${sampling.seed})`,
  ];
  const lines = [`${v.policy.name} (${v.policy.file}): ${evidence.join("; ")}`];
  for (const result of v.results) lines.push(...reportProperty(v, result));
  return lines.join("\n") + "\n";
}

function reportProperty(v: PolicyVerification, { property, counterexample: c }: PropertyResult): string[] {
  if (c === undefined) return [`  ok      ${property.title}`];
  const events = c.trace.events.length;
  const records = c.trace.records.length > 0;
  const command = `crm-policy simulate --policy ${v.policy.file}${records ? " --records records.jsonl" : ""} --events -`;
  return [
    `  FAILED  ${property.title}`,
    `${indent}${c.violation.message}`,
    `${indent}counterexample (${c.foundBy === "enumeration" ? "found by enumeration, shortest first" : "sampled, then shrunk"}): ${events} event${events === 1 ? "" : "s"}`,
    ...(records ? [`${indent}records (save as records.jsonl):`, ...jsonLines(c.trace.records)] : []),
    `${indent}events (replay: ${command}):`,
    ...jsonLines(c.trace.events),
    `${indent}decisions the runtime made:`,
    ...jsonLines(c.decisions).map((line) => indent + line),
  ];
}

export function failures(v: PolicyVerification): number {
  return v.results.filter((r) => r.counterexample !== undefined).length;
}
