import { escapeText } from "@crm-policy/runtime/toolchain";
import { jsonLines } from "./trace.js";
import type { PolicyVerification, PropertyResult } from "./verify-policy.js";

const count = (n: number) => n.toLocaleString("en-US");
const indent = " ".repeat(10);

/**
 * What `crm-policy verify` prints for a policy: a line saying what was checked, then one line
 * per property, `ok` or `FAILED`. Under a failure: why, then the counterexample as JSON lines
 * that `crm-policy simulate` takes as they are (records, if any, then events; lines of their own,
 * not indented), then the decisions the runtime made. Text from the policy (names, files,
 * `expect` names) and from the traces is escaped for the terminal (`escapeText`).
 */
export function reportPolicy(v: PolicyVerification): string {
  const { enumeration, sampling } = v;
  const evidence = [
    enumeration.done
      ? `proved up to ${enumeration.events} events of one session (${count(enumeration.traces)} traces)`
      : `not enumerated (${enumeration.atLeast ? "at least " : ""}${count(enumeration.traces)} one-session traces up to ${enumeration.events} events, over the limit of ${count(enumeration.limit)})`,
    `sampled ${count(sampling.runs)} traces of up to ${sampling.sessions} sessions (seed ${sampling.seed})`,
  ];
  const lines = [`${escapeText(v.policy.name)} (${escapeText(v.policy.file)}): ${evidence.join("; ")}`];
  for (const result of v.results) lines.push(...reportProperty(v, result));
  return lines.join("\n") + "\n";
}

function reportProperty(v: PolicyVerification, { property, counterexample: c }: PropertyResult): string[] {
  const title = escapeText(property.title);
  if (c === undefined) return [`  ok      ${title}`];
  const events = c.trace.events.length;
  const records = c.trace.records.length > 0;
  const command = `crm-policy simulate --policy ${escapeText(v.policy.file)}${records ? " --records records.jsonl" : ""} --events -`;
  return [
    `  FAILED  ${title}`,
    `${indent}${escapeText(c.violation.message)}`,
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
