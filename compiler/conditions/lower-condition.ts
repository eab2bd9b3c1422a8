import type { CompiledCondition, CompiledOperand } from "@crm-policy/runtime/toolchain";
import type { Condition, Operand } from "./ast.js";
import { isKnownAttribute } from "./attributes.js";
import { literalValue } from "./literal-value.js";

/**
 * A condition's syntax tree into the JSON tree the bundle stores (runtime/conditions/
 * compiled-condition.ts): no spans, chains of `and` and of `or` flattened into one node each,
 * a bare boolean (`anonymous`, `true`) as `== true`. Lower only conditions checkCondition
 * accepted: an unknown attribute name is a programming error here and throws. Outcome
 * attributes lower like session ones; only an `expect`'s `always` has them, and those trees
 * stay out of the bundle (verify/ evaluates them).
 */
export function lowerCondition(condition: Condition): CompiledCondition {
  switch (condition.kind) {
    case "and":
    case "or":
      return { op: condition.kind, args: chain(condition, condition.kind).map(lowerCondition) };
    case "not":
      return { op: "not", arg: lowerCondition(condition.operand) };
    case "comparison":
      return { op: condition.operator, left: operand(condition.left), right: operand(condition.right) };
    default:
      return { op: "==", left: operand(condition), right: { value: true } };
  }
}

/** `a and (b and c) and d` is one `and` of four: the nesting does not change the meaning. */
function chain(condition: Condition, kind: "and" | "or"): Condition[] {
  const out: Condition[] = [];
  const pending: Condition[] = [condition];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined) break;
    if (next.kind === kind) pending.push(next.right, next.left);
    else out.push(next);
  }
  return out;
}

function operand(o: Operand): CompiledOperand {
  if (o.kind !== "attribute") return { value: literalValue(o) };
  if (!isKnownAttribute(o.name)) throw new Error(`lowerCondition: unknown attribute \`${o.name}\`; check the condition first`);
  return { attribute: o.name };
}
