import type { Code } from "../diagnostics/codes.js";
import { departureKinds, type Departure, type DepartureKind } from "./mustache-form.js";
import type { TemplateProblem } from "./parse-template.js";
import type { TitleVariable } from "./variables.js";

const codes: Record<DepartureKind, Code> = {
  "whitespace-control": "template-whitespace-control",
  "line-break": "template-multiline",
  brackets: "template-brackets",
  whitespace: "template-inner-whitespace",
};

const messages: Record<DepartureKind, string> = {
  "whitespace-control": "whitespace control (`~`) is not allowed in titles: it removes the spaces written next to the variable",
  "line-break": "a title is one line of text: the template has a line break inside `{{...}}`",
  brackets: "brackets around a variable name are not allowed in titles",
  whitespace: "whitespace inside `{{...}}` is not allowed in titles",
};

const nouns: Record<DepartureKind, string> = {
  "whitespace-control": "whitespace control `~`",
  "line-break": "a line break",
  brackets: "brackets",
  whitespace: "whitespace",
};

/**
 * One problem for a variable not written as `{{NAME}}`, whatever else its braces hold: it
 * underlines from the first character that should not be there to the last, is named after the
 * most serious of them and names the others, and its help is the plain form.
 */
export function notPlain(name: TitleVariable, found: readonly Departure[], offset: number): TemplateProblem {
  const kinds = departureKinds.filter((kind) => found.some((d) => d.kind === kind));
  const [first = "whitespace", ...others] = kinds;
  const also = others.map((kind) => nouns[kind]);
  const list = [also.slice(0, -1).join(", "), also.at(-1)].filter(Boolean).join(" and ");
  return {
    code: codes[first],
    message: messages[first] + (list === "" ? "" : `; the braces also hold ${list}`),
    start: offset + Math.min(...found.map((d) => d.start)),
    end: offset + Math.max(...found.map((d) => d.end)),
    help: `write \`{{${name}}}\``,
  };
}
