import { evaluateCondition, type SessionAttributes } from "../../runtime/conditions/evaluate.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { resolvePolicy, type ResolvedPolicy } from "../model/resolved-policy.js";
import type { PolicyUnderTest } from "./policy-under-test.js";

/**
 * The settings a session runs under, worked out from the policy as written: every override
 * whose condition holds at the start, in file order, deep-merged over the base (README,
 * "Overrides"), then resolved with the defaults. The invariants read these, not the runtime's
 * own merge, so a wrong merge in the runtime shows as a broken invariant.
 */
export class SessionSettings {
  private readonly cache = new Map<string, ResolvedPolicy>();

  constructor(private readonly policy: PolicyUnderTest) {}

  for(start: SessionAttributes): ResolvedPolicy {
    const matches = this.policy.overrides.map((o) => evaluateCondition(o.compiled, start));
    const key = matches.map((m) => (m ? "1" : "0")).join("");
    let resolved = this.cache.get(key);
    if (resolved === undefined) {
      let merged: unknown = this.policy.source;
      (this.policy.source.overrides ?? []).forEach((override, i) => {
        if (!matches[i]) return;
        const { when: _when, ...settings } = override;
        merged = deepMerge(merged, settings);
      });
      resolved = resolvePolicy(merged as RecordCreationPolicy, this.policy.catalog);
      this.cache.set(key, resolved);
    }
    return resolved;
  }

  /** Every distinct set of settings among these starts. */
  variants(starts: readonly SessionAttributes[]): ResolvedPolicy[] {
    return [...new Set(starts.map((s) => this.for(s)))];
  }
}

/** Objects merge key by key; anything else (a value, a list) is replaced. */
function deepMerge(base: unknown, over: unknown): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(base) || !isObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = key in base ? deepMerge(base[key], value) : value;
  return out;
}
