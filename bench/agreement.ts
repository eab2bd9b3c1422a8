import { defaultCatalog } from "../compiler/model/catalog.js";
import { ReferenceInterpreter } from "../reference/interpreter.js";
import { MemoryRecordStore, Rejection, type CompiledPolicy, type Decision, type SessionEvent } from "@crm-policy/runtime";
import { handDecider, runtimeDecider } from "./deciders.js";
import { HandRejection } from "./hand-written/decider.js";
import { assertSameLines, lineOf } from "./lines.js";
import { benchPolicy } from "./policy.js";
import { RulesEngineDecider, type Kind } from "./rules-engine.js";
import type { Trace } from "./trace.js";

// Checks made before any timing: a variant that decides differently is not a baseline.

/** Before any timing: the hand-written decider gives exactly the runtime's line for every event. */
export function checkHandWritten(policy: CompiledPolicy, trace: Trace) {
  const runtime = runtimeDecider(policy, trace);
  const hand = handDecider(policy, trace);
  const counts = { sessions: 0, create: 0, append: 0, none: 0, rejected: 0 };
  trace.events.forEach((event, i) => {
    const before = runtime.inFlight;
    const a = one(runtime.receive(event));
    const b = hand.push(event);
    if (runtime.inFlight > before) counts.sessions++;
    const lineA = lineOf(a instanceof Rejection ? { rejected: true, reason: a.reason } : a);
    const lineB = lineOf(b instanceof HandRejection ? { rejected: true, reason: b.reason } : b);
    if (lineA !== lineB) throw new Error(`hand-written vs runtime: event ${i} differs:\n  ${lineA}\n  ${lineB}`);
    if (a instanceof Rejection) counts.rejected++;
    else if (a !== undefined) counts[a.decision]++;
  });
  return counts;
}

/** The reference interpreter decides the prefix exactly as the runtime (rejections by kind only). */
export function checkReference(policy: CompiledPolicy, trace: Trace, events: readonly SessionEvent[]): void {
  const catalog = defaultCatalog();
  const reference = new ReferenceInterpreter(benchPolicy, catalog, trace.records, policy.revision, { lateness: 0 });
  const runtime = runtimeDecider(policy, trace);
  const a: string[] = [];
  const b: string[] = [];
  for (const event of events) {
    const result = one(runtime.receive(event));
    a.push(result instanceof Rejection ? "rejected" : lineOf(result));
    const outcome = reference.receive(event).at(-1) ?? {};
    b.push("decision" in outcome ? JSON.stringify(outcome.decision) : "rejected" in outcome ? "rejected" : "");
  }
  assertSameLines("reference vs runtime", a, b);
}

/** json-rules-engine gives every session of the prefix the runtime's decision kind. */
export async function checkRulesEngine(policy: CompiledPolicy, trace: Trace, events: readonly SessionEvent[]): Promise<void> {
  const runtime = runtimeDecider(policy, trace);
  const rules = new RulesEngineDecider(new MemoryRecordStore(trace.records));
  const a: string[] = [];
  const b: string[] = [];
  for (const event of events) {
    a.push(kindOf(one(runtime.receive(event))));
    const kind: Kind | "rejected" | undefined = await rules.push(event);
    b.push(kind === undefined ? "" : kind === "rejected" ? "rejected" : `${kind.sessionId} ${kind.kind}`);
  }
  assertSameLines("json-rules-engine vs runtime (decision kinds)", a, b);
}

function kindOf(result: Decision | Rejection | undefined): string {
  if (result === undefined) return "";
  if (result instanceof Rejection) return "rejected";
  return `${result.sessionId} ${result.decision === "none" ? `none:${result.reason}` : result.decision}`;
}

/** The bench runs in order with no lateness: at most one outcome an event. */
function one(outcomes: readonly (Decision | Rejection)[]): Decision | Rejection | undefined {
  if (outcomes.length > 1) throw new Error(`one event gave ${outcomes.length} outcomes`);
  return outcomes[0];
}
