import type { CompiledCondition, CompiledOperand, CompiledValue, OutcomeAttribute } from "./compiled-condition.js";
import { globMatch } from "./glob.js";
import { sessionAttributeReads, type ConditionAttribute, type SessionAttributes } from "./session-attributes.generated.js";

export type { SessionAttributes };

/**
 * What a session came to (docs/conditions.md, "Outcome attributes"): read only by an `expect`'s
 * `always`, which `crm-policy verify` evaluates when a session ends. The runtime never passes it.
 */
export interface OutcomeValues extends Readonly<Record<OutcomeAttribute, string | number | boolean>> {
  readonly decision: string;
  readonly trigger: string;
  readonly reason: string;
  readonly assigned: boolean;
  readonly connected: boolean;
  readonly abandoned: boolean;
  readonly shortAbandoned: boolean;
  readonly consumerMessages: number;
  readonly appendedTo: string;
}

/** Deeper trees than the compiler ever writes (it refuses nesting past 64) are not evaluated. */
const maxDepth = 1000;

/**
 * Whether a compiled condition holds for a session. Total: every tree gives true or false and
 * nothing throws. Absent optional attributes read as "", `anonymous` is "no end user"; ill-typed
 * comparisons (which the compiler rejects) are false, and so are nodes this version does not
 * know (a hand-made or damaged tree). Outcome attributes read `outcome`; without it (as in the
 * runtime) a comparison with one is false, like one with an unknown attribute.
 */
export function evaluateCondition(condition: CompiledCondition, session: SessionAttributes, outcome?: OutcomeValues): boolean {
  return holds(condition, session, outcome, 0);
}

function holds(condition: CompiledCondition, session: SessionAttributes, outcome: OutcomeValues | undefined, depth: number): boolean {
  if (depth > maxDepth || typeof condition !== "object" || condition === null) return false;
  switch (condition.op) {
    case "and":
      return Array.isArray(condition.args) && condition.args.every((c) => holds(c, session, outcome, depth + 1));
    case "or":
      return Array.isArray(condition.args) && condition.args.some((c) => holds(c, session, outcome, depth + 1));
    case "not":
      return !holds(condition.arg, session, outcome, depth + 1);
    case "==":
    case "!=":
    case "in":
    case "not in":
    case "startsWith":
    case "endsWith":
    case "contains":
    case "matches":
    case "<":
    case "<=":
    case ">":
    case ">=": {
      const left = operand(condition.left, session, outcome);
      const right = operand(condition.right, session, outcome);
      return left !== undefined && right !== undefined && compareValues(condition.op, left, right);
    }
    default:
      return false;
  }
}

/** What each session attribute reads (catalog/condition-attributes.json), by name: a Map, so no name a bundle makes up reaches a prototype. */
const sessionReads = new Map(Object.entries(sessionAttributeReads).map(([name, { field, reads }]) => [name, { field, absence: reads === "absence" }]));

function operand(o: CompiledOperand, session: SessionAttributes, outcome: OutcomeValues | undefined): CompiledValue | undefined {
  if (typeof o !== "object" || o === null) return undefined;
  if ("attribute" in o) {
    const read = sessionReads.get(o.attribute);
    if (read !== undefined) {
      const value = session[read.field];
      return read.absence ? value === undefined : (value ?? "");
    }
    switch (o.attribute) {
      case "decision":
      case "trigger":
      case "reason":
      case "assigned":
      case "connected":
      case "abandoned":
      case "shortAbandoned":
      case "consumerMessages":
      case "appendedTo":
        return outcome?.[o.attribute];
      default:
        o.attribute satisfies ConditionAttribute; // read above; a bundle from elsewhere may name anything: unknown reads as absent
        return undefined;
    }
  }
  return "value" in o ? o.value : undefined;
}

/** One comparison of two values; the compiler's checker uses it too, to spot constant conditions. */
export function compareValues(op: CompiledCondition["op"], left: CompiledValue, right: CompiledValue): boolean {
  switch (op) {
    case "==":
      return equal(left, right);
    case "!=":
      return !equal(left, right);
    case "in":
      return Array.isArray(right) && right.some((item) => equal(left, item));
    case "not in":
      return !(Array.isArray(right) && right.some((item) => equal(left, item)));
    case "startsWith":
      return typeof left === "string" && typeof right === "string" && left.startsWith(right);
    case "endsWith":
      return typeof left === "string" && typeof right === "string" && left.endsWith(right);
    case "contains":
      return typeof left === "string" && typeof right === "string" && left.includes(right);
    case "matches":
      return typeof left === "string" && typeof right === "string" && globMatch(right, left);
    case "<":
      return typeof left === "number" && typeof right === "number" && left < right;
    case "<=":
      return typeof left === "number" && typeof right === "number" && left <= right;
    case ">":
      return typeof left === "number" && typeof right === "number" && left > right;
    case ">=":
      return typeof left === "number" && typeof right === "number" && left >= right;
    default:
      return false;
  }
}

function equal(a: CompiledValue, b: CompiledValue, depth = 0): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length || depth > maxDepth) return false;
    return a.every((item, i) => {
      const other = b[i];
      return other !== undefined && equal(item, other, depth + 1);
    });
  }
  return a === b;
}
