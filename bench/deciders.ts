import { defaultCatalog } from "../compiler/model/catalog.js";
import type { ReferenceInterpreter } from "../reference/interpreter.js";
import { Decider, MemoryRecordStore, type CompiledPolicy, type DeciderOptions, type SessionEvent } from "@crm-policy/runtime";
import { HandWrittenDecider } from "./hand-written/decider.js";
import { timed } from "./measure.js";
import type { RulesEngineDecider } from "./rules-engine.js";
import type { Trace } from "./trace.js";

// The compared deciders, each built on a fresh copy of the trace's records, and one timed loop
// per kind of decider.

let sink = 0;

/** Delivery rules of a run: the runtime's defaults (lateness 30 s, sessions closed after a day) unless given. */
export type Timing = Pick<DeciderOptions, "lateness" | "maxSessionAge">;

export function runtimeDecider(policy: CompiledPolicy, trace: Trace, timing: Timing = {}): Decider {
  return new Decider(policy, new MemoryRecordStore(trace.records), timing);
}

export function handDecider(policy: CompiledPolicy, trace: Trace, timing: Timing = {}): HandWrittenDecider {
  const types = defaultCatalog().sessionTypes;
  const labels = new Map(types.filter((t) => t.channel === "voice").map((t) => [t.name, t.callType ?? t.name]));
  const chats = new Set(types.filter((t) => t.channel === "chat").map((t) => t.name));
  return new HandWrittenDecider(new MemoryRecordStore(trace.records), labels, chats, policy.revision, () => {}, timing.lateness, timing.maxSessionAge);
}

// Milliseconds to push `events` through a fresh decider (built outside the timing). One loop per
// decider class, so that neither shares a polymorphic call site with the other.
export function pushRuntime(decider: Decider, events: readonly SessionEvent[]): number {
  let results = 0;
  const ms = timed(() => {
    for (const event of events) results += decider.receive(event).length;
  });
  sink += results;
  return ms;
}

export function pushHand(decider: HandWrittenDecider, events: readonly SessionEvent[]): number {
  let results = 0;
  const ms = timed(() => {
    for (const event of events) results += decider.push(event).length;
  });
  sink += results;
  return ms;
}

export function applyAll(reference: ReferenceInterpreter, events: readonly SessionEvent[]): void {
  for (const event of events) for (const outcome of reference.receive(event)) if ("decision" in outcome) sink++;
}

export async function pushAllAsync(decider: RulesEngineDecider, events: readonly SessionEvent[]): Promise<void> {
  for (const event of events) if ((await decider.push(event)) !== undefined) sink++;
}

/** Keeps the results observable so no work is optimised away. */
export function decisionSink(): number {
  return sink;
}
