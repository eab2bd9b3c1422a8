/**
 * An override condition as the bundle stores it: a plain JSON tree with no source positions,
 * made by compiler/conditions/lower-condition.ts and run by ./evaluate.ts. The runtime never
 * parses condition text. docs/conditions.md gives the meaning of every node.
 */

import { sessionAttributeReads, type ConditionAttribute } from "./session-attributes.generated.js";

export type { ConditionAttribute };

/** The session attributes a condition can read: what the session's `started` event says (catalog/condition-attributes.json). */
export const conditionAttributes = Object.keys(sessionAttributeReads) as readonly ConditionAttribute[];

/**
 * What a session came to, known once it has ended: only an `expect`'s `always` reads these
 * (`crm-policy verify`). Override conditions never do, so the runtime never has them.
 */
export const outcomeAttributes = [
  "decision",
  "trigger",
  "reason",
  "assigned",
  "connected",
  "abandoned",
  "shortAbandoned",
  "consumerMessages",
  "appendedTo",
] as const;

export type OutcomeAttribute = (typeof outcomeAttributes)[number];

/**
 * `==` and `!=` compare any two values; `in` looks in a list; `<` `<=` `>` `>=` order two
 * integers; the rest take two strings.
 */
export const comparisonOperators = ["==", "!=", "in", "not in", "startsWith", "endsWith", "contains", "matches", "<", "<=", ">", ">="] as const;

export type ComparisonOperator = (typeof comparisonOperators)[number];

/** A literal: a string, a (safe) integer, a boolean, or a list of those. */
export type CompiledValue = string | number | boolean | CompiledValue[];

export type CompiledOperand = { attribute: ConditionAttribute | OutcomeAttribute } | { value: CompiledValue };

export interface CompiledComparison {
  op: ComparisonOperator;
  left: CompiledOperand;
  right: CompiledOperand;
}

/**
 * `and` holds when every argument does (so `and` of none holds), `or` when one does (so `or` of
 * none does not). A bare boolean in the source (`anonymous`, `true`) is lowered to `== true`.
 */
export type CompiledCondition =
  | { op: "and"; args: CompiledCondition[] }
  | { op: "or"; args: CompiledCondition[] }
  | { op: "not"; arg: CompiledCondition }
  | CompiledComparison;
