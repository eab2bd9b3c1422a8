import fc from "fast-check";
import Handlebars from "handlebars";
import { parseTemplate, type Segment } from "../../compiler/template/parse-template.js";
import { titleVariables } from "../../compiler/template/variables.js";
import { handlebarsTemplate } from "./handlebars-grammar.js";
import { scanPlain } from "./plain-scanner.js";

/** Why the property failed, as opposed to something merely throwing. */
export class Disagreement extends Error {}

/** Values that show escaping, re-parsing or a swapped variable if any of those happened. */
const values: Record<string, string> = Object.fromEntries(titleVariables.map((v, i) => [v, `<${v.toLowerCase()}&{{${i}}}\\>`]));

function filled(parts: readonly Segment[] | readonly (string | { variable: string })[]): string {
  return parts.map((p) => (typeof p === "string" ? p : (values[p.variable] ?? ""))).join("");
}

/**
 * The validator accepts a template exactly when the scanner written from the rule says it is
 * plain; an accepted template's compiled title is its text with the variables filled in, as the
 * scanner reads it and as Handlebars itself renders it (no HTML escaping: titles are plain text);
 * a rejected one has its problems inside the template.
 */
export function checkPlainForm(template: string): void {
  const result = parseTemplate(template);
  const scanned = scanPlain(template);
  if (result.ok !== scanned.plain) {
    const said = result.ok ? "accepted" : `rejected (${result.problems.map((p) => p.code).join(", ")})`;
    throw new Disagreement(`the validator ${said} ${JSON.stringify(template)}, the rule says ${scanned.plain ? "plain" : `not plain (at ${scanned.at})`}`);
  }
  if (!result.ok) {
    for (const p of result.problems)
      if (!(p.start >= 0 && p.start <= p.end && p.end <= template.length))
        throw new Disagreement(`${p.code} at ${p.start}-${p.end} is outside ${JSON.stringify(template)}`);
    return;
  }
  if (!scanned.plain) return;
  const compiled = filled(result.segments);
  const expected = filled(scanned.parts);
  const rendered = Handlebars.compile(template, { noEscape: true })(values);
  if (compiled !== expected || compiled !== rendered)
    throw new Disagreement(
      `${JSON.stringify(template)}: compiled ${JSON.stringify(compiled)}, the rule reads ${JSON.stringify(expected)}, Handlebars renders ${JSON.stringify(rendered)}`,
    );
}

export const plainFormProperty = fc.property(handlebarsTemplate, checkPlainForm);
