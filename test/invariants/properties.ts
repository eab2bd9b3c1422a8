import fc from "fast-check";
import Handlebars from "handlebars";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import type { ResolvedPolicy } from "../../compiler/model/resolved-policy.js";
import type { Decision } from "../../schemas/types/decision.v1.js";
import type { RecordCreationPolicy, Records } from "../../schemas/types/policy.v1.js";
import type { CrmRecord } from "../../schemas/types/record.v1.js";
import type { Started } from "../../schemas/types/session-event.v1.js";
import { compileSources } from "../../compiler/pipeline.js";
import { conditionArb, policyArb, traceArb } from "../support/arbitraries.js";
import { instant, observe, type ObservedDecision, type ObservedSession, type Observation } from "../support/observe-trace.js";
import { runBundle, runReference, type Step } from "../support/run-both.js";

/**
 * The invariants of the decision semantics: each is a statement over an observed replay
 * (test/support/observe-trace.ts) of a generated trace through a generated policy, checked for
 * the reference interpreter and for the compiled bundle. Each names the sentence it proves.
 */

export type Engine = "reference" | "bundle";
export const engines: readonly Engine[] = ["reference", "bundle"];

export function replay(engine: Engine, policy: RecordCreationPolicy, records: CrmRecord[], events: unknown[]): Step[] {
  return engine === "bundle" ? runBundle(policy, records, events) : runReference(policy, records, events);
}

/** Where a quoted sentence comes from: docs/domain.md, unless the rule is the project's own. */
export interface Quote {
  source: "docs/domain.md" | "README.md" | "docs/semantics.md";
  text: string;
}

const domain = (text: string): Quote => ({ source: "docs/domain.md", text });

/** Thrown by a property for a broken invariant (as opposed to an engine that crashed). */
export class Violation extends Error {
  override readonly name = "Violation";
}

interface Invariant {
  id: string;
  /** The sentences it proves, quoted. */
  quotes: Quote[];
  /** What is checked, in words. */
  claim: string;
  /** Cases in a default `npm test` run (a case: one policy and one trace); CRM_POLICY_RUNS replaces it. */
  defaultCases: number;
  /** Cases one property run checks. */
  casesPerRun: number;
}

/** An invariant over the replay of generated traces. */
export interface TraceInvariant extends Invariant {
  kind: "trace";
  policies: fc.Arbitrary<RecordCreationPolicy>;
  /** The traces (default: test/support/arbitraries.ts's traceArb). */
  traces?: fc.Arbitrary<Trace>;
  /** The first violation in an observed replay, or undefined. */
  violation(observation: Observation): string | undefined;
}

/** An invariant that needs its own property (two replays, or the compiler alone). */
export interface CustomInvariant extends Invariant {
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
export const redeliveredTraceArb: fc.Arbitrary<Trace> = fc
  .tuple(traceArb, fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 8 }))
  .map(([trace, copies]) => {
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

/** The property of an invariant for one engine. */
export function propertyOf(invariant: AnyInvariant, engine: Engine): fc.IProperty<never> {
  if (invariant.kind === "custom") return invariant.property(engine);
  const property = fc.property(invariant.policies, fc.array(invariant.traces ?? traceArb, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }), (policy, traces) => {
    traces.forEach((trace, i) => {
      const steps = replay(engine, policy, trace.records, trace.events);
      const problem = invariant.violation(observe(policy, trace.records, trace.events, steps));
      if (problem !== undefined) throw new Violation(`trace ${i}: ${problem}`);
    });
  });
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

// ---------------------------------------------------------------------------------------------
// Reading an observation.

const isRecord = (d: ObservedDecision): boolean => d.decision.decision !== "none";
const records = (s: ObservedSession): ObservedDecision[] => s.decisions.filter(isRecord);
const sessionsOf = (o: Observation, channel: "voice" | "chat"): ObservedSession[] => [...o.sessions.values()].filter((s) => s.start.channel === channel);

function at(d: ObservedDecision): string {
  return `session ${d.decision.sessionId}: ${d.decision.decision}${"recordId" in d.decision ? " " + d.decision.recordId : ""} at event #${d.index} (${String(d.event["type"])}) with ${JSON.stringify(d.facts)}`;
}

// ---------------------------------------------------------------------------------------------
// Voice.

export const onlyConnectedCalls: TraceInvariant = {
  kind: "trace",
  id: "only-connected-calls",
  quotes: [domain("Combined 2 + 3: only calls connected to an agent get a record.")],
  claim: "with delay until connected and records for abandoned calls, every voice record belongs to a call connected when it was decided",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: withRecords(fc.constant({ calls: { delayUntilConnected: true, createForAbandoned: true } })),
  violation(o) {
    for (const s of sessionsOf(o, "voice")) {
      const { delayUntilConnected, createForAbandoned } = s.policy.records.calls;
      if (!delayUntilConnected || !createForAbandoned) continue;
      for (const d of records(s)) if (!d.facts.connected) return `record for a call never connected: ${at(d)}`;
    }
    return undefined;
  },
};

export const delayUntilConnected: TraceInvariant = {
  kind: "trace",
  id: "delay-until-connected",
  quotes: [domain("`delay until connected`: due when the call is **connected** instead.")],
  claim: "with delay until connected, no voice record is decided before `connected`, and a connected call's record is decided at its `connected`",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: withRecords(fc.record({ calls: fc.record({ delayUntilConnected: fc.constant(true), createForAbandoned: fc.boolean() }) })),
  violation(o) {
    for (const s of sessionsOf(o, "voice")) {
      if (!s.policy.records.calls.delayUntilConnected) continue;
      for (const d of records(s)) {
        if (!d.facts.connected) return `record decided before \`connected\`: ${at(d)}`;
        if (d.index !== s.connectedAt || d.decision.decision === "none" || d.decision.trigger !== "connected") return `record not decided at \`connected\` (event #${s.connectedAt}): ${at(d)}`;
      }
      if (s.connectedAt !== undefined && !records(s).some((d) => d.index === s.connectedAt)) return `session ${s.id}: connected at event #${s.connectedAt} but no record decided there`;
    }
    return undefined;
  },
};

export const noRecordForCallAbandonedBeforeAssignment: TraceInvariant = {
  kind: "trace",
  id: "abandoned-call-without-setting",
  quotes: [domain("`records for abandoned calls`: an abandoned call still gets a record, due when it ends (unless one was already due earlier, e.g. at assignment).")],
  claim: "with records for abandoned calls off and no delay, a call abandoned before assignment gets `none` / `abandoned_call`, never a record",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: withRecords(fc.constant({ calls: { delayUntilConnected: false, createForAbandoned: false } })),
  violation(o) {
    for (const s of sessionsOf(o, "voice")) {
      const { delayUntilConnected, createForAbandoned } = s.policy.records.calls;
      if (delayUntilConnected || createForAbandoned || s.endedAt === undefined || s.assignedAt !== undefined) continue;
      for (const d of s.decisions) {
        if (d.decision.decision !== "none") return `record for a call abandoned before assignment: ${at(d)}`;
        if (d.decision.reason !== "abandoned_call") return `reason ${d.decision.reason} for a call abandoned before assignment: ${at(d)}`;
      }
      if (s.decisions.length === 0) return `session ${s.id}: abandoned before assignment, ended at event #${s.endedAt}, but no decision`;
    }
    return undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Chat.

export const chatThreshold: TraceInvariant = {
  kind: "trace",
  id: "chat-threshold",
  quotes: [domain("A connected chat that ends below N gets no record (that is the point: no empty records).")],
  claim: "with N ≥ 1 consumer messages required, no connected chat gets a record with fewer than N (distinct) consumer messages",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: oftenWith(fc.record({ chats: fc.record({ minConsumerMessages: fc.integer({ min: 1, max: 3 }) }) })),
  traces: redeliveredTraceArb,
  violation(o) {
    for (const s of sessionsOf(o, "chat")) {
      const n = s.policy.records.chats.minConsumerMessages;
      if (n < 1 || s.connectedAt === undefined) continue;
      for (const d of records(s)) if (d.facts.consumerMessages < n) return `record for a connected chat with ${d.facts.consumerMessages} < ${n} consumer messages: ${at(d)}`;
    }
    return undefined;
  },
};

export const chatThresholdZero: TraceInvariant = {
  kind: "trace",
  id: "chat-threshold-zero",
  quotes: [domain("Default: due when the chat is assigned and then **connected**. A consumer who sends nothing leaves an empty record.")],
  claim: "with threshold 0, every connected chat gets a record, decided at its `connected`",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: oftenWith(fc.constant({ chats: { minConsumerMessages: 0 } })),
  violation(o) {
    for (const s of sessionsOf(o, "chat")) {
      if (s.policy.records.chats.minConsumerMessages !== 0 || s.connectedAt === undefined) continue;
      if (!records(s).some((d) => d.index === s.connectedAt)) return `session ${s.id}: connected at event #${s.connectedAt} with threshold 0, but no record decided there (decisions: ${s.decisions.map(at).join("; ") || "none"})`;
    }
    return undefined;
  },
};

export const abandonedChatsNone: TraceInvariant = {
  kind: "trace",
  id: "abandoned-chats-none",
  quotes: [domain("disabled: no record for abandoned or short-abandoned chats;")],
  claim: "with abandoned chats `none`, no chat gets a record before it is connected",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: withRecords(fc.record({ chats: fc.record({ abandoned: fc.constant("none" as const) }) })),
  violation(o) {
    for (const s of sessionsOf(o, "chat")) {
      if (s.policy.records.chats.abandoned !== "none") continue;
      for (const d of records(s)) if (!d.facts.connected) return `record for a chat not connected: ${at(d)}`;
    }
    return undefined;
  },
};

export const abandonedChatsMin: TraceInvariant = {
  kind: "trace",
  id: "abandoned-chats-min",
  quotes: [domain("at least M consumer messages: only abandoned chats with ≥ M consumer messages.")],
  claim: "with abandoned chats `{minConsumerMessages: M}`, every record of a chat not connected has ≥ M (distinct) consumer messages",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: withRecords(fc.record({ chats: fc.record({ abandoned: fc.record({ minConsumerMessages: fc.integer({ min: 1, max: 3 }) }) }) })),
  traces: redeliveredTraceArb,
  violation(o) {
    for (const s of sessionsOf(o, "chat")) {
      const abandoned = s.policy.records.chats.abandoned;
      if (typeof abandoned !== "object") continue;
      for (const d of records(s)) {
        if (!d.facts.connected && d.facts.consumerMessages < abandoned.minConsumerMessages) return `record for an abandoned chat with ${d.facts.consumerMessages} < ${abandoned.minConsumerMessages} consumer messages: ${at(d)}`;
      }
    }
    return undefined;
  },
};

export const abandonedChatsAll: TraceInvariant = {
  kind: "trace",
  id: "abandoned-chats-all",
  quotes: [domain("all: every abandoned chat, short-abandoned ones included, gets a record when it ends;")],
  claim: "with abandoned chats `all`, every chat that ends never connected gets a record at its `ended`",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: withRecords(fc.record({ chats: fc.record({ abandoned: fc.constant("all" as const), shortAbandonSeconds: fc.integer({ min: 1, max: 3600 }) }, { requiredKeys: ["abandoned"] }) })),
  violation(o) {
    for (const s of sessionsOf(o, "chat")) {
      if (s.policy.records.chats.abandoned !== "all" || s.endedAt === undefined || s.connectedAt !== undefined) continue;
      if (!records(s).some((d) => d.index === s.endedAt)) return `session ${s.id}: abandoned (ended at event #${s.endedAt}, never connected) but no record decided there (decisions: ${s.decisions.map(at).join("; ") || "none"})`;
    }
    return undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Every session.

export const oneDecisionPerSession: TraceInvariant = {
  kind: "trace",
  id: "one-decision-per-session",
  quotes: [domain("When a record is due (at most once per session)"), { source: "docs/semantics.md", text: "Each session gets exactly one decision, at the event that decides it" }],
  claim: "at most one decision per session whatever is redelivered, exactly one for every session that ends (at or before its `ended`), none for a session never started",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: policyArb,
  traces: redeliveredTraceArb,
  violation(o) {
    for (const d of o.decisions) if (d.session === undefined) return `decision for a session never started: ${at(d)}`;
    for (const s of o.sessions.values()) {
      if (s.decisions.length > 1) return `session ${s.id}: ${s.decisions.length} decisions: ${s.decisions.map(at).join("; ")}`;
      if (s.endedAt !== undefined && s.decisions.length === 0) return `session ${s.id}: ended at event #${s.endedAt} without a decision`;
      const [d] = s.decisions;
      if (s.endedAt !== undefined && d !== undefined && d.index > s.endedAt) return `session ${s.id}: decided after it ended at event #${s.endedAt}: ${at(d)}`;
    }
    return undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Create or append.

/** The records a session may append to (docs/semantics.md, "Create or append", steps 1–3). */
function candidates(s: ObservedSession, before: readonly CrmRecord[], decidedAt: string): { open: CrmRecord[]; recentlyClosed: CrmRecord[] } {
  const { crm, records: settings } = s.policy;
  const mine = before.filter((r) => r.endUser === s.start.endUser && r.queue === s.start.queue && !crm.neverUpdated.includes(r.status));
  const days = settings.append.closedWithinDays;
  return {
    open: mine.filter((r) => !crm.closedStatuses.includes(r.status)),
    recentlyClosed: mine.filter((r) => crm.closedStatuses.includes(r.status) && days !== null && r.closedAt !== null && instant(decidedAt) - instant(r.closedAt) <= days * 86_400_000),
  };
}

/** The latest record: greatest createdAt, on a tie the one added last. */
function latest(list: readonly CrmRecord[]): CrmRecord | undefined {
  return list.reduce<CrmRecord | undefined>((best, r) => (best === undefined || instant(r.createdAt) >= instant(best.createdAt) ? r : best), undefined);
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
      const closedAt = change.closedHoursAgo === null ? null : new Date(traceStart - change.closedHoursAgo * 3_600_000 - 60_000).toISOString().slice(0, 19) + "Z";
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
    { weight: 3, arbitrary: withRecords(fc.record({ append: fc.record({ toOpenRecord: fc.constant(true), closedWithinDays: fc.integer({ min: 1, max: 10 }) }, { requiredKeys: ["toOpenRecord"] }) })) },
  );

export const appendsOnlyWhereAllowed: TraceInvariant = {
  kind: "trace",
  id: "appends-only-where-allowed",
  quotes: [
    domain("With append off, or no matching record, a new record is created."),
    domain("Anonymous end users (no CRM identity) never append: they always get a new record."),
    domain("A Zendesk ticket in `closed` cannot be updated at all."),
  ],
  claim: "appends go only to a record of the same end user and leaf queue that is open (status kept), or closed within D days (and then reopened); never for anonymous users, never with append off, never to a status the CRM never updates",
  defaultCases: 800,
  casesPerRun: tracesPerPolicy,
  policies: appendOn(policyArb),
  traces: appendTraceArb,
  violation(o) {
    for (const d of o.decisions) {
      const s = d.session;
      const decision = d.decision;
      if (s === undefined || decision.decision !== "append") continue;
      const { crm, records: settings } = s.policy;
      if (!settings.append.toOpenRecord) return `append with append off: ${at(d)}`;
      if (s.start.endUser === undefined) return `append for an anonymous end user: ${at(d)}`;
      const target = d.recordsBefore.find((r) => r.recordId === decision.recordId);
      if (target === undefined) return `append to a record that does not exist: ${at(d)}`;
      if (target.endUser !== s.start.endUser || target.queue !== s.start.queue) return `append to ${JSON.stringify(target)}, of another end user or leaf queue than ${s.start.endUser} / ${s.start.queue}: ${at(d)}`;
      if (crm.neverUpdated.includes(target.status)) return `append to a ${crm.system} record in \`${target.status}\`, which is never updated: ${at(d)}`;
      const { open, recentlyClosed } = candidates(s, d.recordsBefore, decision.at);
      if (open.includes(target)) {
        if (decision.reopened || decision.status !== target.status) return `append to open ${JSON.stringify(target)} must keep its status, not reopen: ${at(d)} ${JSON.stringify(decision)}`;
      } else {
        if (open.length > 0) return `append to closed ${JSON.stringify(target)} while an open record exists (${open.map((r) => r.recordId).join(", ")}): ${at(d)}`;
        if (!recentlyClosed.includes(target)) return `append to ${JSON.stringify(target)}, not closed within ${settings.append.closedWithinDays} days of ${decision.at}: ${at(d)}`;
        if (!decision.reopened || decision.status !== crm.reopenStatus) return `append to closed ${JSON.stringify(target)} must reopen it to ${crm.reopenStatus}: ${JSON.stringify(decision)}`;
      }
    }
    return undefined;
  },
};

export const appendsToTheLatestMatch: TraceInvariant = {
  kind: "trace",
  id: "appends-to-the-latest-match",
  quotes: [
    domain("the session is appended instead of creating a new record if the same end user has a record from exactly the same leaf queue that is **open**"),
    domain("The latest such record wins."),
    domain("Secondary option: if no open record exists, append to the latest record of that leaf queue **closed within the last D days**"),
  ],
  claim: "with append on, a known end user's record goes to the latest open record of the same leaf queue, else the latest closed within D days, and is created only when there is none",
  defaultCases: 800,
  casesPerRun: tracesPerPolicy,
  policies: appendOn(policyArb),
  traces: appendTraceArb,
  violation(o) {
    for (const d of o.decisions) {
      const s = d.session;
      const decision = d.decision;
      if (s === undefined || decision.decision === "none" || !s.policy.records.append.toOpenRecord || s.start.endUser === undefined) continue;
      const { open, recentlyClosed } = candidates(s, d.recordsBefore, decision.at);
      const expected = latest(open) ?? latest(recentlyClosed);
      if (expected === undefined && decision.decision === "append") return `append although no record matches: ${at(d)}`;
      if (expected !== undefined && (decision.decision !== "append" || decision.recordId !== expected.recordId)) return `expected an append to ${JSON.stringify(expected)} among ${JSON.stringify(d.recordsBefore)}: ${at(d)}`;
    }
    return undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Titles and tags.

const catalog = defaultCatalog();
const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const declaredVariables = ["CALL_TYPE", "CALL_ID", "MENU_PATH", "PHONE_NUMBER", "LANGUAGE", "TIMESTAMP"] as const;
type Variable = (typeof declaredVariables)[number];
type Piece = { text: string } | { variable: Variable };

const shapes = new Map<string, Piece[] | string>();

/** A template as Handlebars reads it: literal text and `{{NAME}}`s; a string says what else it holds. */
function templateShape(template: string): Piece[] | string {
  let shape = shapes.get(template);
  if (shape !== undefined) return shape;
  const pieces: Piece[] = [];
  for (const statement of Handlebars.parse(template).body) {
    if (statement.type === "ContentStatement") {
      pieces.push({ text: (statement as hbs.AST.ContentStatement).value });
      continue;
    }
    const path = statement.type === "MustacheStatement" ? (statement as hbs.AST.MustacheStatement).path : undefined;
    const name = path?.type === "PathExpression" ? (path as hbs.AST.PathExpression).original : "";
    if (!(declaredVariables as readonly string[]).includes(name)) {
      shape = `template ${JSON.stringify(template)} holds ${statement.type} ${JSON.stringify(name)}, not a declared variable`;
      break;
    }
    pieces.push({ variable: name as Variable });
  }
  shape ??= pieces;
  shapes.set(template, shape);
  return shape;
}

/** A session value as plain single-line text (docs/semantics.md, "Titles"). */
function plain(value: string): string {
  let out = "";
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (!(code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029)) out += c;
    else if ("\t\n\v\f\r\u0085\u2028\u2029".includes(c)) out += " ";
  }
  return out;
}

function callType(start: Started): string {
  const type = catalog.sessionTypes.find((t) => t.name === start.sessionType);
  return start.channel === "voice" && type?.channel === "voice" ? (type.callType ?? type.name) : start.sessionType;
}

const offsets = new Map<string, Intl.DateTimeFormat>();

/** `+01:00` for the zone's offset at that instant. */
function offsetIn(timeZone: string, ms: number): string {
  let format = offsets.get(timeZone);
  if (format === undefined) offsets.set(timeZone, (format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })));
  const name = format.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  return name === "GMT" ? "+00:00" : name.slice(3);
}

const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})/;

/**
 * What is wrong with a created record's title, if anything: it must be a string with no control
 * character, at most the CRM's limit in code points, and made of the template's own text and the
 * session's values of the declared variables only, in template order (cut at the limit).
 * TIMESTAMP is checked by what it denotes: the start, to the second, `Z` in UTC, else the zone's offset.
 */
function titleProblem(title: unknown, s: ObservedSession): string | undefined {
  if (typeof title !== "string") return `title is not a string: ${JSON.stringify(title)}`;
  const control = controlCharacter.exec(title);
  if (control !== null) return `title has control character U+${control[0].charCodeAt(0).toString(16).padStart(4, "0")}`;
  const limit = s.policy.crm.subjectLimit;
  const points = [...title].length;
  if (points > limit || points > 255) return `title is ${points} code points, over the limit of ${Math.min(limit, 255)}`;
  const shape = templateShape(s.policy.title.template);
  if (typeof shape === "string") return shape;
  const { start } = s;
  const values: Record<Exclude<Variable, "TIMESTAMP">, string> = {
    CALL_TYPE: plain(callType(start)),
    CALL_ID: plain(start.sessionId),
    MENU_PATH: plain(start.menuPath ?? ""),
    PHONE_NUMBER: plain(start.phoneNumber ?? ""),
    LANGUAGE: plain(start.language ?? ""),
  };
  const full = points === limit; // a title at the limit may have been cut anywhere
  let rest = title;
  for (const piece of shape) {
    if ("variable" in piece && piece.variable === "TIMESTAMP") {
      const match = timestampPattern.exec(rest);
      if (match === null) {
        if (full && rest.length < 25 && /^[0-9T:+Z-]*$/.test(rest)) return undefined;
        return `title ${JSON.stringify(title)}: no TIMESTAMP at ${JSON.stringify(rest)}`;
      }
      const stamp = match[0];
      const second = Math.floor(instant(start.at) / 1000) * 1000;
      if (instant(stamp) !== second) return `title ${JSON.stringify(title)}: TIMESTAMP ${stamp} is not the start ${start.at} to the second`;
      const zone = s.policy.title.timeZone;
      const suffix = zone === "UTC" ? "Z" : offsetIn(zone, second);
      if (!stamp.endsWith(suffix)) return `title ${JSON.stringify(title)}: TIMESTAMP ${stamp} should end in ${suffix} (${zone})`;
      rest = rest.slice(stamp.length);
      continue;
    }
    const text = "text" in piece ? piece.text : values[piece.variable as Exclude<Variable, "TIMESTAMP">];
    if (rest.startsWith(text)) rest = rest.slice(text.length);
    else if (full && text.startsWith(rest)) return undefined;
    else return `title ${JSON.stringify(title)}: expected ${JSON.stringify(text)} (${"text" in piece ? "template text" : piece.variable}) at ${JSON.stringify(rest)}`;
  }
  return rest === "" ? undefined : `title ${JSON.stringify(title)}: ${JSON.stringify(rest)} is neither template text nor a declared variable`;
}

export const titles: TraceInvariant = {
  kind: "trace",
  id: "titles",
  quotes: [domain("a title is plain text, bounded by the CRM's subject limit (Salesforce Case Subject: 255 characters).")],
  claim: "titles never throw, contain no control characters, fit the CRM's limit (255 code points), and are made of the template's text and declared variables only",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: policyArb,
  violation(o) {
    for (const d of o.decisions) {
      if (d.session === undefined || d.decision.decision !== "create") continue;
      const problem = titleProblem(d.decision.title, d.session);
      if (problem !== undefined) return `${problem}: ${at(d)}`;
    }
    return undefined;
  },
};

function tagProblem(decision: Decision, p: ResolvedPolicy): string | undefined {
  if (decision.decision === "none") return undefined;
  const { tags } = decision;
  const system = p.crm.system;
  if (system === "salesforce") return tags.length === 0 ? undefined : `Salesforce record with tags ${JSON.stringify(tags)}`;
  if (system === "zendesk") {
    const bad = tags.find((t) => !/^[a-z0-9_]+$/.test(t));
    if (bad !== undefined) return `Zendesk tag ${JSON.stringify(bad)} is not ^[a-z0-9_]+$`;
  }
  if (system === "freshdesk") {
    const long = tags.find((t) => [...t].length > 32);
    if (long !== undefined || tags.length > 30) return `Freshdesk tags ${JSON.stringify(tags)}: at most 32 characters a tag, 30 tags a ticket`;
  }
  const platform = system === "zendesk" ? "ujet" : "UJET";
  const count = tags.filter((t) => t === platform).length;
  if (p.tags.platform && (count !== 1 || tags[tags.length - 1] !== platform)) return `platform tag on, but tags are ${JSON.stringify(tags)}`;
  if (!p.tags.platform && count !== 0) return `platform tag off, but tags are ${JSON.stringify(tags)}`;
  return undefined;
}

export const tags: TraceInvariant = {
  kind: "trace",
  id: "tags",
  quotes: [domain("Zendesk `Voice Inbound (IVR)` → `voice_inbound_ivr`"), domain("`platform tag`: add the tag `UJET` to every record the integration creates.")],
  claim: "Zendesk tags match ^[a-z0-9_]+$, Freshdesk tags fit 32 characters, Salesforce has none, and the platform tag is present (once, last) iff enabled for the session",
  defaultCases: 400,
  casesPerRun: tracesPerPolicy,
  policies: policyArb,
  violation(o) {
    for (const d of o.decisions) {
      if (d.session === undefined) continue;
      const problem = tagProblem(d.decision, d.session.policy);
      if (problem !== undefined) return `${problem}: ${at(d)}`;
    }
    return undefined;
  },
};

// ---------------------------------------------------------------------------------------------
// Policies.

/** Conditions no generated session satisfies (the traces use queues Q1 and Q2, languages en, de, ko). */
const neverMatching = fc.oneof(
  fc.constantFrom('queue == "nowhere"', 'queue matches "Billing/*"', 'language in ["fr", "es"]', 'phoneNumber startsWith "+1800"', 'not (queue in ["Q1", "Q2"])'),
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
    const property = fc.property(policyWithDeadOverride, fc.array(traceArb, { minLength: tracesPerPolicy, maxLength: tracesPerPolicy }), ({ policy, withDead, dead }, traces) => {
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
        if (k >= 0) throw new Violation(`trace ${i}, event #${k} ${JSON.stringify(trace.events[k])}: without the override ${JSON.stringify(a[k])}, with it ${JSON.stringify(b[k])}`);
      });
    });
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
  if (result.bundle === undefined) throw new Error("generated policies do not compile: " + JSON.stringify(result.diagnostics.filter((d) => d.severity === "error")));
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
      if (moved !== first) throw new Violation(`files ${JSON.stringify(a.map((f) => f.file))} and ${JSON.stringify(b.map((f) => f.file))} (same texts) give different bytes`);
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
  oneDecisionPerSession,
  appendsOnlyWhereAllowed,
  appendsToTheLatestMatch,
  titles,
  tags,
  deadOverrideChangesNothing,
  compilingIsDeterministic,
];
