import { parseCondition } from "../../compiler/conditions/parse-condition.js";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { mergeOverrides } from "../../compiler/model/merge-overrides.js";
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
  const matches = (policy.overrides ?? []).map((override) => holds(override.when, start));
  return resolvePolicy(mergeOverrides(policy, matches), catalog);
}

const catalog = defaultCatalog();
const parsed = new Map<string, ReturnType<typeof parseCondition>>();

function holds(condition: string, start: Started): boolean {
  let result = parsed.get(condition);
  if (result === undefined) parsed.set(condition, (result = parseCondition(condition)));
  if (!result.ok) throw new Error(`override condition does not parse: ${condition}`);
  return referenceCondition(result.ast, start);
}
