import type {
  Attribute,
  Binary,
  BooleanLiteral,
  Comparison,
  ComparisonOperator,
  Condition,
  IntegerLiteral,
  ListLiteral,
  Not,
  Operand,
  ScalarLiteral,
  StringLiteral,
} from "./ast.js";
import type { Token } from "./tokenize.js";

/**
 * The grammar's postprocessors: nearley calls each with the matched symbols (tokens from
 * TokenStream, or what earlier postprocessors built) and keeps what it returns. Each builds one
 * node of ast.ts with its offsets. nearley types symbols as `any`; here they are `unknown` and
 * each function states what its rule hands it.
 */

type Data = readonly unknown[];

const token = (d: Data, i: number) => d[i] as Token;

export function attribute(d: Data): Attribute {
  const t = token(d, 0);
  return { kind: "attribute", name: t.value, start: t.start, end: t.end };
}

export function string(d: Data): StringLiteral {
  const t = token(d, 0);
  return { kind: "string", value: String(t.decoded ?? ""), start: t.start, end: t.end };
}

export function integer(d: Data): IntegerLiteral {
  const t = token(d, 0);
  return { kind: "integer", value: Number(t.decoded ?? 0), start: t.start, end: t.end };
}

export function boolean(d: Data): BooleanLiteral {
  const t = token(d, 0);
  return { kind: "boolean", value: t.type === "TRUE", start: t.start, end: t.end };
}

/** `[` `]` or `[` items `]`. */
export function list(d: Data): ListLiteral {
  const open = token(d, 0);
  const close = token(d, d.length - 1);
  const items = d.length === 3 ? (d[1] as ScalarLiteral[]) : [];
  return { kind: "list", items, start: open.start, end: close.end };
}

export function firstItem(d: Data): ScalarLiteral[] {
  return [d[0] as ScalarLiteral];
}

/** items `,` scalar */
export function moreItems(d: Data): ScalarLiteral[] {
  return [...(d[0] as ScalarLiteral[]), d[2] as ScalarLiteral];
}

export interface OperatorToken {
  operator: ComparisonOperator;
  start: number;
  end: number;
}

const operators: Partial<Record<string, ComparisonOperator>> = {
  EQ: "==",
  NE: "!=",
  IN: "in",
  STARTS_WITH: "startsWith",
  ENDS_WITH: "endsWith",
  CONTAINS: "contains",
  MATCHES: "matches",
  LT: "<",
  LE: "<=",
  GT: ">",
  GE: ">=",
};

export function operator(d: Data): OperatorToken {
  const t = token(d, 0);
  return { operator: operators[t.type] ?? "==", start: t.start, end: t.end };
}

/** `not` `in` */
export function notIn(d: Data): OperatorToken {
  return { operator: "not in", start: token(d, 0).start, end: token(d, 1).end };
}

/** operand operator operand */
export function comparison(d: Data): Comparison {
  const left = d[0] as Operand;
  const op = d[1] as OperatorToken;
  const right = d[2] as Operand;
  return { kind: "comparison", operator: op.operator, operatorStart: op.start, operatorEnd: op.end, left, right, start: left.start, end: right.end };
}

/** condition (`and` | `or`) condition */
export function binary(d: Data): Binary {
  const left = d[0] as Condition;
  const right = d[2] as Condition;
  return { kind: token(d, 1).type === "AND" ? "and" : "or", left, right, start: left.start, end: right.end };
}

/** `not` condition */
export function not(d: Data): Not {
  const operand = d[1] as Condition;
  return { kind: "not", operand, start: token(d, 0).start, end: operand.end };
}

/** `(` condition `)`: the condition itself, its span widened over the parentheses (the tree has no node for them). */
export function group(d: Data): Condition {
  return { ...(d[1] as Condition), start: token(d, 0).start, end: token(d, 2).end };
}
