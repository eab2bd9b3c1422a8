import type { RecordCreationPolicy } from "../schemas/types/policy.v1.js";

type Section = Record<string, unknown>;

function isSection(value: unknown): value is Section {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `over` written onto `base`: sections (mappings) key by key, all else (values, lists) replaced. */
function writeOnto(base: Section, over: Section): Section {
  const result: Section = structuredClone(base);
  for (const key of Object.keys(over)) {
    const mine = result[key];
    const theirs = over[key];
    result[key] = isSection(mine) && isSection(theirs) ? writeOnto(mine, theirs) : structuredClone(theirs);
  }
  return result;
}

/**
 * The policy document as it applies to one session (README, "Overrides"): every override whose
 * condition held, in file order, written over the base settings, later ones winning.
 */
export function referenceMerge(policy: RecordCreationPolicy, matched: readonly boolean[]): RecordCreationPolicy {
  let result: Section = { ...policy };
  const overrides = policy.overrides ?? [];
  for (let i = 0; i < overrides.length; i++) {
    if (matched[i] !== true) continue;
    const { when: _condition, ...settings } = overrides[i] as Section;
    result = writeOnto(result, settings);
  }
  return result as unknown as RecordCreationPolicy;
}
