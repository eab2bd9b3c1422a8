import { evaluateCondition, sessionAttributeReads } from "@crm-policy/runtime/toolchain";
import type { CompiledCondition, CompiledOperand, ConditionAttribute, SessionAttributes } from "@crm-policy/runtime/toolchain";

/** The session attributes a condition reads (`anonymous` reads the end user). */
export function attributesRead(condition: CompiledCondition): Set<string> {
  const out = new Set<string>();
  const operand = (o: CompiledOperand) => {
    if ("attribute" in o) out.add(o.attribute);
  };
  const visit = (c: CompiledCondition): void => {
    if (c.op === "and" || c.op === "or") c.args.forEach(visit);
    else if (c.op === "not") visit(c.arg);
    else {
      operand(c.left);
      operand(c.right);
    }
  };
  visit(condition);
  return out;
}

/** A text attribute of the start that classes are made for. */
export type ClassedAttribute = Exclude<ConditionAttribute, "anonymous" | "channel">;

/**
 * The values of one attribute, one per class of values that no atom tells apart: two values are
 * in one class when every atom that reads this attribute (and nothing else) gives the same
 * answer for both. Such values make the same conditions hold whatever the rest of the start is,
 * so one of them (the first, in the given order) stands for all. When some atom reads this
 * attribute together with another one, values cannot be told apart alone: every value is kept.
 */
export function classRepresentatives<V extends string | undefined>(
  attribute: ClassedAttribute,
  values: readonly V[],
  atoms: readonly CompiledCondition[],
): V[] {
  const distinct = [...new Set(values)];
  const reading = atoms.map((atom) => ({ atom, read: attributesRead(atom) })).filter(({ read }) => read.has(attribute));
  if (reading.some(({ read }) => read.size > 1)) return distinct;
  const seen = new Set<string>();
  const out: V[] = [];
  for (const value of distinct) {
    const start: SessionAttributes = { channel: "", sessionType: "", queue: "" };
    if (value !== undefined) start[sessionAttributeReads[attribute].field] = value;
    const key = reading.map(({ atom }) => (evaluateCondition(atom, start) ? "1" : "0")).join("");
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(value);
  }
  return out;
}
