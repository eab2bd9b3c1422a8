// Title templates are accepted exactly when plain: a property over templates generated from
// Handlebars' grammar (handlebars-grammar.ts), judged by a scanner written from the rule
// (plain-scanner.ts) and by Handlebars' own rendering. `npm run test:long` runs more cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkPlainForm, plainFormProperty } from "./plain-form-property.js";
import { scanPlain } from "./plain-scanner.js";

const runs = Number(process.env["CRM_POLICY_RUNS"] ?? 10_000);

describe("a title template", () => {
  it(`is accepted exactly when the rule says plain, and then renders as Handlebars renders it (${runs} generated templates)`, () => {
    fc.assert(plainFormProperty, { numRuns: runs });
  }, 1_800_000); // long runs (CRM_POLICY_RUNS) take minutes

  // Cases where Handlebars' reading is not the obvious one; each is also in the generator's reach.
  it.each([
    ["a backslash before `{{` writes `{{`", "\\{{CALL_ID}}", ["{{CALL_ID}}"]],
    ["two backslashes write one, then a variable", "a\\\\{{CALL_ID}}", ["a\\", "CALL_ID"]],
    ["three backslashes write two, then a variable", "\\\\\\{{CALL_ID}}", ["\\\\", "CALL_ID"]],
    ["after an escaped `{{`, the next `{{` opens a variable", "\\{{{{CALL_ID}}", ["{{", "CALL_ID"]],
    ["after an escaped `{{`, `{` is text", "\\{{{CALL_ID}}}", ["{{{CALL_ID}}}"]],
    ["text may hold `}}`, `~` and brackets", "}} ~[x]", ["}} ~[x]"]],
  ])("reads: %s", (_, template, parts) => {
    const scanned = scanPlain(template);
    expect(scanned.plain ? scanned.parts.map((p) => (typeof p === "string" ? p : p.variable)) : scanned).toEqual(parts);
    checkPlainForm(template);
  });

  it.each([
    ["a variable followed by `}`, which Handlebars reads as the end of a triple-stash", "{{CALL_ID}}}"],
    ["whitespace control", "a {{~CALL_ID~}} b"],
    ["brackets", "{{[CALL_ID]}}"],
    ["a space between the braces", "{{ CALL_ID}}"],
    ["a line break in the text", "a\nb"],
  ])("is not plain with %s", (_, template) => {
    expect(scanPlain(template).plain).toBe(false);
    checkPlainForm(template);
  });
});
