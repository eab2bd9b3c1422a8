import type { Condition, Literal } from "./ast.js";

/**
 * The canonical text of a condition: single spaces, no redundant parentheses, strings with the
 * fewest escapes. `printCondition(parse(x))` is the canonical form of `x`, and parsing a printed
 * tree gives that tree back (property tests), so parentheses appear exactly where the tree's
 * shape needs them: around an `or` inside an `and` or a `not`, and around a right operand of
 * `and`/`or` that is itself the same operator (they associate to the left).
 */
export function printCondition(condition: Condition): string {
  switch (condition.kind) {
    case "or":
      return `${printCondition(condition.left)} or ${wrapIf(condition.right, condition.right.kind === "or")}`;
    case "and":
      return `${wrapIf(condition.left, condition.left.kind === "or")} and ${wrapIf(condition.right, condition.right.kind === "or" || condition.right.kind === "and")}`;
    case "not":
      return `not ${wrapIf(condition.operand, condition.operand.kind === "or" || condition.operand.kind === "and")}`;
    case "comparison":
      return `${printCondition(condition.left)} ${condition.operator} ${printCondition(condition.right)}`;
    case "attribute":
      return condition.name;
    default:
      return printLiteral(condition);
  }
}

function wrapIf(condition: Condition, parenthesise: boolean): string {
  return parenthesise ? `(${printCondition(condition)})` : printCondition(condition);
}

export function printLiteral(literal: Literal): string {
  switch (literal.kind) {
    case "string":
      return printString(literal.value);
    case "integer":
      return String(literal.value);
    case "boolean":
      return String(literal.value);
    case "list":
      return `[${literal.items.map(printLiteral).join(", ")}]`;
  }
}

/** `"` and `\` escaped, `\n` and `\t` as such, other control characters and lone surrogates as `\uXXXX`. */
export function printString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value[i] ?? "";
    const code = c.charCodeAt(0);
    if (c === '"' || c === "\\") out += "\\" + c;
    else if (c === "\n") out += "\\n";
    else if (c === "\t") out += "\\t";
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || loneSurrogate(value, i))
      out += "\\u" + code.toString(16).padStart(4, "0");
    else out += c;
  }
  return out + '"';
}

function loneSurrogate(value: string, i: number): boolean {
  const code = value.charCodeAt(i);
  if (code >= 0xd800 && code <= 0xdbff) {
    const next = value.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code >= 0xdc00 && code <= 0xdfff) {
    const previous = value.charCodeAt(i - 1);
    return !(previous >= 0xd800 && previous <= 0xdbff);
  }
  return false;
}
