import { parseCondition } from "../../compiler/conditions/parse-condition.js";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { resolvePolicy, type ResolvedPolicy } from "../../compiler/model/resolved-policy.js";
import { referenceCondition } from "../../reference/conditions.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import type { Started } from "../../schemas/types/session-event.v1.js";

/**
 * The settings one session runs under (README, "Overrides and their conditions"): every
 * override whose condition holds on the session's `started` attributes, in file order,
 * deep-merged over the base policy, then every default filled in.
 *
 * Conditions are evaluated by the reference's reading of docs/conditions.md: the invariant
 * suite is about record decisions, not about conditions (test/conditions covers those).
 */
export function sessionPolicy(policy: RecordCreationPolicy, start: Started): ResolvedPolicy {
  let merged: unknown = policy;
  for (const override of policy.overrides ?? []) {
    if (!holds(override.when, start)) continue;
    const { when: _when, ...settings } = override;
    merged = deepMerge(merged, settings);
  }
  return resolvePolicy(merged as RecordCreationPolicy, catalog);
}

const catalog = defaultCatalog();
const parsed = new Map<string, ReturnType<typeof parseCondition>>();

function holds(condition: string, start: Started): boolean {
  let result = parsed.get(condition);
  if (result === undefined) parsed.set(condition, (result = parseCondition(condition)));
  if (!result.ok) throw new Error(`override condition does not parse: ${condition}`);
  return referenceCondition(result.ast, start);
}

/** Objects merge key by key; a value or a list replaces what was there. */
function deepMerge(base: unknown, over: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = deepMerge(base[key], value);
  return out;
}
