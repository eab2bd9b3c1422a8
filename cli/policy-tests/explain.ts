import type { Difference } from "./compare.js";
import type { CaseResult } from "./results.js";

/** A failed case's differences in words, one item per line, for every output format. */
export function explain(result: CaseResult): string[] {
  const lines: string[] = [];
  const expectLine = (n: number) => result.expectLines[n - 1] ?? result.line;
  const eventLine = (n: number) => result.eventLines[n - 1] ?? result.line;
  for (const d of result.differences) lines.push(...explainOne(d, expectLine, eventLine));
  return lines;
}

function explainOne(d: Difference, expectLine: (n: number) => number, eventLine: (n: number) => number): string[] {
  switch (d.kind) {
    case "mismatch":
      return [
        `decision ${d.actual} (session \`${d.sessionId}\`) differs from expect item ${d.expected} on line ${expectLine(d.expected)}:`,
        ...d.fields.map((f) => `  ${f.field}: expected ${show(f.expected)}, actual ${f.actual === undefined ? "(no such field)" : show(f.actual)}`),
      ];
    case "missing":
      return [`missing: no decision for expect item ${d.expected} on line ${expectLine(d.expected)}: ${show(d.decision)}`];
    case "extra":
      return [`extra: decision ${d.actual} was not expected: ${show(d.decision)}`];
    case "rejected":
      return [`event ${d.event} on line ${eventLine(d.event)} was rejected: ${d.reason}`];
    case "accepted":
      return [`event ${d.event} on line ${eventLine(d.event)} was accepted, but \`rejected\` lists it`];
  }
}

/** Values as JSON, which is how decision lines are written. */
export function show(value: unknown): string {
  return JSON.stringify(value);
}
