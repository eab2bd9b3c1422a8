/**
 * How a mustache that names a title variable is written, against the one form a title accepts:
 * `{{NAME}}`, nothing between the braces but the name. Handlebars reads `{{~NAME~}}`,
 * `{{[NAME]}}` and `{{ NAME }}` as the same variable (and `~` also eats the spaces written next
 * to it), so its AST cannot tell them apart: this looks at the characters.
 */

/** What can stand between the braces besides the name, most serious first. */
export const departureKinds = ["whitespace-control", "line-break", "brackets", "whitespace"] as const;

export type DepartureKind = (typeof departureKinds)[number];

/** One departure from the plain form, at offsets of the mustache's text. */
export interface Departure {
  kind: DepartureKind;
  start: number;
  end: number;
}

// What Handlebars' lexer skips inside a mustache is JavaScript's `\s`; the line breaks among it
// are reported as such.
const writtenForm = /^\{\{(~?)(\s*)(\[?)([^\s\]~}]*)(\]?)(\s*)(~?)\}\}$/;
const lineBreak = /[\n\r\v\f\u2028\u2029]/;

/**
 * The departures of `written` (a whole mustache, `{{` to `}}`) from `{{name}}`, in order of
 * position; empty when it is plain. Undefined when what is left between the braces is not the
 * name, e.g. `{{CALL_ID.}}`, which Handlebars also reads as `CALL_ID`.
 */
export function departures(written: string, name: string): Departure[] | undefined {
  const match = writtenForm.exec(written);
  if (match === null) return undefined;
  const [, openStrip = "", before = "", open = "", inner = "", close = "", after = "", closeStrip = ""] = match;
  if (inner !== name || open.length !== close.length) return undefined;
  const found: Departure[] = [];
  let at = 2;
  const take = (text: string, kind: DepartureKind) => {
    if (text !== "") found.push({ kind, start: at, end: at + text.length });
    at += text.length;
  };
  take(openStrip, "whitespace-control");
  spaces(before);
  take(open, "brackets");
  at += inner.length;
  take(close, "brackets");
  spaces(after);
  take(closeStrip, "whitespace-control");
  return found;

  /** A run of whitespace, split where it turns from line breaks to other whitespace and back. */
  function spaces(text: string): void {
    for (const run of text.match(/[\n\r\v\f\u2028\u2029]+|[^\n\r\v\f\u2028\u2029]+/g) ?? []) take(run, lineBreak.test(run) ? "line-break" : "whitespace");
  }
}
