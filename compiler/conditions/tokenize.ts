import { excerpt, problem, sortProblems, type ConditionProblem } from "./problem.js";

/**
 * Step one of parsing a condition: text into tokens, each with its offsets, so the grammar's
 * errors point at the exact character. Every lexical problem is reported, not just the first.
 */

/** Keywords and their token types. Token types are upper case: nearleyc declares each as a variable, and `in` or `true` cannot be one. */
export const keywords = {
  and: "AND",
  or: "OR",
  not: "NOT",
  in: "IN",
  true: "TRUE",
  false: "FALSE",
  startsWith: "STARTS_WITH",
  endsWith: "ENDS_WITH",
  contains: "CONTAINS",
  matches: "MATCHES",
} as const;

export type TokenType =
  | (typeof keywords)[keyof typeof keywords]
  | "IDENTIFIER"
  | "STRING"
  | "INTEGER"
  | "EQ"
  | "NE"
  | "LT"
  | "LE"
  | "GT"
  | "GE"
  | "LPAREN"
  | "RPAREN"
  | "LBRACKET"
  | "RBRACKET"
  | "COMMA";

export const tokenTypes: readonly TokenType[] = [
  ...Object.values(keywords),
  "IDENTIFIER",
  "STRING",
  "INTEGER",
  "EQ",
  "NE",
  "LT",
  "LE",
  "GT",
  "GE",
  "LPAREN",
  "RPAREN",
  "LBRACKET",
  "RBRACKET",
  "COMMA",
];

export interface Token {
  type: TokenType;
  /** The text as written; nearley shows it in its own messages. */
  value: string;
  start: number;
  end: number;
  /** A string's characters after escapes, an integer's value. */
  decoded?: string | number;
}

export const conditionLimits = {
  /** Characters of condition text. */
  maxLength: 10_000,
  /** Parentheses and `not`s nested in one another. */
  maxDepth: 64,
};

const punctuation: Partial<Record<string, TokenType>> = { "(": "LPAREN", ")": "RPAREN", "[": "LBRACKET", "]": "RBRACKET", ",": "COMMA" };

const keywordTypes: ReadonlyMap<string, TokenType> = new Map(Object.entries(keywords));

export type TokenizeResult = { ok: true; tokens: Token[] } | { ok: false; problems: ConditionProblem[] };

export function tokenize(text: string): TokenizeResult {
  if (text.length > conditionLimits.maxLength)
    return fail(
      problem(
        "condition-syntax",
        `the condition is ${text.length} characters, over the limit of ${conditionLimits.maxLength}`,
        0,
        text.length,
        "split it over several overrides",
      ),
    );
  const tokens: Token[] = [];
  const problems: ConditionProblem[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] ?? "";
    const start = i;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
    } else if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i] ?? "")) i++;
      const word = text.slice(start, i);
      tokens.push({ type: keywordTypes.get(word) ?? "IDENTIFIER", value: word, start, end: i });
    } else if (/[0-9]/.test(c) || (c === "-" && /[0-9]/.test(text[i + 1] ?? ""))) {
      i++;
      while (i < text.length && /[0-9]/.test(text[i] ?? "")) i++;
      const digits = text.slice(start, i);
      const value = Number(digits);
      if (!Number.isSafeInteger(value))
        problems.push(
          problem(
            "condition-syntax",
            `integer ${excerpt(digits)} is out of range`,
            start,
            i,
            `integers go from ${-Number.MAX_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}`,
          ),
        );
      tokens.push({ type: "INTEGER", value: digits, start, end: i, decoded: value === 0 ? 0 : value });
    } else if (c === '"') {
      const string = readString(text, start, problems);
      i = string.end;
      if (string.closed) tokens.push({ type: "STRING", value: text.slice(start, i), start, end: i, decoded: string.value });
    } else if (c === "=" && text[i + 1] === "=") {
      tokens.push({ type: "EQ", value: "==", start, end: (i += 2) });
    } else if (c === "!" && text[i + 1] === "=") {
      tokens.push({ type: "NE", value: "!=", start, end: (i += 2) });
    } else if (c === "<" || c === ">") {
      const orEqual = text[i + 1] === "=";
      const type: TokenType = c === "<" ? (orEqual ? "LE" : "LT") : orEqual ? "GE" : "GT";
      tokens.push({ type, value: orEqual ? c + "=" : c, start, end: (i += orEqual ? 2 : 1) });
    } else if (punctuation[c] !== undefined) {
      tokens.push({ type: punctuation[c], value: c, start, end: ++i });
    } else {
      i = unexpected(text, start, problems);
    }
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  if (tokens.length === 0) return fail(problem("condition-syntax", "the condition is empty", 0, text.length, 'write a condition such as `channel == "chat"`'));
  const tooDeep = nesting(tokens);
  return tooDeep === undefined ? { ok: true, tokens } : fail(tooDeep);
}

function fail(p: ConditionProblem): TokenizeResult {
  return { ok: false, problems: [p] };
}

const escapes: Record<string, string> = { '"': '"', "\\": "\\", n: "\n", t: "\t" };
const escapeHelp = 'the escapes are `\\"`, `\\\\`, `\\n`, `\\t` and `\\uXXXX`';

/** A double-quoted string from `start`; problems inside it are reported and reading goes on. */
function readString(text: string, start: number, problems: ConditionProblem[]): { value: string; end: number; closed: boolean } {
  let value = "";
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] ?? "";
    if (c === '"') return { value, end: i + 1, closed: true };
    if (c === "\n" || c === "\r") break;
    if (c === "\\") {
      const e = text[i + 1] ?? "";
      const simple = escapes[e];
      if (simple !== undefined) {
        value += simple;
        i += 2;
      } else if (e === "u") {
        const hex = /^[0-9A-Fa-f]{0,4}/.exec(text.slice(i + 2, i + 6))?.[0] ?? "";
        if (hex.length === 4) value += String.fromCharCode(parseInt(hex, 16));
        else
          problems.push(
            problem(
              "condition-syntax",
              "`\\u` needs four hexadecimal digits",
              i,
              i + 2 + hex.length,
              "write a character as `\\u` and four digits, e.g. `\\u00e9`",
            ),
          );
        i += 2 + hex.length;
      } else if (e === "" || e === "\n" || e === "\r") {
        i++;
      } else {
        const escaped = String.fromCodePoint(text.codePointAt(i + 1) ?? 0);
        problems.push(problem("condition-syntax", `unknown escape ${excerpt("\\" + escaped)} in a string`, i, i + 1 + escaped.length, escapeHelp));
        i += 1 + escaped.length;
      }
    } else if (/[\u0000-\u001f\u007f]/.test(c)) {
      const code = "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
      problems.push(problem("condition-syntax", `control character U+${code.slice(2).toUpperCase()} in a string`, i, i + 1, `write it as \`${code}\``));
      i++;
    } else {
      value += c;
      i++;
    }
  }
  problems.push(problem("condition-syntax", "unterminated string", start, i, 'close the string with `"` on the same line'));
  return { value, end: i, closed: false };
}

/** A character that starts no token; the common slips from other languages get their own help. */
function unexpected(text: string, start: number, problems: ConditionProblem[]): number {
  const c = String.fromCodePoint(text.codePointAt(start) ?? 0);
  const next = text[start + 1];
  const report = (length: number, message: string, help?: string) => {
    problems.push(problem("condition-syntax", message, start, start + length, help));
    return start + length;
  };
  if (c === "'") {
    const close = text.indexOf("'", start + 1);
    const line = text.indexOf("\n", start + 1);
    if (close !== -1 && (line === -1 || close < line)) {
      const inner = text.slice(start + 1, close);
      return report(close + 1 - start, "strings are written in double quotes", `write ${excerpt(JSON.stringify(inner))}`);
    }
    return report(1, "unexpected character `'`: strings are written in double quotes", 'write `"..."`');
  }
  if (c === "=" && (next === "<" || next === ">")) return report(2, `unexpected ${excerpt(c + next)}`, `write \`${next}=\``);
  if (c === "=") return report(1, "unexpected character `=`", "compare with `==`");
  if (c === "!") return report(1, "unexpected character `!`", "negate with `not`, or compare with `!=`");
  if (c === "&") return report(next === "&" ? 2 : 1, `unexpected ${excerpt(next === "&" ? "&&" : "&")}`, "write `and`");
  if (c === "|") return report(next === "|" ? 2 : 1, `unexpected ${excerpt(next === "|" ? "||" : "|")}`, "write `or`");
  if (c === "/" || c === "*") return report(1, `unexpected character ${excerpt(c)}`, 'a glob pattern is written in a string: `queue matches "Billing/*"`');
  if (c === ".") return report(1, "unexpected character `.`", "values are strings in double quotes, whole numbers, `true`, `false` or lists");
  return report(c.length, `unexpected character ${excerpt(c)}`);
}

/** Parentheses and `not`s nest at most `maxDepth` deep, so nothing downstream recurses without bound. */
function nesting(tokens: readonly Token[]): ConditionProblem | undefined {
  const outer: { base: number; nots: number }[] = [];
  let base = 0;
  let nots = 0;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t];
    if (token === undefined) break;
    if (token.type === "NOT" && tokens[t + 1]?.type !== "IN") nots++;
    else if (token.type === "LPAREN") {
      outer.push({ base, nots });
      base += nots + 1;
      nots = 0;
    } else if (token.type === "RPAREN") {
      base = outer.pop()?.base ?? 0;
      nots = 0;
    } else if (token.type === "AND" || token.type === "OR") nots = 0;
    if (base + nots > conditionLimits.maxDepth)
      return problem(
        "condition-syntax",
        `the condition nests deeper than ${conditionLimits.maxDepth} levels of parentheses and \`not\``,
        token.start,
        token.end,
        "write it flatter, or split it over several overrides",
      );
  }
  return undefined;
}
