import type { CompiledPolicy, PolicyBundle } from "../../schemas/types/bundle.v1.js";
import { comparisonOperators, conditionAttributes } from "../conditions/compiled-condition.js";

/**
 * Deepest condition tree a bundle may hold. The compiler refuses conditions nested past 64
 * parentheses and `not`s, which lower to trees at most about 130 deep.
 */
export const maxConditionDepth = 200;

/** What the compiler refuses in title text (compiler/template/parse-template.ts), and lone surrogates. */
const badText = {
  test(text: string): boolean {
    if (!suspect.test(text)) return false; // the common case: one quick scan
    return control.test(text) || hasLoneSurrogate(text);
  },
};

function hasLoneSurrogate(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return true;
  }
  return false;
}
const suspect = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]/;
const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const attributes: ReadonlySet<string> = new Set(conditionAttributes);
const comparisons: ReadonlySet<string> = new Set(comparisonOperators);

/**
 * What a structurally valid bundle (the schema passed) can still get wrong, so that a bundle
 * that loads never throws or goes silent later: policy names unique; per policy, time zones the
 * runtime's Intl knows, session types unique by name, statuses that make sense together, text
 * that can reach titles and tags free of control characters, and override conditions that are
 * well-formed trees of known operators and attributes, no deeper than maxConditionDepth.
 */
export function semanticProblem(bundle: PolicyBundle): string | undefined {
  const names = new Set<string>();
  for (const policy of bundle.policies) {
    if (names.has(policy.name)) return `two policies are named ${JSON.stringify(policy.name)}`;
    names.add(policy.name);
    const problem = policyProblem(policy);
    if (problem !== undefined) return `policy ${JSON.stringify(policy.name)}: ${problem}`;
  }
  return undefined;
}

function policyProblem(policy: CompiledPolicy): string | undefined {
  const { crm } = policy;
  if (crm.closedStatuses.length === 0) return "crm.closedStatuses is empty";
  if (crm.closedStatuses.includes(crm.reopenStatus)) return `crm.reopenStatus ${JSON.stringify(crm.reopenStatus)} is a closed status`;
  const types = new Set<string>();
  const { sessionTypes } = policy;
  for (let i = 0; i < sessionTypes.length; i++) {
    const type = sessionTypes[i] as CompiledPolicy["sessionTypes"][number];
    if (types.has(type.name)) return `sessionTypes/${i}: a second session type named ${JSON.stringify(type.name)}`;
    types.add(type.name);
    if (badText.test(type.name) || badText.test(type.callType) || type.tags.some((tag) => badText.test(tag))) return `sessionTypes/${i}: ${controlCharacters}`;
  }
  const sections = [
    { at: "", title: policy.title, tags: policy.tags },
    ...policy.overrides.map((o, i) => ({ at: `overrides/${i}/`, title: o.title, tags: o.tags })),
  ];
  for (const { at, title, tags } of sections) {
    if (title.timeZone !== undefined && title.timeZone !== null && !isTimeZone(title.timeZone))
      return `${at}title.timeZone: unknown time zone ${JSON.stringify(title.timeZone)}`;
    for (const [j, segment] of (title.segments ?? []).entries())
      if (typeof segment === "string" && badText.test(segment)) return `${at}title.segments/${j}: ${controlCharacters}`;
    if (typeof tags.platform === "string" && badText.test(tags.platform)) return `${at}tags.platform: ${controlCharacters}`;
  }
  for (const [i, override] of policy.overrides.entries()) {
    const problem = conditionProblem(override.condition, 1);
    if (problem !== undefined) return `overrides/${i}/condition: ${problem}`;
  }
  return undefined;
}

const controlCharacters = "text with a control character, line break or lone surrogate (no title or tag may hold one)";

/** Zones already asked about: building an Intl format costs far more than the rest of a policy's checks. */
const knownZones = new Map<string, boolean>();

function isTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    valid = true;
  } catch {
    valid = false;
  }
  if (knownZones.size < 1_000) knownZones.set(zone, valid);
  return valid;
}

/** Recursion bounded by maxConditionDepth, so no tree can exhaust the stack. */
function conditionProblem(node: unknown, depth: number): string | undefined {
  if (depth > maxConditionDepth) return `nested deeper than ${maxConditionDepth} levels`;
  if (!isPlainObject(node)) return "a node that is not an object";
  const op = node["op"];
  if (op === "and" || op === "or") {
    const args = node["args"];
    if (!hasKeys(node, ["op", "args"]) || !Array.isArray(args)) return `\`${op}\` takes exactly \`args\`, a list of conditions`;
    for (const arg of args) {
      const problem = conditionProblem(arg, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (op === "not") return hasKeys(node, ["op", "arg"]) ? conditionProblem(node["arg"], depth + 1) : "`not` takes exactly `arg`, a condition";
  if (typeof op !== "string" || !comparisons.has(op)) return `unknown operator ${JSON.stringify(op)?.slice(0, 40) ?? "(none)"}`;
  if (!hasKeys(node, ["op", "left", "right"])) return `\`${op}\` takes exactly \`left\` and \`right\``;
  return operandProblem(node["left"]) ?? operandProblem(node["right"]);
}

function operandProblem(operand: unknown): string | undefined {
  if (!isPlainObject(operand)) return "an operand that is not an object";
  if (hasKeys(operand, ["attribute"])) {
    const name = operand["attribute"];
    return typeof name === "string" && attributes.has(name) ? undefined : `unknown attribute ${JSON.stringify(name)?.slice(0, 40) ?? "(none)"}`;
  }
  if (hasKeys(operand, ["value"])) {
    const value = operand["value"];
    if (isScalar(value) || (Array.isArray(value) && value.every(isScalar))) return undefined;
    return "a value that is not a string, a safe integer, a boolean or a list of those";
  }
  return "an operand that is neither {attribute} nor {value}";
}

function isScalar(value: unknown): boolean {
  return typeof value === "string" || typeof value === "boolean" || Number.isSafeInteger(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasKeys(node: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(node);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(node, key));
}
