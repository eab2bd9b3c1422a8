import type { Decision } from "@crm-policy/runtime";

/** What one event gave, as a line: the decision's JSON, `rejected: <reason>`, or "". */
export function lineOf(result: Decision | { rejected: true; reason: string } | undefined): string {
  if (result === undefined) return "";
  if ("rejected" in result) return `rejected: ${result.reason}`;
  return JSON.stringify(result);
}

/** Throws, showing the first difference, unless two runs gave the same line for every event. */
export function assertSameLines(what: string, a: readonly string[], b: readonly string[]): void {
  if (a.length !== b.length) throw new Error(`${what}: ${a.length} vs ${b.length} lines`);
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) throw new Error(`${what}: event ${i} differs:\n  ${a[i]}\n  ${b[i]}`);
  }
}
