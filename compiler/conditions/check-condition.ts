import { compareValues } from "@crm-policy/runtime/toolchain";
import { closest, didYouMean } from "../diagnostics/suggest.js";
import type { Catalog } from "../model/catalog.js";
import type { Attribute, Comparison, Condition, Literal, Operand } from "./ast.js";
import {
  attributeAliases,
  attributesOf,
  attributeTypes,
  enumerations,
  isKnownAttribute,
  isOutcomeAttribute,
  type ConditionRole,
  type ScalarType,
} from "./attributes.js";
import { constantProblems } from "./constant-condition.js";
import { literalValue } from "./literal-value.js";
import { parseCondition } from "./parse-condition.js";
import { printCondition, printLiteral } from "./print-condition.js";
import { excerpt, problem, sortProblems, type ConditionProblem } from "./problem.js";

/** A value's type: a scalar, a list of one scalar type (`empty` for `[]`), or unknown after an error. */
type Type = ScalarType | { list: ScalarType | "empty" } | "unknown";

/**
 * Checks a parsed condition against the attributes and the catalog; returns every problem,
 * sorted by position. Errors: unknown attribute, an outcome attribute where the session has
 * only started (`role` `when` or `for`), operands of the wrong type, a comparison that can never
 * hold because the attribute never has that value (`channel == "sms"`). Warnings: a session
 * type missing from the catalog, a condition or part of one that is always true or always false.
 */
export function checkCondition(condition: Condition, catalog: Pick<Catalog, "sessionTypes">, role: ConditionRole = "when"): ConditionProblem[] {
  const checker = new Checker(
    catalog.sessionTypes.map((t) => t.name),
    role,
  );
  checker.condition(condition);
  return sortProblems([...checker.problems, ...constantProblems(condition, checker.flagged, role)]);
}

/** Parse, then check: what a policy check needs. `ast` is present when the text parses. */
export function analyzeCondition(
  text: string,
  catalog: Pick<Catalog, "sessionTypes">,
  role: ConditionRole = "when",
): { ast?: Condition; problems: ConditionProblem[] } {
  const parsed = parseCondition(text);
  if (!parsed.ok) return { problems: parsed.problems };
  return { ast: parsed.ast, problems: checkCondition(parsed.ast, catalog, role) };
}

class Checker {
  readonly problems: ConditionProblem[] = [];
  /** Nodes with an error of their own: the constant analysis leaves them alone. */
  readonly flagged = new Set<Condition>();

  constructor(
    private readonly sessionTypes: readonly string[],
    private readonly role: ConditionRole,
  ) {}

  private report(node: Condition, at: { start: number; end: number }, code: ConditionProblem["code"], message: string, help?: string): void {
    this.problems.push(problem(code, message, at.start, at.end, help));
    if (code !== "condition-unknown-session-type") this.flagged.add(node);
  }

  /** A node in boolean position. */
  condition(node: Condition): void {
    switch (node.kind) {
      case "and":
      case "or":
        this.condition(node.left);
        this.condition(node.right);
        return;
      case "not":
        this.condition(node.operand);
        return;
      case "comparison":
        this.comparison(node);
        return;
      default: {
        const type = this.operandType(node, node);
        if (type === "boolean" || type === "unknown") return;
        const help =
          node.kind !== "attribute"
            ? 'compare it with an attribute, e.g. `queue == "Billing"`'
            : type === "integer"
              ? `compare it, e.g. \`${node.name} >= 1\``
              : `compare it, e.g. \`${node.name} == "..."\``;
        this.report(node, node, "condition-type-mismatch", `${describe(node)} is ${article(type)}, not a condition`, help);
      }
    }
  }

  private comparison(c: Comparison): void {
    const left = this.operandType(c.left, c, c.right);
    const right = this.operandType(c.right, c, c.left);
    // an unknown attribute or a mixed list is reported already, and the comparison flagged
    if (left === "unknown" || right === "unknown") return;
    const mismatch = (at: Operand, message: string, help?: string) => this.report(c, at, "condition-type-mismatch", message, help);
    switch (c.operator) {
      case "==":
      case "!=": {
        const list = typeof left === "object" ? c.left : typeof right === "object" ? c.right : undefined;
        if (list !== undefined) return mismatch(list, `\`${c.operator}\` does not compare lists`, "test whether a value is in a list with `in` or `not in`");
        if (left !== right) {
          const at = isLiteralOperand(c.right) ? c.right : isLiteralOperand(c.left) ? c.left : c.right;
          const other = at === c.right ? c.left : c.right;
          return mismatch(
            at,
            `${describe(at)} is ${article(at === c.right ? right : left)}, but ${describe(other)} is ${article(at === c.right ? left : right)}`,
            sameTypeHelp(other, at === c.right ? left : right),
          );
        }
        break;
      }
      case "in":
      case "not in": {
        if (typeof left === "object")
          return mismatch(
            c.left,
            `\`${c.operator}\` looks for one value in a list, but ${describe(c.left)} is a list`,
            `put a single value on the left of \`${c.operator}\``,
          );
        if (typeof right !== "object") {
          const help =
            left === "string" && right === "string"
              ? `write a list, e.g. \`[${c.right.kind === "string" ? printLiteral(c.right) : '"..."'}]\`, or look for text with \`contains\``
              : 'write a list, e.g. `["a", "b"]`';
          return mismatch(c.right, `\`${c.operator}\` needs a list on its right, but ${describe(c.right)} is ${article(right)}`, help);
        }
        if (right.list !== "empty" && right.list !== left && c.right.kind === "list") {
          const item = c.right.items.find((i) => i.kind !== left) ?? c.right;
          return mismatch(item, `${describe(item)} is ${article(right.list)}, but ${describe(c.left)} is ${article(left)}`, sameTypeHelp(c.left, left));
        }
        break;
      }
      case "<":
      case "<=":
      case ">":
      case ">=": {
        for (const [side, type] of [
          [c.left, left],
          [c.right, right],
        ] as const)
          if (type !== "integer")
            return mismatch(
              side,
              `\`${c.operator}\` compares integers, but ${describe(side)} is ${article(type)}`,
              "order whole numbers only, e.g. `consumerMessages >= 2`",
            );
        return;
      }
      default: {
        for (const [side, type] of [
          [c.left, left],
          [c.right, right],
        ] as const)
          if (type !== "string") return mismatch(side, `\`${c.operator}\` compares strings, but ${describe(side)} is ${article(type)}`, asStringHelp(side));
      }
    }
    this.values(c);
  }

  /**
   * Literals an attribute with known values is compared with: `channel == "sms"` and
   * `decision == "created"` never hold; a session type outside the catalog is worth a warning.
   */
  private values(c: Comparison): void {
    const attribute = c.left.kind === "attribute" ? c.left : c.right.kind === "attribute" ? c.right : undefined;
    const literal = attribute === c.left ? c.right : c.left;
    if (attribute === undefined || literal.kind === "attribute" || !isKnownAttribute(attribute.name)) return;
    const name = attribute.name;
    const enumeration = enumerations[name];
    const known = name === "sessionType" ? this.sessionTypes : enumeration;
    if (known === undefined) return;
    if (c.operator === "==" || c.operator === "!=" || c.operator === "in" || c.operator === "not in") {
      const items = literal.kind === "list" ? literal.items : [literal];
      for (const item of items) {
        if (item.kind !== "string" || known.includes(item.value)) continue;
        const near = closest(
          item.value,
          known.filter((v) => v !== ""),
        );
        const suggestion = near === undefined ? undefined : `did you mean \`${printLiteral({ ...item, value: near })}\`?`;
        if (enumeration !== undefined)
          this.report(
            c,
            item,
            "condition-never-holds",
            `\`${name}\` is never ${excerpt(printLiteral(item))}: it is ${either(known)}`,
            suggestion ?? `compare with ${either(known)}`,
          );
        else
          this.report(
            c,
            item,
            "condition-unknown-session-type",
            `${excerpt(printLiteral(item))} is not a session type in the catalog`,
            suggestion ?? catalogHelp,
          );
      }
      return;
    }
    const value = literalValue(literal);
    const holdsFor = (v: string) => (attribute === c.left ? compareValues(c.operator, v, value) : compareValues(c.operator, value, v));
    if (known.some(holdsFor)) return;
    if (enumeration !== undefined)
      this.report(c, c, "condition-never-holds", `${excerpt(printCondition(c))} never holds: \`${name}\` is ${either(known)}`, `compare with ${either(known)}`);
    else this.report(c, c, "condition-unknown-session-type", `no session type in the catalog satisfies ${excerpt(printCondition(c))}`, catalogHelp);
  }

  /** The operand's type; reports unknown attributes and lists of mixed types. */
  private operandType(operand: Operand, owner: Condition, other?: Operand): Type {
    switch (operand.kind) {
      case "attribute":
        if (isOutcomeAttribute(operand.name) && this.role !== "always") {
          this.report(
            owner,
            operand,
            "condition-outcome-attribute",
            `\`${operand.name}\` is known only when the session ends, not when it starts`,
            outcomeHelp[this.role],
          );
          return "unknown";
        }
        if (isKnownAttribute(operand.name)) return attributeTypes[operand.name];
        this.report(owner, operand, "condition-unknown-attribute", `unknown attribute \`${operand.name}\``, attributeHelp(operand, other, this.role));
        return "unknown";
      case "list": {
        const first = operand.items[0];
        if (first === undefined) return { list: "empty" };
        const odd = operand.items.find((item) => item.kind !== first.kind);
        if (odd === undefined) return { list: first.kind };
        this.report(
          owner,
          odd,
          "condition-type-mismatch",
          `a list holds values of one type: ${describe(odd)} is ${article(odd.kind)}, ${describe(first)} is ${article(first.kind)}`,
          `write every item as ${article(first.kind)}`,
        );
        return "unknown";
      }
      default:
        return operand.kind;
    }
  }
}

const catalogHelp = "check the spelling; if the platform sends this type, add it to catalog/session-types.json";

const outcomeHelp: Record<"when" | "for", string> = {
  when: "an override's `when` sees the session as it starts; outcome attributes belong in an `expect`'s `always`",
  for: "`for` picks sessions as they start; test the outcome in `always`",
};

function attributeHelp(attribute: Attribute, other: Operand | undefined, role: ConditionRole): string {
  const attributes = attributesOf(role);
  const alias = attributeAliases[attribute.name];
  if (alias !== undefined && attributes.includes(alias)) return `use \`${alias}\``;
  const near = didYouMean(attribute.name, attributes);
  if (near !== undefined) return near;
  if (other?.kind === "attribute" && isKnownAttribute(other.name) && attributeTypes[other.name] === "string")
    return `to compare with the text, quote it: \`${printLiteral({ kind: "string", value: attribute.name, start: 0, end: 0 })}\``;
  return `the attributes are ${attributes.map((a) => `\`${a}\``).join(", ")}`;
}

function sameTypeHelp(other: Operand, type: Type): string | undefined {
  if (other.kind === "attribute" && other.name === "anonymous") return "`anonymous` is `true` or `false`: write `anonymous` or `not anonymous`";
  if (type === "string") return `compare ${describe(other)} with a string in double quotes`;
  return undefined;
}

function asStringHelp(operand: Operand): string | undefined {
  if (operand.kind === "attribute") return operand.name === "anonymous" ? "`anonymous` is `true` or `false`: write `anonymous` or `not anonymous`" : undefined;
  if (operand.kind === "list") return undefined;
  return `write it as a string: \`${printLiteral({ kind: "string", value: String(operand.value), start: 0, end: 0 })}\``;
}

function isLiteralOperand(operand: Operand): operand is Literal {
  return operand.kind !== "attribute";
}

function describe(operand: Operand): string {
  return operand.kind === "attribute" ? `\`${operand.name}\`` : excerpt(printLiteral(operand));
}

function article(type: Type): string {
  if (typeof type === "object") return "a list";
  return type === "integer" ? "an integer" : type === "unknown" ? "of unknown type" : `a ${type}`;
}

function either(values: readonly string[]): string {
  const quoted = values.map((v) => `\`"${v}"\``);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} or ${quoted[quoted.length - 1] ?? ""}`;
}
