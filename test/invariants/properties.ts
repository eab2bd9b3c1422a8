import fc from "fast-check";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { resolvePolicy } from "../../compiler/model/resolved-policy.js";
import { compileSources } from "../../compiler/pipeline.js";
import { Rejection } from "../../runtime/index.js";
import type { Decision } from "../../schemas/types/decision.v1.js";
import type { RecordCreationPolicy, Records } from "../../schemas/types/policy.v1.js";
import type { CrmRecord } from "../../schemas/types/record.v1.js";
import type { SessionEvent } from "../../schemas/types/session-event.v1.js";
import { noRecordForCallsAbandonedEarly, recordForAbandonedCalls } from "../../verify/invariants/abandoned-calls.js";
import { abandonedChatsInvariants } from "../../verify/invariants/abandoned-chats.js";
import { appends } from "../../verify/invariants/appends.js";
import { appendsToLatest } from "../../verify/invariants/appends-to-latest.js";
import { chatThreshold as chatThresholdInvariant } from "../../verify/invariants/chat-threshold.js";
import { connectedCallsOnly } from "../../verify/invariants/connected-calls-only.js";
import { delayUntilConnected as delayUntilConnectedInvariant } from "../../verify/invariants/delay-until-connected.js";
import { oneDecision } from "../../verify/invariants/one-decision.js";
import { tags as tagsInvariant } from "../../verify/invariants/tags.js";
import { titles as titlesInvariant } from "../../verify/invariants/titles.js";
import { invariantProperty, type Invariant as Semantics, type Quote } from "../../verify/property.js";
import { observeRun, type Run } from "../../verify/replay.js";
import { conditionArb, policyArb, traceArb } from "../support/arbitraries.js";
import { runBundle, runReference, type Step } from "../support/run-both.js";
import { sessionPolicy } from "../support/session-policy.js";

/**
 * The invariant suite: verify's invariants of the decision semantics (verify/invariants/), each
 * checked on generated policies that exercise it and generated traces, replayed through the
 * reference interpreter and through the compiled bundle, and observed by verify's observer
 * (verify/observe.ts). Beside them, two properties of their own: one over two replays, one
 * over the compiler alone.
 */

export type Engine = "reference" | "bundle";
export const engines: readonly Engine[] = ["reference", "bundle"];

export function replay(engine: Engine, policy: RecordCreationPolicy, records: CrmRecord[], events: unknown[]): Step[] {
  return engine === "bundle" ? runBundle(policy, records, events) : runReference(policy, records, events);
}

/** Thrown by a property for a broken invariant (as opposed to an engine that crashed). */
export class Violation extends Error {
  override readonly name = "Violation";
}

interface Checked {
  id: string;
  /** The sentences it proves, quoted. */
  quotes: readonly Quote[];
  /** What is checked, in words. */
  claim: string;
  /** Cases in a default `npm test` run (a case: one policy and one trace); CRM_POLICY_RUNS replaces it. */
  defaultCases: number;
  /** Cases one property run checks. */
  casesPerRun: number;
}

/** One of verify's invariants, over the replay of generated traces through generated policies. */
export interface TraceInvariant extends Checked {
  kind: "trace";
  invariant: Semantics;
  policies: fc.Arbitrary<RecordCreationPolicy>;
  /** The traces (default: test/support/arbitraries.ts's traceArb). */
  traces?: fc.Arbitrary<Trace>;
}

/** A property of its own (two replays, or the compiler alone). */
export interface CustomInvariant extends Checked {
  kind: "custom";
  /** Does the invariant speak about an engine, or only about the compiler? */
  engines: readonly Engine[];
  property(engine: Engine): fc.IProperty<never>;
}

export type AnyInvariant = TraceInvariant | CustomInvariant;

/**
 * Traces replayed per generated policy. Compiling a policy costs about as much as replaying a
 * dozen traces through the bundle, so each policy is put through several.
 */
export const tracesPerPolicy = 8;

type Trace = { records: CrmRecord[]; events: Record<string, unknown>[] };

/**
 * traceArb with more at-least-once delivery: up to 8 events delivered again, each copy at a
 * random later position (a redelivery; the trace's own `repeat` steps are rarer).
 */
export const redeliveredTraceArb: fc.Arbitrary<Trace> = fc.tuple(traceArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 })).map(([trace, copies]) => {
  const events = [...trace.events];
  for (const [which, where] of copies) {
    const from = which % events.length;
    const to = from + 1 + (where % (events.length - from));
    events.splice(to, 0, { ...events[from]! });
  }
  return { records: trace.records, events };
});

/** Test title: the quoted sentence(s), then the claim. */
export function title(invariant: AnyInvariant, engine?: Engine): string {
  const quotes = invariant.quotes.map((q) => `${q.source === "docs/domain.md" ? "" : q.source + ": "}“${q.text}”`).join(" + ");
  return `${quotes} ⇒ ${invariant.claim}${engine === undefined ? "" : ` [${engine}]`}`;
}

const catalog = defaultCatalog();
const refused = new Rejection("refused by the engine");

/**
 * A replay as verify observes it: the engine's answer to each event (`steps`) given to verify's
 * observer, which follows the accepted events only (generated traces hold malformed ones too).
 */
export function observed(policy: RecordCreationPolicy, trace: Trace, steps: readonly Step[]): Run {
  if (steps.length !== trace.events.length) throw new Error(`observed: ${trace.events.length} events but ${steps.length} outcomes`);
  // statuses are the CRM's: overrides do not change them
  const { closedStatuses } = resolvePolicy(policy, catalog).crm;
  const answer = (_: SessionEvent, index: number): Decision | Rejection | undefined => {
    const step = steps[index] ?? null;
    return step === null ? undefined : "rejected" in step ? refused : (step.decision as Decision);
  };
  return observeRun({ records: trace.records, events: trace.events as unknown as SessionEvent[] }, answer, (start) => sessionPolicy(policy, start), {
    closedStatuses,
    catalog,
    observeRejected: false,
  });
}

/** The property of an invariant for one engine. */
export function propertyOf(invariant: AnyInvariant, engine: Engine): fc.IProperty<never> {
  if (invariant.kind === "custom") return invariant.property(engine);
  const check = invariantProperty(invariant.invariant);
  const property = fc.property(
    invariant.policies,
    fc.array(invariant.traces ?? traceArb, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }),
    (policy, traces) => {
      traces.forEach((trace, i) => {
        const steps = replay(engine, policy, trace.records, trace.events);
        const violation = check.check(observed(policy, trace, steps));
        if (violation !== undefined) throw new Violation(`trace ${i}: ${violation.message}`);
      });
    },
  );
  return property as unknown as fc.IProperty<never>;
}

/** fast-check runs: CRM_POLICY_RUNS (cases, as in test/differential) or the invariant's default. */
export function numRuns(invariant: AnyInvariant): number {
  const cases = Number(process.env["CRM_POLICY_RUNS"] ?? invariant.defaultCases);
  return Math.max(1, Math.ceil(cases / invariant.casesPerRun));
}

/** CRM_POLICY_SEED (and CRM_POLICY_PATH, to skip the search) replay a reported failure. */
export function seedOption(): { seed?: number; path?: string } {
  const seed = process.env["CRM_POLICY_SEED"];
  const path = process.env["CRM_POLICY_PATH"];
  return { ...(seed === undefined ? {} : { seed: Number(seed) }), ...(path === undefined ? {} : { path }) };
}

// ---------------------------------------------------------------------------------------------
// Policies: the generated ones, with the setting a property is about switched on in the base.
// Overrides stay as generated and may switch it off again for some sessions: each check reads
// the settings of each session (ObservedSession.policy) and skips the sessions it is not about.

/** Base record settings merged over the generated ones (never invalidates a generated policy). */
function withRecords(records: fc.Arbitrary<Records>): fc.Arbitrary<RecordCreationPolicy> {
  return fc.tuple(policyArb, records).map(([policy, patch]) => {
    const merged: Records = structuredClone(policy.records ?? {});
    if (patch.append !== undefined) merged.append = { ...merged.append, ...patch.append };
    if (patch.calls !== undefined) merged.calls = { ...merged.calls, ...patch.calls };
    if (patch.chats !== undefined) merged.chats = { ...merged.chats, ...patch.chats };
    return { ...policy, records: merged };
  });
}

/** About half the policies as generated, half with these base settings. */
function oftenWith(records: fc.Arbitrary<Records>): fc.Arbitrary<RecordCreationPolicy> {
  return fc.oneof(policyArb, withRecords(records));
}

const traceStart = Date.UTC(2026, 10, 20, 10, 0, 0); // t0 of traceArb

/**
 * Traces with more to append to. Existing records: owned by the end users the sessions have
 * (u1, u2) more often than anonymous, half of them in a closed status of some CRM, and mostly
 * with a `closedAt` at any hour of the last 12 days, so that "closed within D days" has records
 * on both sides of its edge. Sessions: most get an end user (the same for every redelivery of
 * their `started`).
 */
const appendTraceArb: fc.Arbitrary<Trace> = fc
  .tuple(
    traceArb,
    fc.array(
      fc.record({
        endUser: fc.constantFrom("u1", "u2", "u1", "u2", null),
        status: fc.option(fc.constantFrom("Closed", "closed", "solved", "Resolved", "done"), { nil: undefined }),
        closedHoursAgo: fc.option(fc.integer({ min: 0, max: 12 * 24 }), { nil: null, freq: 6 }),
      }),
      { minLength: 6, maxLength: 6 },
    ),
    fc.array(fc.constantFrom("u1", "u2", undefined), { minLength: 5, maxLength: 5 }),
  )
  .map(([trace, changes, users]) => ({
    records: trace.records.map((record, i) => {
      const change = changes[i]!;
      const closedAt =
        change.closedHoursAgo === null ? null : new Date(traceStart - change.closedHoursAgo * 3_600_000 - 60_000).toISOString().slice(0, 19) + "Z";
      return { ...record, endUser: change.endUser, status: change.status ?? record.status, closedAt };
    }),
    events: trace.events.map((event) => {
      const user = users[Number(String(event["sessionId"]).slice(1)) - 1];
      return event["type"] === "started" && event["endUser"] === undefined && user !== undefined ? { ...event, endUser: user } : event;
    }),
  }));

const appendOn = (p: fc.Arbitrary<RecordCreationPolicy>) =>
  fc.oneof(
    { weight: 1, arbitrary: p },
    {
      weight: 3,
      arbitrary: withRecords(
        fc.record({
          append: fc.record({ toOpenRecord: fc.constant(true), closedWithinDays: fc.integer({ min: 1, max: 10 }) }, { requiredKeys: ["toOpenRecord"] }),
        }),
      ),
    },
  );

// ---------------------------------------------------------------------------------------------
// verify's invariants, each with the policies and traces that exercise it.

function checked(
  invariant: Semantics,
  policies: fc.Arbitrary<RecordCreationPolicy>,
  options: { id?: string; traces?: fc.Arbitrary<Trace>; defaultCases?: number } = {},
): TraceInvariant {
  return {
    kind: "trace",
    id: options.id ?? invariant.id,
    quotes: invariant.quotes,
    claim: invariant.title,
    defaultCases: options.defaultCases ?? 400,
    casesPerRun: tracesPerPolicy,
    invariant,
    policies,
    ...(options.traces === undefined ? {} : { traces: options.traces }),
  };
}

const [abandonedNone, abandonedAll, abandonedMin] = abandonedChatsInvariants as [Semantics, Semantics, Semantics];

export const onlyConnectedCalls = checked(connectedCallsOnly, withRecords(fc.constant({ calls: { delayUntilConnected: true, createForAbandoned: true } })));
export const delayUntilConnected = checked(
  delayUntilConnectedInvariant,
  withRecords(fc.record({ calls: fc.record({ delayUntilConnected: fc.constant(true), createForAbandoned: fc.boolean() }) })),
);
export const noRecordForCallAbandonedBeforeAssignment = checked(
  noRecordForCallsAbandonedEarly,
  withRecords(fc.constant({ calls: { delayUntilConnected: false, createForAbandoned: false } })),
);
export const recordForAbandonedCall = checked(
  recordForAbandonedCalls,
  withRecords(fc.constant({ calls: { delayUntilConnected: false, createForAbandoned: true } })),
);
export const chatThreshold = checked(
  chatThresholdInvariant,
  oftenWith(fc.record({ chats: fc.record({ minConsumerMessages: fc.integer({ min: 1, max: 3 }) }) })),
  { traces: redeliveredTraceArb },
);
export const chatThresholdZero = checked(chatThresholdInvariant, oftenWith(fc.constant({ chats: { minConsumerMessages: 0 } })), { id: "chat-threshold-zero" });
export const abandonedChatsNone = checked(abandonedNone, withRecords(fc.record({ chats: fc.record({ abandoned: fc.constant("none" as const) }) })));
export const abandonedChatsMin = checked(
  abandonedMin,
  withRecords(fc.record({ chats: fc.record({ abandoned: fc.record({ minConsumerMessages: fc.integer({ min: 1, max: 3 }) }) }) })),
  { traces: redeliveredTraceArb },
);
export const abandonedChatsAll = checked(
  abandonedAll,
  withRecords(
    fc.record({
      chats: fc.record({ abandoned: fc.constant("all" as const), shortAbandonSeconds: fc.integer({ min: 1, max: 3600 }) }, { requiredKeys: ["abandoned"] }),
    }),
  ),
);
export const oneDecisionPerSession = checked(oneDecision, policyArb, { traces: redeliveredTraceArb });
export const appendsOnlyWhereAllowed = checked(appends, appendOn(policyArb), { traces: appendTraceArb, defaultCases: 800 });
export const appendsToTheLatestMatch = checked(appendsToLatest, appendOn(policyArb), { traces: appendTraceArb, defaultCases: 800 });
export const titles = checked(titlesInvariant, policyArb);
export const tags = checked(tagsInvariant, policyArb);

// ---------------------------------------------------------------------------------------------
// Policies.

/** Conditions no generated session satisfies (the traces use queues Q1 and Q2, languages en, de, ko). */
const neverMatching = fc.oneof(
  fc.constantFrom(
    'queue == "nowhere"',
    'queue matches "Billing/*"',
    'language in ["fr", "es"]',
    'phoneNumber startsWith "+1800"',
    'not (queue in ["Q1", "Q2"])',
  ),
  fc.tuple(conditionArb, fc.constantFrom('queue == "nowhere"', 'language == "fr"')).map(([c, never]) => `(${c}) and ${never}`),
);

/** A policy, and the same policy with one more override, whose condition matches no generated session, at any position. */
const policyWithDeadOverride = fc.tuple(policyArb, policyArb, neverMatching, fc.nat()).map(([policy, other, when, position]) => {
  const override: NonNullable<RecordCreationPolicy["overrides"]>[number] = { when };
  if (other.records !== undefined) {
    const records = structuredClone(other.records);
    const on = records.append?.toOpenRecord ?? policy.records?.append?.toOpenRecord ?? false;
    if (records.append?.closedWithinDays !== undefined && !on) delete records.append.closedWithinDays;
    override.records = records;
  }
  if (other.title !== undefined) override.title = other.title;
  if (other.tags !== undefined && policy.crm.system !== "salesforce") override.tags = other.tags;
  const overrides = [...(policy.overrides ?? [])];
  const dead = position % (overrides.length + 1);
  overrides.splice(dead, 0, override);
  return { policy, withDead: { ...policy, overrides }, dead };
});

export const deadOverrideChangesNothing: CustomInvariant = {
  kind: "custom",
  id: "dead-override",
  quotes: [{ source: "README.md", text: "Conditions are evaluated once, when a session starts, on its `started` attributes." }],
  claim: "an override whose condition matches no session changes nothing: every decision and rejection is the same with and without it",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  engines,
  property(engine) {
    const property = fc.property(
      policyWithDeadOverride,
      fc.array(traceArb, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }),
      ({ policy, withDead, dead }, traces) => {
        // one policy after the other: the bundle runner compiles each once
        const without = traces.map((t) => replay(engine, policy, t.records, t.events));
        const withIt = traces.map((t) => replay(engine, withDead, t.records, t.events));
        // Provenance differs as it should: another revision, and the overrides after the dead one
        // one place further on (the dead one itself never listed).
        const same = (step: unknown, shift: (index: number) => number): unknown => {
          if (typeof step !== "object" || step === null || !("decision" in step)) return step;
          const decision = (step as { decision: { overrides: number[] } }).decision;
          return { decision: { ...decision, revision: "", overrides: decision.overrides.map(shift) } };
        };
        traces.forEach((trace, i) => {
          const a = without[i]!.map((step) => same(step, (index) => index));
          const b = withIt[i]!.map((step) => same(step, (index) => (index > dead ? index - 1 : index === dead ? -1 : index)));
          const k = a.findIndex((step, j) => JSON.stringify(step) !== JSON.stringify(b[j]));
          if (k >= 0)
            throw new Violation(
              `trace ${i}, event #${k} ${JSON.stringify(trace.events[k])}: without the override ${JSON.stringify(a[k])}, with it ${JSON.stringify(b[k])}`,
            );
        });
      },
    );
    return property as unknown as fc.IProperty<never>;
  },
};

/** Policy files: distinct policy names, each file's text fixed; the layout (names, order) varies. */
const policySet = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record({
    policies: fc.array(policyArb, { minLength: n, maxLength: n }),
    names: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/), { minLength: n, maxLength: n }),
    layoutA: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), { minLength: n, maxLength: n }),
    layoutB: fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,8}$/), { minLength: n, maxLength: n }),
    orderB: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
  }),
);

function compiled(files: { file: string; bytes: Buffer }[]): string {
  const result = compileSources(files);
  if (result.bundle === undefined)
    throw new Error("generated policies do not compile: " + JSON.stringify(result.diagnostics.filter((d) => d.severity === "error")));
  return result.bundle.text;
}

export const compilingIsDeterministic: CustomInvariant = {
  kind: "custom",
  id: "deterministic-compile",
  quotes: [{ source: "README.md", text: "Same policies, in any file order, give the same bytes." }],
  claim: "compiling the same policy files twice, in another order or under other file names, gives identical bytes",
  defaultCases: 240,
  casesPerRun: tracesPerPolicy, // a run compiles up to 9 policy files: as costly as a policy and its traces
  engines: ["bundle"],
  property() {
    const property = fc.property(policySet, ({ policies, names, layoutA, layoutB, orderB }) => {
      const texts = policies.map((p, i) => JSON.stringify({ ...p, metadata: { name: names[i]! } }));
      const a = texts.map((text, i) => ({ file: `policies/${layoutA[i]!}.json`, bytes: Buffer.from(text) }));
      const b = orderB.map((i) => ({ file: `other/${layoutB[i]!}.json`, bytes: Buffer.from(texts[i]!) }));
      const first = compiled(a);
      const again = compiled(a);
      const moved = compiled(b);
      if (again !== first) throw new Violation("the same files compiled twice give different bytes");
      if (moved !== first)
        throw new Violation(`files ${JSON.stringify(a.map((f) => f.file))} and ${JSON.stringify(b.map((f) => f.file))} (same texts) give different bytes`);
    });
    return property as unknown as fc.IProperty<never>;
  },
};

/** Every invariant, in catalogue order. */
export const invariants: readonly AnyInvariant[] = [
  onlyConnectedCalls,
  delayUntilConnected,
  chatThreshold,
  chatThresholdZero,
  abandonedChatsNone,
  abandonedChatsMin,
  abandonedChatsAll,
  noRecordForCallAbandonedBeforeAssignment,
  recordForAbandonedCall,
  oneDecisionPerSession,
  appendsOnlyWhereAllowed,
  appendsToTheLatestMatch,
  titles,
  tags,
  deadOverrideChangesNothing,
  compilingIsDeterministic,
];
