import type { Code } from "../diagnostics/codes.js";

/**
 * A problem inside a condition, at offsets of the condition text: the shape of TemplateProblem
 * (compiler/template/parse-template.ts), so spanInScalar can place it in the YAML file.
 */
export interface ConditionProblem {
  code: Code;
  message: string;
  start: number;
  end: number;
  help?: string;
}

export function problem(code: Code, message: string, start: number, end: number, help?: string): ConditionProblem {
  return { code, message, start, end, ...(help === undefined ? {} : { help }) };
}

/** By position, then code: the order diagnostics are reported in. */
export function sortProblems(problems: readonly ConditionProblem[]): ConditionProblem[] {
  return [...problems].sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** User input or condition text inside a message: in backticks, cut short. */
export function excerpt(text: string): string {
  const safe = text.replace(/`/g, "'").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  return "`" + (safe.length > 60 ? safe.slice(0, 57) + "..." : safe) + "`";
}
