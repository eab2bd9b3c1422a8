import fc from "fast-check";
import { titleVariables } from "../../compiler/template/variables.js";

/**
 * Templates built from Handlebars' grammar (its `handlebars.yy` and `handlebars.l`): content,
 * mustaches with paths, literals, hashes and sub-expressions, `~` on either side, comments,
 * blocks with `{{else}}`, inverse sections, partials and partial blocks, decorators, raw blocks,
 * escaped and double-escaped mustaches, odd whitespace and line breaks, the six names and names
 * one edit away from them. Plain variables and their one-change variants are weighted up, so
 * that about half the templates are accepted and the rest differ from accepted ones by little.
 */

/** Whitespace Handlebars skips inside a mustache (JavaScript's `\s`), and some it does not. */
const oddWhitespace = [" ", "  ", "\t", "\n", "\r\n", "\r", "\u000b", "\f", "\u00a0", "\u2028", "\u2029", "\u3000", "\ufeff", "\u200b", "\u0085"];

const nearMisses = [
  ...titleVariables.map((v) => v.toLowerCase()),
  ...titleVariables.map((v) => v.replace("_", "")),
  ...titleVariables.map((v) => `${v}_`),
  ...titleVariables.map((v) => `${v}S`),
  ...titleVariables.map((v) => v.slice(1)),
  "CALL-ID",
  "Call_Id",
  "CALLER_ID",
  "constructor",
  "__proto__",
  "toString",
  "length",
  "lookup",
  "log",
  "if",
  "each",
  "else",
  "x",
];

const name = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...titleVariables) }, { weight: 2, arbitrary: fc.constantFrom(...nearMisses) });

/** Between tokens: usually one space, sometimes none or odd whitespace. */
const gap = fc.oneof({ weight: 4, arbitrary: fc.constant(" ") }, { weight: 1, arbitrary: fc.constantFrom("", ...oddWhitespace) });
/** Just inside the braces: usually nothing. */
const pad = fc.oneof({ weight: 4, arbitrary: fc.constant("") }, { weight: 1, arbitrary: fc.constantFrom(...oddWhitespace) });

/** A path: a name, bracketed, with `this`, `../`, `@data`, dots, slashes. */
const path = fc.oneof(
  { weight: 6, arbitrary: name },
  { weight: 2, arbitrary: name.map((n) => `[${n}]`) },
  { weight: 1, arbitrary: fc.constantFrom("[CALL ID]", "[CALL_ID\\]]", "[]", "[", "this", ".", "..", "@index", "@root") },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom("this.", "this/", "./", "../", "@", "@root.", "CALL_ID.", "x/", "[a]."), name).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: name.map((n) => `${n}.`) },
);

const literal = fc.constantFrom('"CALL_ID"', "'x'", '"a}}b"', "'\\''", "1", "-1.5", "0", "true", "false", "null", "undefined");

const text = (chars: string[], maxLength = 6) => fc.array(fc.constantFrom(...chars), { maxLength }).map((parts) => parts.join(""));

/** Characters of literal text, the ones Handlebars' lexer treats specially among them. */
const contentChars = [
  "a",
  "Z",
  " ",
  " ",
  "-",
  "é",
  "😀",
  "{",
  "}",
  "}}",
  "~",
  "[",
  "]",
  "\\",
  "\\\\",
  "=",
  "(",
  ")",
  "#",
  "/",
  "!",
  ">",
  "^",
  "&",
  "@",
  ".",
  "|",
  '"',
  "'",
  "<",
];
const content = fc.oneof({ weight: 4, arbitrary: text(contentChars) }, { weight: 1, arbitrary: text([...contentChars, ...oddWhitespace]) });

const comment = text(["a", " ", "}", "}}", "-", "--", "{{", "\n", "~"], 4);

interface Grammar {
  template: string;
  statement: string;
  expression: string;
  param: string;
  hash: string;
}

const grammar = fc.letrec<Grammar>((tie: fc.LetrecTypedTie<Grammar>) => ({
  template: fc.array(tie("statement"), { maxLength: 6 }).map((parts) => parts.join("")),
  statement: fc.oneof(
    { depthSize: "small", maxDepth: 3 },
    { weight: 8, arbitrary: plainVariable() },
    { weight: 6, arbitrary: content },
    { weight: 6, arbitrary: nearlyPlainVariable() },
    { weight: 3, arbitrary: escaped() },
    { weight: 4, arbitrary: mustache(tie("expression")) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(strip(), comment, strip(), fc.boolean())
        .map(([o, body, c, long]) => (long ? `{{${o}!--${body}--${c}}}` : `{{${o}!${body.replace(/}}/g, "")}${c}}}`)),
    },
    { weight: 1, arbitrary: block(tie) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          strip(),
          pad,
          path,
          fc.array(
            tie("param").map((p) => " " + p),
            { maxLength: 2 },
          ),
          strip(),
        )
        .map(([o, p, n, ps, c]) => `{{${o}>${p}${n}${ps.join("")}${c}}}`),
    },
    { weight: 1, arbitrary: fc.tuple(path, tie("template")).map(([n, body]) => `{{#>${n}}}${body}{{/${n}}}`) },
    { weight: 1, arbitrary: fc.tuple(name, content, fc.boolean()).map(([n, body, matched]) => `{{{{${n}}}}}${body}{{{{/${matched ? n : "other"}}}}}`) },
    { weight: 1, arbitrary: fc.tuple(strip(), tie("expression"), strip()).map(([o, e, c]) => `{{${o}*${e}${c}}}`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("{{", "}}", "{{}}", "{{{", "}}}", "{{{{", "{{~}}", "{{else}}", "{{^}}", "{{/if}}", "{{CALL_ID}", "{CALL_ID}}", "{{CALL_ID}}}"),
    },
  ),
  expression: fc
    .tuple(path, fc.array(fc.tuple(gap, tie("param")), { maxLength: 2 }), fc.option(fc.tuple(gap, tie("hash")), { nil: undefined }))
    .map(([p, params, hash]) => p + params.map(([g, x]) => g + x).join("") + (hash === undefined ? "" : hash[0] + hash[1])),
  param: fc.oneof(
    { depthSize: "small", maxDepth: 2 },
    { weight: 3, arbitrary: path },
    { weight: 2, arbitrary: literal },
    { weight: 1, arbitrary: fc.tuple(pad, tie("expression"), pad).map(([a, e, b]) => `(${a}${e}${b})`) },
  ),
  hash: fc
    .array(
      fc.tuple(name, tie("param")).map(([k, v]) => `${k}=${v}`),
      { minLength: 1, maxLength: 2 },
    )
    .map((pairs) => pairs.join(" ")),
}));

/** Text, escapes and variables, plain or changed in one place: where accepted and rejected meet. */
const nearlyPlainTemplate = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: plainVariable() },
      { weight: 4, arbitrary: content },
      { weight: 2, arbitrary: escaped() },
      { weight: 1, arbitrary: nearlyPlainVariable() },
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((parts) => parts.join(""));

/** Templates from Handlebars' grammar, plain ones among them. */
export const handlebarsTemplate: fc.Arbitrary<string> = fc.oneof(
  fc.array(grammar.statement, { minLength: 1, maxLength: 6 }).map((parts) => parts.join("")),
  nearlyPlainTemplate,
);

function plainVariable(): fc.Arbitrary<string> {
  return fc.constantFrom(...titleVariables).map((n) => `{{${n}}}`);
}

/** A title variable with one thing between the braces that the plain form does not have. */
function nearlyPlainVariable(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...titleVariables), fc.constantFrom(...oddWhitespace))
    .chain(([n, w]) =>
      fc.constantFrom(
        `{{~${n}}}`,
        `{{${n}~}}`,
        `{{~${n}~}}`,
        `{{[${n}]}}`,
        `{{${w}${n}}}`,
        `{{${n}${w}}}`,
        `{{${w}${n}${w}}}`,
        `{{{${n}}}}`,
        `{{&${n}}}`,
        `{{${n}.}}`,
        `{{this.${n}}}`,
        `{{./${n}}}`,
        `{{@${n}}}`,
        `{{!${n}}}`,
        `{{>${n}}}`,
        `{{${n}}`,
        `{${n}}}`,
      ),
    );
}

/** One, two or three backslashes before `{{`: text, or a variable after a backslash. */
function escaped(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom("\\", "\\\\", "\\\\\\"), fc.oneof(plainVariable(), nearlyPlainVariable(), content))
    .map(([e, rest]) => e + "{{" + rest.replace(/^\{\{/, ""));
}

/** `~` or nothing, for one side of a mustache. */
function strip(): fc.Arbitrary<string> {
  return fc.constantFrom("", "", "~");
}

/** `{{`, `{{{` or `{{&` around an expression, with strip flags and padding, closing matched or not. */
function mustache(expression: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom("", "", "", "{", "&"), strip(), pad, expression, pad, strip(), fc.boolean()).map(([kind, o, a, e, b, c, matched]) => {
    const close = kind === "{" && matched ? "}}}" : "}}";
    return `{{${o}${kind}${a}${e}${b}${c}${close}`;
  });
}

/** `{{#x}}…{{else}}…{{/x}}` and `{{^x}}…{{/x}}`, strip flags anywhere, closed by its name or another. */
function block(tie: fc.LetrecTypedTie<Grammar>): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom("#", "^", "#*inline "),
      strip(),
      tie("expression"),
      strip(),
      tie("template"),
      fc.option(tie("template"), { nil: undefined }),
      strip(),
      fc.boolean(),
    )
    .map(([open, o, e, c, body, inverse, s, matched]) => {
      const head = e.split(/[\s(]/)[0] ?? e;
      const otherwise = inverse === undefined ? "" : `{{${s}else${s}}}${inverse}`;
      return `{{${o}${open}${e}${c}}}${body}${otherwise}{{${s}/${matched ? head : "CALL_ID"}${s}}}`;
    });
}
