import type { Condition, Literal, Operand } from "../compiler/conditions/ast.js";
import type { ConditionAttribute } from "../compiler/conditions/attributes.js";

/** The session as a condition sees it (the attributes of its `started` event). */
export interface ConditionSession {
  channel: string;
  sessionType: string;
  queue: string;
  menuPath?: string | undefined;
  language?: string | undefined;
  phoneNumber?: string | undefined;
  endUser?: string | undefined;
}

/**
 * What the session came to, when it has ended (docs/conditions.md, "Outcome attributes"): only
 * an `expect`'s `always` reads it.
 */
export interface ConditionOutcome {
  decision: string;
  trigger: string;
  reason: string;
  assigned: boolean;
  connected: boolean;
  abandoned: boolean;
  shortAbandoned: boolean;
  consumerMessages: number;
  appendedTo: string;
}

type Value = string | number | boolean | Value[];

/**
 * The reference meaning of an override condition (docs/conditions.md), read straight off the
 * syntax tree; the runtime's compiled evaluator is tested against it.
 *
 * - `a and b`, `a or b`, `not a`: as in logic. A bare operand holds when its value is `true`.
 * - Attributes: the session's; missing menuPath, language, phoneNumber are ""; `anonymous` is
 *   "the session has no end user". Outcome attributes (`decision`, `consumerMessages`, …) are the
 *   outcome's; a condition that reads one is evaluated only with an outcome. (Other names are
 *   refused by the checker, and lowering.)
 * - `==`: same type and same value (lists: same length, equal items in order). `!=`: not `==`.
 * - `x in list`: some item of the list `==` x; false when the right side is no list. `not in`: not `in`.
 * - `startsWith`, `endsWith`, `contains`, `matches`: false unless both sides are strings;
 *   `matches` is a glob over code points: `*` any run (even empty, even `/`), `?` one character.
 * - `<`, `<=`, `>`, `>=`: false unless both sides are integers; then as in arithmetic.
 */
export function referenceCondition(condition: Condition, session: ConditionSession, outcome?: ConditionOutcome): boolean {
  switch (condition.kind) {
    case "and":
      return referenceCondition(condition.left, session, outcome) && referenceCondition(condition.right, session, outcome);
    case "or":
      return referenceCondition(condition.left, session, outcome) || referenceCondition(condition.right, session, outcome);
    case "not":
      return !referenceCondition(condition.operand, session, outcome);
    case "comparison": {
      const left = operandValue(condition.left, session, outcome);
      const right = operandValue(condition.right, session, outcome);
      const integers = typeof left === "number" && typeof right === "number";
      switch (condition.operator) {
        case "==":
          return same(left, right);
        case "!=":
          return !same(left, right);
        case "in":
          return isIn(left, right);
        case "not in":
          return !isIn(left, right);
        case "startsWith":
          return typeof left === "string" && typeof right === "string" && left.slice(0, right.length) === right;
        case "endsWith":
          return typeof left === "string" && typeof right === "string" && right.length <= left.length && left.slice(left.length - right.length) === right;
        case "contains":
          return typeof left === "string" && typeof right === "string" && occursIn(right, left);
        case "matches":
          return typeof left === "string" && typeof right === "string" && referenceGlob(right, left);
        case "<":
          return integers && left < right;
        case "<=":
          return integers && left <= right;
        case ">":
          return integers && left > right;
        case ">=":
          return integers && left >= right;
        default:
          return condition.operator satisfies never;
      }
    }
    default: // a bare operand
      return operandValue(condition as Operand, session, outcome) === true;
  }
}

const outcomeNames: ReadonlySet<string> = new Set([
  "decision",
  "trigger",
  "reason",
  "assigned",
  "connected",
  "abandoned",
  "shortAbandoned",
  "consumerMessages",
  "appendedTo",
]);

function operandValue(operand: Operand, session: ConditionSession, outcome: ConditionOutcome | undefined): Value {
  if (operand.kind === "attribute" && outcomeNames.has(operand.name)) {
    if (outcome === undefined) throw new Error(`referenceCondition: \`${operand.name}\` needs the session's outcome`);
    return outcome[operand.name as keyof ConditionOutcome];
  }
  if (operand.kind !== "attribute") return literal(operand);
  return Object.hasOwn(sessionValues, operand.name) ? sessionValues[operand.name as ConditionAttribute](session) : "";
}

/** Each session attribute's value; an absent optional string reads as "". */
const sessionValues: { readonly [name in ConditionAttribute]: (session: ConditionSession) => Value } = {
  channel: (session) => session.channel,
  sessionType: (session) => session.sessionType,
  queue: (session) => session.queue,
  menuPath: (session) => (session.menuPath === undefined ? "" : session.menuPath),
  language: (session) => (session.language === undefined ? "" : session.language),
  phoneNumber: (session) => (session.phoneNumber === undefined ? "" : session.phoneNumber),
  anonymous: (session) => session.endUser === undefined,
};

function occursIn(needle: string, haystack: string): boolean {
  for (let i = 0; i + needle.length <= haystack.length; i++) if (haystack.slice(i, i + needle.length) === needle) return true;
  return false;
}

function literal(l: Literal): Value {
  if (l.kind === "list") return l.items.map(literal);
  return l.value;
}

function same(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i] ?? ""));
  if (Array.isArray(a) || Array.isArray(b)) return false;
  return typeof a === typeof b && a === b;
}

function isIn(x: Value, list: Value): boolean {
  if (!Array.isArray(list)) return false;
  for (const item of list) if (same(x, item)) return true;
  return false;
}

/** Glob by dynamic programming: matched[i][j] = the first i pattern characters match the first j subject characters. */
export function referenceGlob(pattern: string, subject: string): boolean {
  const p = [...pattern];
  const s = [...subject];
  const matched: boolean[][] = [];
  for (let i = 0; i <= p.length; i++) {
    const row: boolean[] = [];
    for (let j = 0; j <= s.length; j++) {
      if (i === 0) row.push(j === 0);
      else if (p[i - 1] === "*") row.push((matched[i - 1]?.[j] ?? false) || (j > 0 && (row[j - 1] ?? false)));
      else row.push(j > 0 && (p[i - 1] === "?" || p[i - 1] === s[j - 1]) && (matched[i - 1]?.[j - 1] ?? false));
    }
    matched.push(row);
  }
  return matched[p.length]?.[s.length] ?? false;
}
