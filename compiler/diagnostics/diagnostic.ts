import { codes, type Code, type Severity } from "./codes.js";

/** One problem in one file: data first, wording second (see docs/diagnostics.md). */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based line and column of the start of the offending text. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** JSON pointer (RFC 6901) into the policy document; "" for the whole file. */
  pointer: string;
  help?: string;
  /** The values the message is made of, by name, for tools that must not parse the wording. */
  params?: DiagnosticParams;
}

export type DiagnosticParams = Readonly<Record<string, string | number | boolean>>;

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function diagnostic(
  code: Code,
  message: string,
  where: { file: string; pointer: string; span: Span },
  help?: string,
  params?: DiagnosticParams,
): Diagnostic {
  return {
    code,
    severity: codes[code],
    message,
    file: where.file,
    ...where.span,
    pointer: where.pointer,
    ...(help === undefined ? {} : { help }),
    ...(params === undefined ? {} : { params }),
  };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Sorted by file, then position, then code: the order every output uses. */
export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) => compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.code, b.code) || compare(a.message, b.message),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Renders user input inside a message: in backticks, control characters escaped, cut short. */
export function quote(value: unknown): string {
  // JSON.stringify writes Infinity and NaN (YAML `.inf`, `.nan`) as null
  const text = typeof value === "string" ? value : typeof value === "number" ? String(value) : (JSON.stringify(value) ?? String(value));
  const safe = JSON.stringify(text).slice(1, -1).replace(/`/g, "'");
  return "`" + (safe.length > 60 ? safe.slice(0, 57) + "..." : safe) + "`";
}
