// Offsets parseTemplate reports inside the template string, before any YAML is involved. Each
// row is a case that was once wrong; the fixtures check the same through YAML.
import { describe, expect, it } from "vitest";
import { parseTemplate } from "../../compiler/template/parse-template.js";

/** [what broke, template, expected `code start-end` of each problem] */
const cases: [string, string, string[]][] = [
  ["syntax error after a line break was shifted left by one per line break", "{{CALL_ID}}\n{{CALL_TYPE", ["template-syntax 14-15"]],
  [
    "syntax error after a line break in a long template was placed by a search for the excerpt",
    "aaaaaaaaaaaaaaaaaaaaa\nbbbbbbbbbbbbbbbbbbbbbbbbb {{CALL_ID}} {{CALL_ID x=}}",
    ["template-syntax 72-74"],
  ],
  ["unexpected `}}` underlined one character", "{{}}", ["template-syntax 2-4"]],
  ["unexpected end of template pointed past the end", "{{CALL_ID}} {{", ["template-syntax 14-14"]],
  ["a block closed by another name pointed at the end of the template", "{{CALL_ID}}\n{{#if x}}{{/y}}", ["template-syntax 15-16"]],
  ["U+2028 after a line break made Handlebars undercount the columns after it", "\n\u2028{{FOO}}", ["template-multiline 0-1", "template-unknown-variable 2-9"]],
  [
    "a lone carriage return is a line break to Handlebars but was not to the offsets",
    "a\r{{FOO}}",
    ["template-multiline 1-2", "template-unknown-variable 2-9"],
  ],
  ["U+2029 inside a mustache was accepted as whitespace; it is a line break between the braces", "{{\u2029CALL_ID\u2029}}", ["template-multiline 2-11"]],
  ["whitespace control was accepted and the spaces it removes vanished from the title", "a {{~CALL_ID~}} b", ["template-whitespace-control 4-13"]],
  ["brackets were accepted: Handlebars drops them from the name before the check", "{{[CALL_ID]~}}", ["template-whitespace-control 2-12"]],
  ["spaces inside the braces were accepted", "{{ CALL_ID}} {{CALL_ID\u00a0}}", ["template-inner-whitespace 2-3", "template-inner-whitespace 22-23"]],
  ["a line break inside the braces was accepted", "{{CALL_ID\r\n}}", ["template-multiline 9-11"]],
  ["an escaped mustache is literal text", "\\{{ CALL_ID }}", []],
];

describe("parseTemplate offsets", () => {
  it.each(cases)("%s", (_, template, expected) => {
    const result = parseTemplate(template);
    const problems = result.ok ? [] : result.problems.map((p) => `${p.code} ${p.start}-${p.end}`);
    expect(problems).toEqual(expected);
  });

  it("names the block mismatch", () => {
    const result = parseTemplate("{{#if x}}{{/unless}}");
    expect(result.ok ? "" : result.problems[0]?.message).toBe("title template does not parse: if doesn't match unless");
  });
});
