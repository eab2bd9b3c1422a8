import { evaluateCondition, type SessionAttributes } from "@crm-policy/runtime/toolchain";
import { mergeOverrides } from "../compiler/model/merge-overrides.js";
import { resolvePolicy, type ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { PolicyUnderTest } from "./policy-under-test.js";

/**
 * The settings a session runs under, worked out from the policy as written: every override
 * whose condition holds at the start, in file order, deep-merged over the base (README,
 * "Overrides"), then resolved with the defaults. The invariants read these, not the runtime's
 * own merge, so a wrong merge in the runtime shows as a broken invariant.
 */
export class SessionSettings {
  private readonly cache = new Map<string, ResolvedPolicy>();
  /** The same start is read again by each delivery of its trace. */
  private readonly byStart = new WeakMap<SessionAttributes, ResolvedPolicy>();

  constructor(private readonly policy: PolicyUnderTest) {}

  for(start: SessionAttributes): ResolvedPolicy {
    const known = this.byStart.get(start);
    if (known !== undefined) return known;
    const resolved = this.resolve(start);
    this.byStart.set(start, resolved);
    return resolved;
  }

  private resolve(start: SessionAttributes): ResolvedPolicy {
    const matches = this.policy.overrides.map((o) => evaluateCondition(o.compiled, start));
    const key = matches.map((m) => (m ? "1" : "0")).join("");
    let resolved = this.cache.get(key);
    if (resolved === undefined) {
      resolved = resolvePolicy(mergeOverrides(this.policy.source, matches), this.policy.catalog);
      this.cache.set(key, resolved);
    }
    return resolved;
  }

  /** Every distinct set of settings among these starts. */
  variants(starts: readonly SessionAttributes[]): ResolvedPolicy[] {
    return [...new Set(starts.map((s) => this.for(s)))];
  }
}
