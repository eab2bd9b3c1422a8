import nearley from "nearley";
import { closest } from "../diagnostics/suggest.js";
import type { Condition } from "./ast.js";
import grammar from "./grammar.generated.js";
import { excerpt, problem, type ConditionProblem } from "./problem.js";
import { TokenStream } from "./token-stream.js";
import { keywords, tokenize, type Token, type TokenType } from "./tokenize.js";

export type ParseConditionResult = { ok: true; ast: Condition } | { ok: false; problems: ConditionProblem[] };

const compiled = nearley.Grammar.fromCompiled(grammar);

/**
 * Parses an override condition: tokenize.ts (step one), then the nearley grammar in
 * grammar.ne (step two). Problems are `condition-syntax`, at offsets of the text: every lexical
 * problem, or the first token the grammar cannot take.
 */
export function parseCondition(text: string): ParseConditionResult {
  const lexed = tokenize(text);
  if (!lexed.ok) return lexed;
  const parsed = run(lexed.tokens);
  if ("problem" in parsed) return { ok: false, problems: [parsed.problem] };
  // the grammar is unambiguous (test/conditions/grammar.test.ts), so there is one result or none
  const [ast] = parsed.results;
  return ast === undefined ? { ok: false, problems: [endProblem(lexed.tokens, parsed.expected)] } : { ok: true, ast };
}

/** Every parse of a text, for the test that the grammar is unambiguous; [] when it does not parse. */
export function allParses(text: string): Condition[] {
  const lexed = tokenize(text);
  if (!lexed.ok) return [];
  const parsed = run(lexed.tokens);
  return "problem" in parsed ? [] : parsed.results;
}

/** What nearley keeps of a parse that this module reads: its chart, which @types/nearley leaves out. */
interface Chart {
  table: { states: State[]; scannable: State[] }[];
  current: number;
}

interface State {
  rule: { name: string; symbols: unknown[] };
  dot: number;
  reference: number;
}

function run(tokens: readonly Token[]): { results: Condition[]; expected: Set<string> } | { problem: ConditionProblem } {
  const parser = new nearley.Parser(compiled, { lexer: new TokenStream(tokens) });
  // the cast reads nearley's chart, present on every Parser though @types/nearley does not declare it
  const chart = parser as unknown as Chart;
  try {
    parser.feed("");
  } catch (error) {
    const token = (error as { token?: Token }).token;
    if (token === undefined) throw error;
    return { problem: unexpectedToken(token, expectedAt(chart)) };
  }
  return { results: parser.results as Condition[], expected: expectedAt(chart) };
}

/** The token types the chart's last column could take next, and "end" if it could stop there. */
function expectedAt(chart: Chart): Set<string> {
  const column = chart.table[chart.current];
  const expected = new Set<string>();
  for (const state of column?.scannable ?? []) {
    const symbol = state.rule.symbols[state.dot];
    if (typeof symbol === "object" && symbol !== null && "type" in symbol) expected.add(String(symbol.type));
  }
  if (column?.states.some((s) => s.rule.name === "condition" && s.dot === s.rule.symbols.length && s.reference === 0)) expected.add("end");
  return expected;
}

const valueTypes: readonly TokenType[] = ["STRING", "INTEGER", "TRUE", "FALSE", "LBRACKET"];
const operatorTypes: readonly TokenType[] = ["EQ", "NE", "IN", "STARTS_WITH", "ENDS_WITH", "CONTAINS", "MATCHES", "LT", "LE", "GT", "GE"];

/** "an attribute, a value, `not` or `(`": what the grammar would have taken, in words. */
function describe(expected: ReadonlySet<string>): string {
  const words: string[] = [];
  if (expected.has("IDENTIFIER")) words.push("an attribute");
  if (valueTypes.some((t) => expected.has(t))) words.push("a value");
  if (operatorTypes.some((t) => expected.has(t))) words.push("a comparison (`==`, `!=`, `in`, `startsWith`, ...)");
  if (expected.has("NOT") && !operatorTypes.some((t) => expected.has(t))) words.push("`not`");
  if (expected.has("LPAREN")) words.push("`(`");
  if (expected.has("COMMA")) words.push("`,`");
  if (expected.has("AND")) words.push("`and`");
  if (expected.has("OR")) words.push("`or`");
  if (expected.has("RBRACKET")) words.push("`]`");
  if (expected.has("RPAREN")) words.push("`)`");
  if (expected.has("end")) words.push("the end of the condition");
  if (words.length <= 1) return `expected ${words[0] ?? "nothing more"}`;
  return `expected ${words.slice(0, -1).join(", ")} or ${words[words.length - 1] ?? ""}`;
}

const wordsOfTheLanguage = Object.keys(keywords);

function unexpectedToken(token: Token, expected: ReadonlySet<string>): ConditionProblem {
  // `AND`, `startswith`: a keyword in the wrong case is a likelier slip than a missing operator
  const keyword = token.type === "IDENTIFIER" ? closest(token.value, wordsOfTheLanguage) : undefined;
  const help = keyword !== undefined && keyword.toLowerCase() === token.value.toLowerCase() ? `did you mean \`${keyword}\`?` : describe(expected);
  return problem("condition-syntax", `unexpected ${excerpt(token.value)}`, token.start, token.end, help);
}

/** Out of tokens before the condition was complete: points just past the last token. */
function endProblem(tokens: readonly Token[], expected: ReadonlySet<string>): ConditionProblem {
  const last = tokens[tokens.length - 1];
  const at = last?.end ?? 0;
  return problem("condition-syntax", `unexpected end of the condition after ${excerpt(last?.value ?? "")}`, at, at, describe(expected));
}
