import type { Decision } from "@crm-policy/runtime";
import type { ExpectedDecision, TestCase } from "../../schemas/types/policy-test.v1.js";
import type { CaseRun } from "./run-case.js";

export interface FieldDifference {
  field: string;
  expected: unknown;
  /** undefined when the decision line has no such field (e.g. `title` on an append). */
  actual: unknown;
}

/** One way a case's outcome differs from its expectations. Numbers count from 1. */
export type Difference =
  | { kind: "mismatch"; expected: number; actual: number; sessionId: string; fields: FieldDifference[] }
  | { kind: "missing"; expected: number; decision: ExpectedDecision }
  | { kind: "extra"; actual: number; decision: Decision }
  | { kind: "rejected"; event: number; reason: string }
  | { kind: "accepted"; event: number };

/**
 * Expected against actual decision lines, in order. The lines are aligned first, so that one
 * missing or extra line is reported as such rather than as a mismatch of every line after it:
 * a pair counts 2 when it agrees on every field given, 1 when it differs but names the same
 * session (or the expected item names none), and the alignment with the greatest total wins.
 */
export function compare(test: TestCase, run: CaseRun): Difference[] {
  const expected = test.expect;
  const actual = run.decisions;
  const differences: Difference[] = [];
  for (const step of align(expected, actual)) {
    if (step.e !== undefined && step.a !== undefined) {
      const fields = fieldDifferences(expected[step.e] ?? {}, actual[step.a]);
      if (fields.length > 0)
        differences.push({ kind: "mismatch", expected: step.e + 1, actual: step.a + 1, sessionId: actual[step.a]?.sessionId ?? "", fields });
    } else if (step.e !== undefined) differences.push({ kind: "missing", expected: step.e + 1, decision: expected[step.e] ?? {} });
    else if (step.a !== undefined) {
      const decision = actual[step.a];
      if (decision !== undefined) differences.push({ kind: "extra", actual: step.a + 1, decision });
    }
  }
  const wanted = new Set(test.rejected ?? []);
  const rejected = new Set(run.rejections.map((r) => r.event));
  const events: Extract<Difference, { event: number }>[] = [
    ...run.rejections.filter((r) => !wanted.has(r.event)).map((r) => ({ kind: "rejected" as const, event: r.event, reason: r.reason })),
    ...[...wanted].filter((event) => !rejected.has(event)).map((event) => ({ kind: "accepted" as const, event })),
  ];
  return [...differences, ...events.sort((a, b) => a.event - b.event)];
}

export function fieldDifferences(expected: ExpectedDecision, actual: Decision | undefined): FieldDifference[] {
  const line = (actual ?? {}) as Record<string, unknown>;
  return Object.entries(expected)
    .filter(([field, value]) => !same(value, line[field]))
    .map(([field, value]) => ({ field, expected: value, actual: line[field] }));
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return a === b;
}

type Step = { e?: number; a?: number };

/** Above this many pairs (n × m) the middle of two lists is aligned by position, not searched. */
const maxSearchedPairs = 250_000;

/**
 * The lists aligned: the lines that agree at the start and at the end are paired as they are,
 * and only what lies between is searched, by a weighted longest common subsequence; when that
 * middle is too big to search (a case with thousands of decisions that differ), it is paired by
 * position. Time is linear in the lists' lengths plus a bounded search.
 */
function align(expected: readonly ExpectedDecision[], actual: readonly Decision[]): Step[] {
  const agrees = (i: number, j: number) => {
    const e = expected[i];
    return e !== undefined && fieldDifferences(e, actual[j]).length === 0;
  };
  let head = 0;
  while (head < expected.length && head < actual.length && agrees(head, head)) head++;
  let tail = 0;
  while (tail < expected.length - head && tail < actual.length - head && agrees(expected.length - 1 - tail, actual.length - 1 - tail)) tail++;
  const middle = { e: expected.slice(head, expected.length - tail), a: actual.slice(head, actual.length - tail) };
  const inner = middle.e.length * middle.a.length <= maxSearchedPairs ? search(middle.e, middle.a) : byPosition(middle.e.length, middle.a.length);
  const steps: Step[] = [];
  for (let k = 0; k < head; k++) steps.push({ e: k, a: k });
  for (const step of inner) steps.push({ ...(step.e === undefined ? {} : { e: step.e + head }), ...(step.a === undefined ? {} : { a: step.a + head }) });
  for (let k = tail; k > 0; k--) steps.push({ e: expected.length - k, a: actual.length - k });
  return steps;
}

function byPosition(n: number, m: number): Step[] {
  const steps: Step[] = [];
  for (let k = 0; k < Math.max(n, m); k++) steps.push({ ...(k < n ? { e: k } : {}), ...(k < m ? { a: k } : {}) });
  return steps;
}

/** A weighted longest common subsequence of two short lists. */
function search(expected: readonly ExpectedDecision[], actual: readonly Decision[]): Step[] {
  const weight = (i: number, j: number): number => {
    const e = expected[i];
    const a = actual[j];
    if (e === undefined || a === undefined) return 0;
    if (fieldDifferences(e, a).length === 0) return 2;
    return e.sessionId === undefined || e.sessionId === a.sessionId ? 1 : 0;
  };
  const n = expected.length;
  const m = actual.length;
  // best[i][j]: the greatest total weight aligning expected[i..] with actual[j..]
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const at = (i: number, j: number): number => best[i]?.[j] ?? 0;
  const paired = (i: number, j: number): number => (weight(i, j) > 0 ? weight(i, j) + at(i + 1, j + 1) : 0);
  for (let i = n - 1; i >= 0; i--) {
    const row = best[i] ?? [];
    for (let j = m - 1; j >= 0; j--) row[j] = Math.max(at(i + 1, j), at(i, j + 1), paired(i, j));
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i === n) steps.push({ a: j++ });
    else if (j === m) steps.push({ e: i++ });
    else if (weight(i, j) > 0 && at(i, j) === paired(i, j)) steps.push({ e: i++, a: j++ });
    else if (at(i, j) === at(i + 1, j)) steps.push({ e: i++ });
    else steps.push({ a: j++ });
  }
  return steps;
}
