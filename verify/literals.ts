import type { Condition, Operand } from "../compiler/conditions/ast.js";
import type { ConditionAttribute } from "../compiler/conditions/attributes.js";
import { isConditionAttribute } from "../compiler/conditions/attributes.js";
import type { ComparisonOperator } from "@crm-policy/runtime/toolchain";

/** Session attributes that hold text a condition can compare with literals. */
export type TextAttribute = Exclude<ConditionAttribute, "anonymous" | "channel">;

/**
 * The values of each session attribute that make the policy's conditions hold: the literals
 * they compare it with, globs written out (`*` as nothing, `?` as `x`). With a value that
 * matches none of them (verify adds one), every comparison can go both ways.
 */
export function literalsOf(conditions: readonly Condition[]): Map<TextAttribute, string[]> {
  const found = new Map<TextAttribute, string[]>();
  const add = (name: TextAttribute, value: string) => {
    const list = found.get(name) ?? [];
    if (!list.includes(value)) list.push(value);
    found.set(name, list);
  };
  const visit = (c: Condition): void => {
    if (c.kind === "and" || c.kind === "or") {
      visit(c.left);
      visit(c.right);
    } else if (c.kind === "not") visit(c.operand);
    else if (c.kind === "comparison") {
      for (const [attribute, literal] of [
        [c.left, c.right],
        [c.right, c.left],
      ] as const) {
        const name = textAttribute(attribute);
        if (name !== undefined) for (const value of instances(c.operator, literal)) add(name, value);
      }
    }
  };
  conditions.forEach(visit);
  return found;
}

function textAttribute(o: Operand): TextAttribute | undefined {
  if (o.kind !== "attribute" || !isConditionAttribute(o.name) || o.name === "anonymous" || o.name === "channel") return undefined;
  return o.name;
}

function instances(operator: ComparisonOperator, literal: Operand): string[] {
  const strings =
    literal.kind === "string" ? [literal.value] : literal.kind === "list" ? literal.items.flatMap((i) => (i.kind === "string" ? [i.value] : [])) : [];
  return operator === "matches" ? strings.map((glob) => glob.replace(/\*/g, "").replace(/\?/g, "x")) : strings;
}
