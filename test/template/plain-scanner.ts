import { titleVariables } from "../../compiler/template/variables.js";

/**
 * The title template rule of docs/diagnostics.md ("One way to write a variable"), read
 * character by character without Handlebars, to check the validator against:
 *
 * - a template is text and variables `{{NAME}}`, NAME one of the six, nothing else between the
 *   braces;
 * - text is any character but a line break or another control character;
 * - `{{` preceded by one backslash is the text `{{` (the backslash is not written out);
 *   preceded by two or more, it opens a variable and one backslash is not written out;
 * - a variable cannot be followed by `}`: Handlebars reads `}}}` as the end of a triple-stash.
 */
export type Scanned = { plain: true; parts: (string | { variable: string })[] } | { plain: false; at: number };

const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function scanPlain(template: string): Scanned {
  const parts: (string | { variable: string })[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    if (template.startsWith("{{", i)) {
      let backslashes = 0;
      while (text.endsWith("\\".repeat(backslashes + 1))) backslashes++;
      if (backslashes === 1) {
        text = text.slice(0, -1) + "{{";
        i += 2;
        continue;
      }
      if (backslashes >= 2) text = text.slice(0, -1);
      const name = titleVariables.find((v) => template.startsWith(`${v}}}`, i + 2));
      if (name === undefined) return { plain: false, at: i };
      const end = i + 2 + name.length + 2;
      if (template[end] === "}") return { plain: false, at: end };
      if (text !== "") parts.push(text);
      parts.push({ variable: name });
      text = "";
      i = end;
      continue;
    }
    const c = template[i] ?? "";
    if (control.test(c)) return { plain: false, at: i };
    text += c;
    i++;
  }
  if (text !== "") parts.push(text);
  return { plain: true, parts };
}
