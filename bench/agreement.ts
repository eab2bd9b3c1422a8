import { defaultCatalog } from "../compiler/model/catalog.js";
import { ReferenceInterpreter } from "../reference/interpreter.js";
import { MemoryRecordStore, Rejection, type CompiledPolicy, type Decision, type SessionEvent } from "@crm-policy/runtime";
import { handDecider, runtimeDecider, type Timing } from "./deciders.js";
import { HandRejection } from "./hand-written/decider.js";
import { assertSameLines, lineOf } from "./lines.js";
import { benchPolicy } from "./policy.js";
import { RulesEngineDecider, type Kind } from "./rules-engine.js";
import type { Trace } from "./trace.js";

// Checks made before any timing: a variant that decides differently is not a baseline.

/**
 * Before any timing: the hand-written decider gives exactly the runtime's outcomes, in order,
 * for every event of the trace and at the flush that ends it, under the same delivery rules.
 */
export function checkHandWritten(policy: CompiledPolicy, trace: Trace, timing: Timing = {}) {
  const runtime = runtimeDecider(policy, trace, timing);
  const hand = handDecider(policy, trace, timing);
  const counts = { sessions: 0, create: 0, append: 0, none: 0, rejected: 0 };
  const compare = (where: string, a: readonly (Decision | Rejection)[], b: readonly (Decision | HandRejection)[]) => {
    const linesA = a.map((o) => lineOf(o instanceof Rejection ? { rejected: true, reason: o.reason } : o)).join("\n  ");
    const linesB = b.map((o) => lineOf(o instanceof HandRejection ? { rejected: true, reason: o.reason } : o)).join("\n  ");
    if (linesA !== linesB) throw new Error(`hand-written vs runtime: ${where} differs:\n  ${linesA}\nvs\n  ${linesB}`);
    for (const o of a) {
      if (o instanceof Rejection) counts.rejected++;
      else counts[o.decision]++;
    }
  };
  trace.events.forEach((event, i) => compare(`event ${i}`, runtime.receive(event), hand.push(event)));
  compare("the flush", runtime.flush(), hand.flush());
  counts.sessions = runtime.sessionsStarted;
  return counts;
}

/** The reference interpreter decides the prefix exactly as the runtime (rejections by kind only). */
export function checkReference(policy: CompiledPolicy, trace: Trace, events: readonly SessionEvent[]): void {
  const catalog = defaultCatalog();
  const reference = new ReferenceInterpreter(benchPolicy, catalog, trace.records, policy.revision, inOrder);
  const runtime = runtimeDecider(policy, trace, inOrder);
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
  const runtime = runtimeDecider(policy, trace, inOrder);
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

/**
 * The reference interpreter and json-rules-engine are compared with no lateness (the rules
 * engine has none): each decision at the event that makes it, at most one outcome an event.
 */
export const inOrder = { lateness: 0 } as const;

/** With no lateness, at most one outcome an event. */
function one(outcomes: readonly (Decision | Rejection)[]): Decision | Rejection | undefined {
  if (outcomes.length > 1) throw new Error(`one event gave ${outcomes.length} outcomes`);
  return outcomes[0];
}
