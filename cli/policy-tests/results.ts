import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import type { Decision } from "@crm-policy/runtime";
import type { Difference } from "./compare.js";

/** One case's outcome; it passed when there is no difference. */
export interface CaseResult {
  name: string;
  /** Where the case's `name` is in the test file. */
  line: number;
  column: number;
  differences: Difference[];
  /** The decision lines the case produced, to copy from when writing or fixing `expect`. */
  decisions: Decision[];
  /** Line of each `expect` item and of each event, for pointing at them. */
  expectLines: number[];
  eventLines: number[];
  /** The runtime's warnings, e.g. a session type not in the catalog. */
  warnings: { event: number; message: string }[];
}

export interface FileResult {
  file: string;
  cases: CaseResult[];
  /** Set when none of the file's cases ran: why, and the diagnostics that say so. */
  notRun?: { reason: string; diagnostics: Diagnostic[] };
}

/** Everything `crm-policy test` found, for the output formats. */
export interface TestRun {
  files: FileResult[];
  /** Errors of invalid test files and of policies that do not compile, each once, sorted. */
  diagnostics: Diagnostic[];
  /** File texts, for underlining diagnostics. */
  texts: ReadonlyMap<string, string>;
}

export const passed = (c: CaseResult): boolean => c.differences.length === 0;

export function counts(run: TestRun): { passed: number; failed: number; notRun: number } {
  const cases = run.files.flatMap((f) => f.cases);
  const good = cases.filter(passed).length;
  return { passed: good, failed: cases.length - good, notRun: run.files.filter((f) => f.notRun !== undefined).length };
}

/** `3 passed, 1 failed in 4 test files`, and the files that did not run. */
export function summaryLine(run: TestRun): string {
  const { passed: good, failed, notRun } = counts(run);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const skipped = notRun > 0 ? `; ${plural(notRun, "test file")} not run` : "";
  return `${good} passed, ${failed} failed in ${plural(run.files.length, "test file")}${skipped}\n`;
}
