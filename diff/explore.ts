import fc from "fast-check";
import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { Alphabet } from "../verify/alphabet.js";
import { enumeratedEvents, enumerateTraces } from "../verify/enumerate.js";
import { replay, type Run } from "../verify/replay.js";
import { traceArbitrary } from "../verify/sample.js";
import type { Trace } from "../verify/trace.js";
import type { Decision } from "../schemas/types/decision.v1.js";
import { GroupTable, keyOf, type Difference, type Group } from "./groups.js";
import { changedAspects, outcomeOf, pending, type Outcome } from "./outcome.js";
import { canonical } from "./settings.js";
import { unionAlphabet, type Version } from "./version.js";

export interface ExploreOptions {
  /** Longest one-session trace enumerated (events); undefined: as verify chooses (a larger bound is allowed too). */
  maxEvents?: number | undefined;
  /** Sampled traces of several sessions. */
  runs: number;
  seed: number;
}

/** A trace that shows a group's change: replay it with `simulate` under each version. */
export interface TraceExample {
  sessionId: string;
  records: Trace["records"];
  events: Trace["events"];
  /** The session's decision line as `simulate` prints it under each version (null: pending, no line). */
  before: Decision | null;
  after: Decision | null;
}

export interface BehaviourDiff {
  /** Distinct one-session traces run through both versions, and their longest. */
  enumerated: { traces: number; maxEvents: number };
  sampled: { runs: number; seed: number };
  /** Traces in which some session decides differently. */
  differing: number;
  groups: Group<TraceExample>[];
}

/**
 * Runs both versions on every one-session trace up to the bound over the union of their
 * alphabets (verify's enumeration and its reduction of starts to classes), then on sampled
 * traces of several sessions, and groups the sessions that decide differently.
 */
export function exploreBehaviour(a: Version, b: Version, options: ExploreOptions): BehaviourDiff {
  const alphabet = unionAlphabet(a, b);
  const bound = options.maxEvents ?? enumeratedEvents(alphabet);
  const ra = a.replayer();
  const rb = b.replayer();
  const table = new GroupTable<Trace & { sessionId: string }>();
  let traces = 0;
  let differing = 0;
  const run = (trace: Trace) => {
    const found = differences(a, b, ra.run(trace), rb.run(trace));
    if (found.length === 0) return;
    differing++;
    const keys = new Set<string>();
    for (const [sessionId, d] of found) {
      const key = keyOf(d);
      const size = trace.events.length * 16 + trace.records.length;
      table.add(d, size, () => ({ ...trace, sessionId }), !keys.has(key));
      keys.add(key);
    }
  };
  for (const trace of unionTraces(alphabet, a, b, options.maxEvents)) {
    traces++;
    run(trace);
  }
  if (options.runs > 0) {
    const both = fc.oneof(traceArbitrary({ ...a.policy, expectations: [] }, alphabet), traceArbitrary({ ...b.policy, expectations: [] }, alphabet));
    for (const trace of fc.sample(both, { numRuns: options.runs, seed: options.seed })) run(trace);
  }
  const groups = table.list().map((g) => ({ ...g, example: example(a, b, g) }));
  return { enumerated: { traces, maxEvents: bound }, sampled: { runs: options.runs, seed: options.seed }, differing, groups };
}

/**
 * Every enumerated trace of either version once: a start whose settings are the same in both
 * gets one enumeration; otherwise both (the CRMs and end times they meet can differ), without
 * repeats.
 */
function* unionTraces(alphabet: Alphabet, a: Version, b: Version, maxEvents: number | undefined): Generator<Trace> {
  const bound = maxEvents ?? Number.POSITIVE_INFINITY;
  for (const profile of alphabet.profiles) {
    const one = { ...alphabet, profiles: [profile] };
    if (effective(a.settings.for(profile)) === effective(b.settings.for(profile))) {
      for (const trace of enumerateTraces(one, a.settings, maxEvents)) if (trace.events.length <= bound) yield trace;
      continue;
    }
    const seen = new Set<string>();
    for (const trace of enumerateTraces(one, a.settings, maxEvents)) {
      if (trace.events.length > bound) continue;
      seen.add(JSON.stringify(trace));
      yield trace;
    }
    for (const trace of enumerateTraces(one, b.settings, maxEvents)) if (trace.events.length <= bound && !seen.has(JSON.stringify(trace))) yield trace;
  }
}

/** The settings a session runs under, as one text (the overrides as written are not among them). */
function effective(settings: ResolvedPolicy): string {
  const { overrides: _overrides, name: _name, ...rest } = settings;
  return canonical(rest);
}

/** The sessions of a trace that decide differently under the two versions. */
export function differences(a: Version, b: Version, ra: Run, rb: Run): [string, Difference][] {
  const oa = outcomes(ra);
  const ob = outcomes(rb);
  const out: [string, Difference][] = [];
  for (const [sessionId, session] of ra.sessions) {
    const before = oa.get(sessionId) ?? pending;
    const after = ob.get(sessionId) ?? pending;
    const aspects = changedAspects(before, after);
    if (aspects.length === 0) continue;
    const start = session.start;
    out.push([
      sessionId,
      {
        start,
        matches: { before: a.matches(start), after: b.matches(start) },
        settings: { before: a.settings.for(start), after: b.settings.for(start) },
        before,
        after,
        aspects,
      },
    ]);
  }
  return out;
}

/** Each session's first decision, record ids replaced by what they point at. */
function outcomes(run: Run): Map<string, Outcome> {
  const createdBy = new Map<string, string>();
  for (const d of run.decisions) if (d.decision === "create") createdBy.set(d.recordId, d.sessionId);
  const out = new Map<string, Outcome>();
  for (const d of run.decisions) if (!out.has(d.sessionId)) out.set(d.sessionId, outcomeOf(d, createdBy));
  return out;
}

/**
 * The group's example, made small and run again as `simulate` runs it (a fresh Decider, the
 * records given): events are dropped one at a time while the session still lands in the same
 * group; the decisions shown are those of the last run.
 */
function example(a: Version, b: Version, group: Group<Trace & { sessionId: string }>): TraceExample {
  const { sessionId } = group.example;
  const inGroup = (trace: Trace) => {
    const found = differences(a, b, replay(a.policy, a.settings, trace), replay(b.policy, b.settings, trace)).find(([id]) => id === sessionId);
    return found !== undefined && keyOf(found[1]) === group.key;
  };
  let trace: Trace = { records: group.example.records, events: group.example.events };
  if (inGroup(trace)) {
    for (let i = trace.events.length - 1; i >= 0; i--) {
      const event = trace.events[i];
      if (event === undefined || (event.type === "started" && event.sessionId === sessionId)) continue;
      const smaller = { records: trace.records, events: trace.events.filter((_, k) => k !== i) };
      if (inGroup(smaller)) trace = smaller;
    }
    for (let i = trace.records.length - 1; i >= 0; i--) {
      const smaller = { records: trace.records.filter((_, k) => k !== i), events: trace.events };
      if (inGroup(smaller)) trace = smaller;
    }
  }
  const decisionOf = (run: Run) => run.decisions.find((d) => d.sessionId === sessionId) ?? null;
  return {
    sessionId,
    records: trace.records,
    events: trace.events,
    before: decisionOf(replay(a.policy, a.settings, trace)),
    after: decisionOf(replay(b.policy, b.settings, trace)),
  };
}
