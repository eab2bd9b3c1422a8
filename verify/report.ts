import { escapeText } from "@crm-policy/runtime/toolchain";
import { jsonLines } from "./trace.js";
import type { PolicyVerification, PropertyResult } from "./verify-policy.js";

const count = (n: number) => n.toLocaleString("en-US");
/** Milliseconds as `simulate --lateness` takes them. */
const seconds = (ms: number) => (ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`);
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
  const late = v.lateness > 0;
  const evidence = [
    enumeration.done
      ? `proved up to ${enumeration.events} events of one session (${count(enumeration.traces)} traces${late ? `, ${count(enumeration.orders)} more delivery orders within ${seconds(v.lateness)} of lateness` : ""})`
      : `not enumerated (${enumeration.atLeast ? "at least " : ""}${count(enumeration.traces)} one-session traces up to ${enumeration.events} events, over the limit of ${count(enumeration.limit)})`,
    `sampled ${count(sampling.runs)} traces of up to ${sampling.sessions} sessions (seed ${sampling.seed}${v.lateness > 0 ? `; each in up to ${sampling.orders} more delivery orders` : ""})`,
  ];
  const lines = [`${escapeText(v.policy.name)} (${escapeText(v.policy.file)}): ${evidence.join("; ")}`];
  for (const result of v.results) lines.push(...reportProperty(v, result));
  return lines.join("\n") + "\n";
}

function reportProperty(v: PolicyVerification, { property, counterexample: c }: PropertyResult): string[] {
  const title = escapeText(property.title);
  if (c === undefined) return [`  ok      ${title}`];
  const n = c.trace.events.length;
  const records = c.trace.records.length > 0;
  const lateness = c.delivery === undefined ? "" : ` --lateness ${seconds(c.delivery.lateness)}`;
  const command = `crm-policy simulate --policy ${escapeText(v.policy.file)}${records ? " --records records.jsonl" : ""}${lateness} --events -`;
  const how = c.foundBy === "enumeration" ? "found by enumeration, shortest first" : "sampled, then shrunk";
  const events =
    c.delivery === undefined
      ? [`${indent}events (replay: ${command}):`, ...jsonLines(c.trace.events)]
      : [
          `${indent}events in time order:`,
          ...jsonLines(c.trace.events),
          `${indent}events as delivered, within the lateness of ${seconds(c.delivery.lateness)} (replay: ${command}):`,
          ...jsonLines(c.delivery.events),
        ];
  return [
    `  FAILED  ${title}`,
    `${indent}${escapeText(c.violation.message)}`,
    `${indent}counterexample (${how}${c.delivery === undefined ? "" : ", delivered out of order"}): ${n} event${n === 1 ? "" : "s"}`,
    ...(records ? [`${indent}records (save as records.jsonl):`, ...jsonLines(c.trace.records)] : []),
    ...events,
    `${indent}decisions the runtime made:`,
    ...jsonLines(c.decisions).map((line) => indent + line),
  ];
}

export function failures(v: PolicyVerification): number {
  return v.results.filter((r) => r.counterexample !== undefined).length;
}
