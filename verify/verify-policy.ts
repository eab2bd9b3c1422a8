import fc from "fast-check";
import type { Decision } from "../schemas/types/decision.v1.js";
import { alphabetOf, defaultStartLimit } from "./alphabet.js";
import { enumeratedEvents, enumerateTraces, enumerationSize, fewestTracesPerStart } from "./enumerate.js";
import { expectProperty } from "./expect-properties.js";
import { applicableInvariants, invariants } from "./invariants/index.js";
import type { PolicyUnderTest } from "./policy-under-test.js";
import { invariantProperty, type Property, type Violation } from "./property.js";
import { accepted, replay, Replayer, type Run } from "./replay.js";
import { maxSessions, traceArbitrary } from "./sample.js";
import { SessionSettings } from "./session-settings.js";
import type { Trace } from "./trace.js";

export interface VerifyOptions {
  /** Sampled traces of several sessions per policy. */
  runs: number;
  seed: number;
  /** Enumerate one-session traces when there are at most this many. */
  maxEnumerated: number;
}

export const defaultOptions: VerifyOptions = { runs: 1000, seed: 42, maxEnumerated: 250_000 };

/** A trace that breaks a property, as the runtime decided it. */
export interface Counterexample {
  trace: Trace;
  violation: Violation;
  decisions: Decision[];
  foundBy: "enumeration" | "sampling";
}

export interface PropertyResult {
  property: Property;
  counterexample?: Counterexample;
}

export interface PolicyVerification {
  policy: PolicyUnderTest;
  /**
   * One-session traces: all of them up to `events` events each, or only counted when there are
   * too many (`atLeast`: too many classes of starts to count them; `traces` is a lower bound).
   */
  enumeration: { traces: number; atLeast: boolean; events: number; done: boolean; limit: number };
  sampling: { runs: number; seed: number; sessions: number };
  results: PropertyResult[];
}

/**
 * Checks every invariant that applies to the policy's settings, and each of its `expect`
 * entries, on the runtime: first on every trace of one session up to a bound (when there are
 * few enough), then on sampled traces of several interleaved sessions, shrunk on failure.
 */
export function verifyPolicy(policy: PolicyUnderTest, options: VerifyOptions = defaultOptions): PolicyVerification {
  const settings = new SessionSettings(policy);
  // more classes of starts than this make more traces than the limit: they are not combined
  const alphabet = alphabetOf(policy, settings, Math.max(defaultStartLimit, Math.ceil(options.maxEnumerated / fewestTracesPerStart())));
  // without every start, some combination of overrides may be missing: every invariant is
  // checked then (each holds trivially for sessions whose settings it does not speak about)
  const applicable = alphabet.complete ? applicableInvariants(alphabet.variants) : [...invariants];
  const properties = [...applicable.map(invariantProperty), ...policy.expectations.map(expectProperty)];
  const found = new Map<string, Counterexample>();
  const replayer = new Replayer(policy, settings);
  const run = (trace: Trace) => replayer.run(trace);
  const fresh = (trace: Trace) => replay(policy, settings, trace);

  const size = alphabet.complete ? enumerationSize(alphabet, settings) : alphabet.starts * fewestTracesPerStart();
  const enumeration = {
    traces: size,
    atLeast: !alphabet.complete,
    events: enumeratedEvents(alphabet),
    done: alphabet.complete && size <= options.maxEnumerated,
    limit: options.maxEnumerated,
  };
  if (enumeration.done) {
    for (const trace of enumerateTraces(alphabet, settings)) {
      const result = run(trace);
      for (const property of properties) {
        if (found.has(property.id)) continue;
        const violation = property.check(result);
        if (violation !== undefined) found.set(property.id, counterexample(property, result, fresh, "enumeration"));
      }
    }
  }

  const arbitrary = traceArbitrary(policy, alphabet);
  let remaining = properties.filter((p) => !found.has(p.id));
  while (remaining.length > 0) {
    const all = remaining;
    const details = fc.check(
      fc.property(arbitrary, (trace) => {
        const result = run(trace);
        return all.every((p) => p.check(result) === undefined);
      }),
      { numRuns: options.runs, seed: options.seed },
    );
    const [failing] = (details.counterexample ?? []) as [Trace?];
    if (!details.failed || failing === undefined) break;
    const first = run(failing);
    const broken = all.filter((p) => p.check(first) !== undefined);
    // nothing to blame: the check itself threw, which is verify's bug, not the policy's
    if (broken.length === 0) throw new Error(`verify: sampling failed without a broken property: ${String(details.errorInstance)}`);
    for (const property of broken) {
      // the same seed meets the same traces: shrink for this property alone
      const alone = fc.check(
        fc.property(arbitrary, (trace) => property.check(run(trace)) === undefined),
        { numRuns: options.runs, seed: options.seed },
      );
      const [shrunk] = (alone.counterexample ?? []) as [Trace?];
      const result = run(shrunk ?? failing);
      found.set(property.id, counterexample(property, property.check(result) === undefined ? first : result, fresh, "sampling"));
    }
    remaining = remaining.filter((p) => !found.has(p.id));
  }

  return {
    policy,
    enumeration,
    sampling: { runs: options.runs, seed: options.seed, sessions: maxSessions },
    results: properties.map((property) => {
      const c = found.get(property.id);
      return c === undefined ? { property } : { property, counterexample: c };
    }),
  };
}

/**
 * The counterexample as simulate will see it: without the lines the runtime refused, run again
 * through a fresh Decider (what simulate does), which gives the decisions printed with it.
 */
function counterexample(property: Property, result: Run, fresh: (trace: Trace) => Run, foundBy: Counterexample["foundBy"]): Counterexample {
  const clean = fresh(accepted(result));
  const use = property.check(clean) === undefined ? fresh(result.trace) : clean;
  const violation = property.check(use) ?? property.check(result) ?? { message: "no longer fails" };
  return { trace: use.trace, violation, decisions: use.decisions, foundBy };
}
