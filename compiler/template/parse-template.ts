import Handlebars from "handlebars";
import type { Code } from "../diagnostics/codes.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { departures } from "./mustache-form.js";
import { notPlain } from "./not-plain.js";
import { isTitleVariable, titleVariables, type TitleVariable } from "./variables.js";

/** A title as the runtime sees it: literal text and variables, nothing to parse. */
export type Segment = string | { variable: TitleVariable };

/** A problem inside the template, at character offsets of the template string. */
export interface TemplateProblem {
  code: Code;
  message: string;
  start: number;
  end: number;
  help?: string;
}

export type TemplateResult = { ok: true; segments: Segment[] } | { ok: false; problems: TemplateProblem[] };

type AstNode = hbs.AST.Statement & { loc: hbs.AST.SourceLocation };

/**
 * Parses a title template with Handlebars' own parser and accepts only literal text and plain
 * `{{NAME}}` of the six variables: no helpers, blocks, partials, triple-stash, paths or data,
 * and nothing else between the braces (no `~`, brackets, whitespace or line breaks).
 */
export function parseTemplate(template: string): TemplateResult {
  // Handlebars' lexer miscounts columns after U+2028 and U+2029 (its `.` stops there). A vertical
  // tab is whitespace to it too, and a control character to the checks below: it stands in for them.
  const source = template.replace(/[\u2028\u2029]/g, "\u000b");
  let program: hbs.AST.Program;
  try {
    program = Handlebars.parse(source);
  } catch (error) {
    return { ok: false, problems: [syntaxProblem(source, error)] };
  }
  const lineStarts = lineStartsOf(template);
  const offset = (p: hbs.AST.Position) => (lineStarts[p.line - 1] ?? 0) + p.column;

  const segments: Segment[] = [];
  const problems: TemplateProblem[] = [];
  for (const statement of program.body as AstNode[]) {
    const start = offset(statement.loc.start);
    const end = offset(statement.loc.end);
    const problem = (code: Code, message: string, help?: string) => problems.push({ code, message, start, end, ...(help === undefined ? {} : { help }) });
    switch (statement.type) {
      case "ContentStatement": {
        const text = (statement as hbs.AST.ContentStatement).value;
        const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.exec(text);
        if (control !== null)
          problems.push({
            code: "template-multiline",
            message: "a title is one line of text: the template contains a line break or control character",
            start: start + Math.max(0, template.slice(start, end).search(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)),
            end: start + Math.max(0, template.slice(start, end).search(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)) + 1,
            help: "write the template on one line (in YAML, a folded `>-` block or a quoted string)",
          });
        segments.push(text);
        break;
      }
      case "MustacheStatement": {
        const mustache = statement as hbs.AST.MustacheStatement;
        const path = mustache.path;
        if (mustache.params.length > 0 || mustache.hash !== undefined) {
          const name = path.type === "PathExpression" ? (path as hbs.AST.PathExpression).original : "";
          problem("template-helper", `helpers are not allowed in titles: \`${name}\` is called with arguments`, "use a plain variable such as `{{CALL_ID}}`");
          break;
        }
        if (!mustache.escaped) {
          problem("template-unescaped", "raw output (`{{{...}}}` or `{{&...}}`) is not allowed in titles", "use `{{NAME}}`: titles are plain text");
          break;
        }
        if (path.type !== "PathExpression") {
          problem("template-path", "only variables can appear in `{{...}}`, not literals", "write the text outside the braces");
          break;
        }
        const p = path as hbs.AST.PathExpression;
        if (p.data || p.depth > 0 || p.parts.length !== 1 || p.original !== p.parts[0]) {
          problem("template-path", `\`${p.original}\` is not a title variable: paths, \`this\` and \`@data\` are not allowed`, `use one of ${list()}`);
          break;
        }
        const name = p.parts[0] ?? "";
        if (!isTitleVariable(name)) {
          problem("template-unknown-variable", `unknown title variable \`${name}\``, didYouMean(name, titleVariables) ?? `use one of ${list()}`);
          break;
        }
        const found = departures(template.slice(start, end), name);
        if (found === undefined) {
          problem("template-path", `\`${template.slice(start + 2, end - 2).trim()}\` is not a title variable`, `write \`{{${name}}}\``);
          break;
        }
        if (found.length > 0) {
          problems.push(notPlain(name, found, start));
          break;
        }
        segments.push({ variable: name });
        break;
      }
      case "BlockStatement":
      case "DecoratorBlock":
        problem("template-block", "blocks such as `{{#if}}` and `{{#each}}` are not allowed in titles", `use plain variables: ${list()}`);
        break;
      case "PartialStatement":
      case "PartialBlockStatement":
        problem("template-partial", "partials (`{{> name}}`) are not allowed in titles");
        break;
      case "CommentStatement":
        problem("template-comment", "comments are not allowed in titles", "remove the `{{!...}}`");
        break;
      default:
        problem("template-helper", `\`${template.slice(start, end)}\` is not allowed in titles`, `use plain variables: ${list()}`);
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, segments: merge(segments) };
}

function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (typeof s === "string" && typeof last === "string") out[out.length - 1] = last + s;
    else if (s !== "") out.push(s);
  }
  return out;
}

function list(): string {
  return titleVariables.map((v) => `{{${v}}}`).join(" ");
}

const tokenNames: Record<string, string> = {
  EOF: "end of template",
  INVERSE: "`{{else}}`",
  OPEN_SEXPR: "`(`",
  CLOSE: "`}}`",
  CLOSE_UNESCAPED: "`}}}`",
  OPEN: "`{{`",
  OPEN_ENDBLOCK: "`{{/`",
};

/**
 * Where Handlebars stopped. Its own exceptions (a block closed by the wrong name) carry a line
 * and column; a parse error leaves the unexpected token in the parser's lexer. The message
 * excerpt is no help: it drops line breaks and may not be unique.
 */
function syntaxProblem(template: string, error: unknown): TemplateProblem {
  const message = error instanceof Error ? error.message : String(error);
  const got = /got '([A-Z_]+)'/.exec(message)?.[1] ?? "";
  const { start, end } = errorRange(template, error);
  const located = /^(.*) - \d+:\d+$/.exec(message)?.[1];
  const found = located !== undefined ? located : `unexpected ${tokenNames[got] ?? (got === "" ? "text" : `\`${template.slice(start, start + 2) || got}\``)}`;
  return {
    code: "template-syntax",
    message: `title template does not parse: ${found}`,
    start,
    end,
    help:
      got === "CLOSE_UNESCAPED"
        ? "a `}` cannot follow a variable directly (Handlebars reads `}}}` as the end of `{{{`): put text between them"
        : "a variable is written `{{NAME}}`; a literal `{{` is written `\\{{`",
  };
}

function errorRange(template: string, error: unknown): { start: number; end: number } {
  const { lineNumber, column } = (typeof error === "object" && error !== null ? error : {}) as { lineNumber?: unknown; column?: unknown };
  if (typeof lineNumber === "number" && typeof column === "number") {
    const start = Math.min(template.length, (lineStartsOf(template)[lineNumber - 1] ?? 0) + column);
    return { start, end: Math.min(template.length, start + 1) };
  }
  // handlebars' parser is jison's; its lexer keeps the text matched so far, ending with the unexpected token
  const lexer = (Handlebars as unknown as { Parser?: { lexer?: { matched?: unknown; match?: unknown } } }).Parser?.lexer;
  if (typeof lexer?.matched === "string" && typeof lexer.match === "string" && template.startsWith(lexer.matched)) {
    const start = lexer.matched.length - lexer.match.length;
    return { start, end: Math.min(template.length, Math.max(start + 1, lexer.matched.length)) };
  }
  return { start: template.length, end: template.length };
}

/** Offsets where lines start, as Handlebars counts lines: after `\r\n`, `\r` or `\n`. */
function lineStartsOf(template: string): number[] {
  const starts = [0];
  for (const match of template.matchAll(/\r\n?|\n/g)) starts.push(match.index + match[0].length);
  return starts;
}
