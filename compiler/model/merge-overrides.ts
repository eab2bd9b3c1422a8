import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";

/**
 * The policy as it applies to one session: each override whose condition held (`matches[i]`),
 * in file order, deep-merged over the base, later ones winning (README, "Overrides"). The
 * runtime does the same on the compiled form; this is the plain reading of the source.
 */
export function mergeOverrides(policy: RecordCreationPolicy, matches: readonly boolean[]): RecordCreationPolicy {
  let merged: unknown = policy;
  (policy.overrides ?? []).forEach((override, i) => {
    if (!matches[i]) return;
    const { when: _when, ...settings } = override;
    merged = deepMerge(merged, settings);
  });
  return merged as RecordCreationPolicy;
}

/** Objects merge key by key; anything else (a value, a list) is replaced. */
function deepMerge(base: unknown, over: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = key in base ? deepMerge(base[key], value) : value;
  return out;
}
