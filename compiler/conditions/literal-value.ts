import type { CompiledValue } from "@crm-policy/runtime/toolchain";
import type { Literal } from "./ast.js";

/** A literal's value, as the bundle stores it. */
export function literalValue(literal: Literal): CompiledValue {
  return literal.kind === "list" ? literal.items.map(literalValue) : literal.value;
}
