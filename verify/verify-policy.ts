import fc from "fast-check";
import { defaultLateness } from "@crm-policy/runtime";
import type { Decision } from "../schemas/types/decision.v1.js";
import type { SessionEvent } from "../schemas/types/session-event.v1.js";
import { defaultOrderBounds, deliveryOrders, withRecordsOrderBounds, type OrderBounds } from "./delivery-orders.js";
import { alphabetOf, defaultStartLimit } from "./alphabet.js";
import { enumeratedEvents, enumerateTraces, enumerationSize, fewestTracesPerStart } from "./enumerate.js";
import { expectProperty } from "./expect-properties.js";
import { applicableInvariants, invariants } from "./invariants/index.js";
import type { PolicyUnderTest } from "./policy-under-test.js";
import { invariantProperty, type Property, type Violation } from "./property.js";
import { delivered, LateReplayer, replayLate, type LateRun } from "./late-replay.js";
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
  /**
   * Milliseconds: each trace is also delivered in the orders this lateness allows, and decided
   * with it (0: in order only). Default the runtime's.
   */
  lateness?: number;
}

export const defaultOptions: VerifyOptions = { runs: 1000, seed: 42, maxEnumerated: 250_000, lateness: defaultLateness };

/** Delivery orders per sampled trace (enumeration: `defaultOrderBounds`). */
export const sampledOrders = 2;

/** A trace that breaks a property, as the runtime decided it. */
export interface Counterexample {
  trace: Trace;
  violation: Violation;
  decisions: Decision[];
  foundBy: "enumeration" | "sampling";
  /** When the trace broke the property delivered out of time order: the events as delivered, and the lateness they were decided with. */
  delivery?: { events: SessionEvent[]; lateness: number };
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
  enumeration: { traces: number; atLeast: boolean; events: number; done: boolean; limit: number; orders: number };
  sampling: { runs: number; seed: number; sessions: number; orders: number };
  /** Milliseconds; 0 when traces were delivered in time order only. */
  lateness: number;
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
  const lateness = options.lateness ?? defaultLateness;
  const lateReplayer = new LateReplayer(policy, settings, lateness);
  const run = (trace: Trace) => replayer.run(trace);
  const fresh = (trace: Trace) => replay(policy, settings, trace);
  const freshLate = (late: LateRun) => replayLate(policy, settings, late.trace, late.delivery.order, lateness);
  const enumerated: OrderBounds = { lateness, ...defaultOrderBounds };
  const enumeratedWithRecords: OrderBounds = { lateness, ...withRecordsOrderBounds };
  const sampled: OrderBounds = { lateness, allUpTo: 0, perTrace: sampledOrders };
  let orders = 0;
  let traces = 0;
  /** The trace in time order, then delivered in the orders the lateness allows (while `wanted`). */
  function* runs(trace: Trace, bounds: OrderBounds, wanted: () => boolean): Generator<Run> {
    const inOrder = run(trace);
    yield inOrder;
    if (!wanted()) return;
    for (const order of deliveryOrders(inOrder, bounds, traces++)) {
      orders++;
      // undefined: the decisions of time order, whose verdicts are known
      const late = lateReplayer.run(trace, order, inOrder);
      if (late !== undefined) yield late;
      if (!wanted()) return;
    }
  }
  const counterexampleOf = (property: Property, result: Run, foundBy: Counterexample["foundBy"]) =>
    isLate(result) ? lateCounterexample(property, result, freshLate, foundBy) : counterexample(property, result, fresh, foundBy);

  const size = alphabet.complete ? enumerationSize(alphabet, settings) : alphabet.starts * fewestTracesPerStart();
  const enumeration = {
    traces: size,
    atLeast: !alphabet.complete,
    events: enumeratedEvents(alphabet),
    done: alphabet.complete && size <= options.maxEnumerated,
    limit: options.maxEnumerated,
    orders: 0,
  };
  if (enumeration.done) {
    const wanted = () => found.size < properties.length;
    for (const trace of enumerateTraces(alphabet, settings)) {
      for (const result of runs(trace, trace.records.length > 0 ? enumeratedWithRecords : enumerated, wanted)) {
        for (const property of properties) {
          if (found.has(property.id)) continue;
          const violation = property.check(result);
          if (violation !== undefined) found.set(property.id, counterexampleOf(property, result, "enumeration"));
        }
      }
    }
    enumeration.orders = orders;
  }

  const arbitrary = traceArbitrary(policy, alphabet);
  const failing = (props: readonly Property[], trace: Trace): Run | undefined => {
    for (const result of runs(trace, sampled, () => true)) if (props.some((p) => p.check(result) !== undefined)) return result;
    return undefined;
  };
  let remaining = properties.filter((p) => !found.has(p.id));
  while (remaining.length > 0) {
    const all = remaining;
    const details = fc.check(
      fc.property(arbitrary, (trace) => failing(all, trace) === undefined),
      { numRuns: options.runs, seed: options.seed },
    );
    const [failed] = (details.counterexample ?? []) as [Trace?];
    if (!details.failed || failed === undefined) break;
    const first = failing(all, failed);
    const broken = first === undefined ? [] : all.filter((p) => p.check(first) !== undefined);
    // nothing to blame: the check itself threw, which is verify's bug, not the policy's
    if (first === undefined || broken.length === 0) throw new Error(`verify: sampling failed without a broken property: ${String(details.errorInstance)}`);
    for (const property of broken) {
      // the same seed meets the same traces: shrink for this property alone
      const alone = fc.check(
        fc.property(arbitrary, (trace) => failing([property], trace) === undefined),
        { numRuns: options.runs, seed: options.seed },
      );
      const [shrunk] = (alone.counterexample ?? []) as [Trace?];
      const result = shrunk === undefined ? undefined : failing([property], shrunk);
      found.set(property.id, counterexampleOf(property, result ?? first, "sampling"));
    }
    remaining = remaining.filter((p) => !found.has(p.id));
  }

  return {
    policy,
    enumeration,
    sampling: { runs: options.runs, seed: options.seed, sessions: maxSessions, orders: sampledOrders },
    lateness,
    results: properties.map((property) => {
      const c = found.get(property.id);
      return c === undefined ? { property } : { property, counterexample: c };
    }),
  };
}

const isLate = (run: Run): run is LateRun => "delivery" in run;

/**
 * A counterexample delivered out of time order, as simulate with `--lateness` will see it: the
 * same delivery through a fresh Decider, which gives the decisions printed with it. Nothing is
 * left out: which lines come when is the point.
 */
function lateCounterexample(property: Property, result: LateRun, fresh: (late: LateRun) => LateRun, foundBy: Counterexample["foundBy"]): Counterexample {
  const again = fresh(result);
  const use = property.check(again) === undefined ? result : again;
  const violation = property.check(use) ?? { message: "no longer fails" };
  return {
    trace: use.trace,
    violation,
    decisions: use.decisions,
    foundBy,
    delivery: { events: delivered(use.trace, use.delivery.order), lateness: use.delivery.lateness },
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
