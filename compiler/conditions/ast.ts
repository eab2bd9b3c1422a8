import type { ComparisonOperator } from "@crm-policy/runtime/toolchain";

export type { ComparisonOperator };

/**
 * The syntax tree of an override condition. Every node carries `start` and `end`, offsets (UTF-16
 * code units) into the condition text; a parenthesised expression's span takes in its
 * parentheses, so a parent's span always covers its children's. Equality of trees ignores spans:
 * see `equalIgnoringSpans`.
 */
export interface Located {
  start: number;
  end: number;
}

export interface StringLiteral extends Located {
  kind: "string";
  value: string;
}

export interface IntegerLiteral extends Located {
  kind: "integer";
  /** A safe integer: the parser refuses larger ones. */
  value: number;
}

export interface BooleanLiteral extends Located {
  kind: "boolean";
  value: boolean;
}

export type ScalarLiteral = StringLiteral | IntegerLiteral | BooleanLiteral;

export interface ListLiteral extends Located {
  kind: "list";
  items: ScalarLiteral[];
}

export type Literal = ScalarLiteral | ListLiteral;

/** Any name: the parser takes every identifier, the checker says which ones exist. */
export interface Attribute extends Located {
  kind: "attribute";
  name: string;
}

export type Operand = Attribute | Literal;

export interface Comparison extends Located {
  kind: "comparison";
  operator: ComparisonOperator;
  /** Where the operator is written (`not in` spans both words). */
  operatorStart: number;
  operatorEnd: number;
  left: Operand;
  right: Operand;
}

export interface Not extends Located {
  kind: "not";
  operand: Condition;
}

/** `and` and `or` are binary and left-associative, as written: `a and b and c` is `(a and b) and c`. */
export interface Binary extends Located {
  kind: "and" | "or";
  left: Condition;
  right: Condition;
}

/** A bare operand stands for "is true": `anonymous`, `not anonymous`, `true`. */
export type Condition = Binary | Not | Comparison | Operand;

/** Same tree, wherever it was written. */
export function equalIgnoringSpans(a: Condition, b: Condition): boolean {
  switch (a.kind) {
    case "and":
    case "or":
      return b.kind === a.kind && equalIgnoringSpans(a.left, b.left) && equalIgnoringSpans(a.right, b.right);
    case "not":
      return b.kind === "not" && equalIgnoringSpans(a.operand, b.operand);
    case "comparison":
      return b.kind === "comparison" && a.operator === b.operator && equalIgnoringSpans(a.left, b.left) && equalIgnoringSpans(a.right, b.right);
    case "attribute":
      return b.kind === "attribute" && a.name === b.name;
    case "list":
      return (
        b.kind === "list" &&
        a.items.length === b.items.length &&
        a.items.every((item, i) => {
          const other = b.items[i];
          return other !== undefined && equalIgnoringSpans(item, other);
        })
      );
    case "string":
    case "integer":
    case "boolean":
      return b.kind === a.kind && Object.is(a.value, b.value);
  }
}

export function isLiteral(node: Condition): node is Literal {
  return node.kind === "string" || node.kind === "integer" || node.kind === "boolean" || node.kind === "list";
}
