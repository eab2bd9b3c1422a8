import type { CompiledValue } from "@crm-policy/runtime/toolchain";
import { compareValues } from "@crm-policy/runtime/toolchain";
import type { Comparison, Condition, Literal } from "./ast.js";
import { attributeTypes, domainOf, isKnownAttribute, type ConditionRole, type KnownAttribute } from "./attributes.js";
import { literalValue } from "./literal-value.js";
import { printCondition } from "./print-condition.js";
import { excerpt, problem, type ConditionProblem } from "./problem.js";

/** A part of a condition whose value is the same for every session, and why. */
interface Fact {
  value: boolean;
  reason: string;
}

/**
 * `condition-constant` warnings: the condition, or the largest parts of it, that hold for every
 * session or for none. Found by folding literals, by attributes with few values (`channel`,
 * `anonymous`), by comparisons every string passes (`startsWith ""`, `matches "*"`), and by
 * comparisons on one attribute that contradict each other within an `and` (`queue == "a" and
 * queue == "b"`) or cover every value within an `or`. Nodes in `skip` already have an error.
 * `role` words the message about the whole condition: what it means for an override or an
 * expectation that it is constant.
 */
export function constantProblems(condition: Condition, skip: ReadonlySet<Condition>, role: ConditionRole = "when"): ConditionProblem[] {
  const facts = new Map<Condition, Fact | undefined>();
  const fact = (node: Condition): Fact | undefined => {
    if (!facts.has(node)) facts.set(node, skip.has(node) ? undefined : constant(node, fact, skip));
    return facts.get(node);
  };
  const problems: ConditionProblem[] = [];
  const visit = (node: Condition, root: boolean) => {
    const f = fact(node);
    if (f !== undefined) {
      const which = f.value ? "true" : "false";
      const message = root ? `the condition is always ${which}: ${consequence[role][f.value ? 1 : 0]}` : `${excerpt(printCondition(node))} is always ${which}`;
      problems.push(problem("condition-constant", message, node.start, node.end, f.reason));
    } else if (node.kind === "and" || node.kind === "or") {
      // a chain is not constant, so no part of it is for the chain's reasons: look at its members
      for (const member of flatten(node, node.kind)) visit(member, false);
    } else if (node.kind === "not") visit(node.operand, false);
  };
  visit(condition, true);
  return problems;
}

/** What a condition that is always false, or always true, means where it is written. */
const consequence: Record<ConditionRole, readonly [string, string]> = {
  when: ["the override never applies", "the override applies to every session"],
  for: ["the expectation covers no session", "the expectation covers every session"],
  always: ["the expectation fails for every session it covers", "the expectation holds whatever the policy does"],
};

function constant(node: Condition, fact: (node: Condition) => Fact | undefined, skip: ReadonlySet<Condition>): Fact | undefined {
  switch (node.kind) {
    case "boolean":
      return { value: node.value, reason: `\`${node.value}\` is a fixed value` };
    case "not": {
      const inner = fact(node.operand);
      return inner === undefined ? undefined : { value: !inner.value, reason: inner.reason };
    }
    case "comparison":
      return comparison(node);
    case "and":
    case "or": {
      const isAnd = node.kind === "and";
      const members = flatten(node, node.kind);
      const known = members.map(fact);
      const decisive = known.find((f) => f?.value === !isAnd);
      if (decisive !== undefined) return decisive;
      if (known.every((f) => f !== undefined)) return { value: isAnd, reason: isAnd ? "every part always holds" : "no part ever holds" };
      const clash = clashing(members, !isAnd, skip);
      if (clash === undefined) return undefined;
      const texts = clash.map((m) => excerpt(printCondition(m)));
      return isAnd
        ? { value: false, reason: `${listing(texts, "and")} cannot ${texts.length === 2 ? "both" : "all"} hold` }
        : { value: true, reason: `one of ${listing(texts, "and")} always holds` };
    }
    default:
      return undefined;
  }
}

function listing(texts: readonly string[], conjunction: string): string {
  return `${texts.slice(0, -1).join(", ")} ${conjunction} ${texts[texts.length - 1] ?? ""}`;
}

/** The members of a chain of one operator, left to right, whatever the parentheses. */
function flatten(node: Condition, kind: "and" | "or"): Condition[] {
  const members: Condition[] = [];
  const pending: Condition[] = [node];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === undefined) break;
    if (next.kind === kind) pending.push(next.right, next.left);
    else members.push(next);
  }
  return members;
}

function comparison(c: Comparison): Fact | undefined {
  const { left, right, operator } = c;
  if (left.kind !== "attribute" && right.kind !== "attribute")
    return { value: compareValues(operator, literalValue(left), literalValue(right)), reason: "both sides are fixed values" };
  if (left.kind === "attribute" && right.kind === "attribute") {
    if (left.name !== right.name) return undefined;
    if (operator === "==" || operator === "startsWith" || operator === "endsWith" || operator === "contains")
      return { value: true, reason: `\`${left.name}\` is compared with itself` };
    if (operator === "!=") return { value: false, reason: `\`${left.name}\` is compared with itself` };
    return undefined;
  }
  const attribute = left.kind === "attribute" ? left : right.kind === "attribute" ? right : undefined;
  const literal = left.kind === "attribute" ? right : left;
  if (attribute === undefined || literal.kind === "attribute" || !isKnownAttribute(attribute.name)) return undefined;
  if (attribute === left) {
    if (literal.kind === "list" && literal.items.length === 0 && (operator === "in" || operator === "not in"))
      return { value: operator === "not in", reason: "the list is empty" };
    if (literal.kind === "string" && literal.value === "" && (operator === "startsWith" || operator === "endsWith" || operator === "contains"))
      return { value: true, reason: `every string ${operator === "contains" ? "contains" : operator === "startsWith" ? "starts with" : "ends with"} \`""\`` };
    if (literal.kind === "string" && operator === "matches" && /^\*+$/.test(literal.value))
      return { value: true, reason: `the pattern ${excerpt(JSON.stringify(literal.value))} matches every string` };
  }
  if (attribute.name === "consumerMessages" && literal.kind === "integer") return count(c, attribute === left, literal.value);
  const domain = domainOf(attribute.name);
  if (domain === undefined) return undefined;
  const value = literalValue(literal);
  const results = domain.map((v) => (attribute === left ? compareValues(operator, v, value) : compareValues(operator, value, v)));
  if (!results.every((r) => r === results[0])) return undefined;
  return { value: results[0] ?? false, reason: `\`${attribute.name}\` is always ${domain.map((v) => `\`${JSON.stringify(v)}\``).join(" or ")}` };
}

/**
 * `consumerMessages` against an integer: a count is never negative. Along 0, 1, 2, … every
 * operator's answer changes only at the literal v (`==` and `!=` also right after it), so the
 * answers at 0, |v| and |v| + 1 show whether it ever changes.
 */
function count(c: Comparison, attributeLeft: boolean, v: number): Fact | undefined {
  const at = (x: number) => (attributeLeft ? compareValues(c.operator, x, v) : compareValues(c.operator, v, x));
  const results = [0, Math.abs(v), Math.abs(v) + 1].map(at);
  if (!results.every((r) => r === results[0])) return undefined;
  return { value: results[0] ?? false, reason: "`consumerMessages` is a count: 0 or more" };
}

/** One comparison of an attribute with literal values, as a test on the attribute's value. */
interface Atom {
  node: Condition;
  attribute: KnownAttribute;
  test: (value: CompiledValue) => boolean;
  /** The values it allows, when it allows only listed ones (`==`, `in`). */
  only?: readonly CompiledValue[];
}

/**
 * Members of an `and` (negated: of an `or`) that test one attribute and that no value of it
 * passes together: the `and` is then always false (the `or` always true).
 */
function clashing(members: readonly Condition[], negated: boolean, skip: ReadonlySet<Condition>): Condition[] | undefined {
  const byAttribute = new Map<KnownAttribute, Atom[]>();
  for (const member of members) {
    const a = atom(member, negated, skip);
    if (a === undefined) continue;
    const atoms = byAttribute.get(a.attribute);
    if (atoms === undefined) byAttribute.set(a.attribute, [a]);
    else atoms.push(a);
  }
  for (const [attribute, atoms] of byAttribute) {
    if (atoms.length < 2) continue;
    const limited = atoms.filter((a) => a.only !== undefined);
    const candidates =
      domainOf(attribute) ??
      (limited.length === 0 ? undefined : limited.map((a) => a.only ?? []).reduce((common, only) => common.filter((v) => only.includes(v))));
    if (candidates !== undefined && !candidates.some((v) => atoms.every((a) => a.test(v)))) return atoms.map((a) => a.node);
  }
  return undefined;
}

function atom(node: Condition, negated: boolean, skip: ReadonlySet<Condition>, member: Condition = node): Atom | undefined {
  if (skip.has(node)) return undefined;
  if (node.kind === "not") return atom(node.operand, !negated, skip, member);
  if (node.kind === "attribute") {
    if (!isKnownAttribute(node.name) || attributeTypes[node.name] !== "boolean") return undefined;
    return { node: member, attribute: node.name, test: (v) => (v === true) !== negated };
  }
  if (node.kind !== "comparison") return undefined;
  const { left, right, operator } = node;
  const attribute =
    left.kind === "attribute" && right.kind !== "attribute" ? left : right.kind === "attribute" && left.kind !== "attribute" ? right : undefined;
  if (attribute === undefined || !isKnownAttribute(attribute.name)) return undefined;
  const literal = (attribute === left ? right : left) as Literal;
  const value = literalValue(literal);
  const holds = (v: CompiledValue) => (attribute === left ? compareValues(operator, v, value) : compareValues(operator, value, v));
  const positive = negated ? (operator === "!=" ? "==" : operator === "not in" ? "in" : undefined) : operator;
  const only = positive === "==" ? [value] : positive === "in" && attribute === left && Array.isArray(value) ? value : undefined;
  return { node: member, attribute: attribute.name, test: negated ? (v) => !holds(v) : holds, ...(only === undefined ? {} : { only }) };
}
