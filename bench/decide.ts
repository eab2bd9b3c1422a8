import { defaultCatalog } from "../compiler/model/catalog.js";
import { ReferenceInterpreter } from "../reference/interpreter.js";
import { MemoryRecordStore, type CompiledPolicy } from "@crm-policy/runtime";
import { checkHandWritten, checkReference, checkRulesEngine, inOrder } from "./agreement.js";
import { applyAll, handDecider, pushAllAsync, pushHand, pushRuntime, runtimeDecider } from "./deciders.js";
import { get, interleaved, timed, timedAsync } from "./measure.js";
import { benchPolicy } from "./policy.js";
import { RulesEngineDecider } from "./rules-engine.js";
import { num, perSecond, times, type Row } from "./table.js";
import type { Trace } from "./trace.js";

/** Rounds per comparison, and the prefixes the slow variants run on. */
const fullRounds = 5;
const slowRounds = 3;
const referencePrefix = 20_000;
const rulesPrefix = 20_000;

/** Row 1: the runtime against hand-written code, the reference interpreter and json-rules-engine. */
export async function decisionRows(policy: CompiledPolicy, trace: Trace, log: (line: string) => void): Promise<Row[]> {
  const { events } = trace;
  const summary = checkHandWritten(policy, trace);
  log(
    `trace: ${num(events.length)} events, ${num(summary.sessions)} sessions; runtime decisions: ${num(summary.create)} create, ${num(summary.append)} append, ${num(summary.none)} none, ${num(summary.rejected)} rejected; hand-written agrees on every outcome (lateness 30 s, sessions closed after a day)`,
  );

  const full = await interleaved(fullRounds, [
    { name: "runtime", round: () => pushRuntime(runtimeDecider(policy, trace), events) },
    { name: "hand", round: () => pushHand(handDecider(policy, trace), events) },
  ]);

  const refEvents = events.slice(0, referencePrefix);
  checkReference(policy, trace, refEvents);
  const catalog = defaultCatalog();
  const ref = await interleaved(slowRounds, [
    { name: "runtime", round: () => pushRuntime(runtimeDecider(policy, trace, inOrder), refEvents) },
    {
      name: "reference",
      round: () => timed(() => applyAll(new ReferenceInterpreter(benchPolicy, catalog, trace.records, policy.revision, inOrder), refEvents)),
    },
  ]);

  const rulesEvents = events.slice(0, rulesPrefix);
  await checkRulesEngine(policy, trace, rulesEvents);
  const rules = await interleaved(slowRounds, [
    { name: "runtime", round: () => pushRuntime(runtimeDecider(policy, trace, inOrder), rulesEvents) },
    { name: "hand", round: () => pushHand(handDecider(policy, trace, inOrder), rulesEvents) },
    { name: "rules", round: () => timedAsync(() => pushAllAsync(new RulesEngineDecider(new MemoryRecordStore(trace.records)), rulesEvents)) },
  ]);

  const runtimeMs = get(full, "runtime");
  const handMs = get(full, "hand");
  const slowdown = runtimeMs / handMs;
  const vsReference = get(ref, "reference") / get(ref, "runtime");
  const vsRules = get(rules, "rules") / get(rules, "runtime");
  const handVsRules = get(rules, "rules") / get(rules, "hand");
  return [
    {
      measure: `runtime decisions, ${num(events.length)}-event trace (baseline: hand-written; ratio: runtime time ÷ hand-written time)`,
      value: perSecond(events.length, runtimeMs, "events"),
      baseline: perSecond(events.length, handMs, "events"),
      ratio: times(slowdown),
      target: "≤ 1.50x",
      met: slowdown <= 1.5,
    },
    {
      measure: `runtime vs reference interpreter, first ${num(refEvents.length)} events (ratio: speed-up)`,
      value: perSecond(refEvents.length, get(ref, "runtime"), "events"),
      baseline: perSecond(refEvents.length, get(ref, "reference"), "events"),
      ratio: times(vsReference),
      target: "–",
      met: undefined,
    },
    {
      measure: `runtime vs json-rules-engine 7, first ${num(rulesEvents.length)} events (ratio: speed-up)`,
      value: perSecond(rulesEvents.length, get(rules, "runtime"), "events"),
      baseline: perSecond(rulesEvents.length, get(rules, "rules"), "events"),
      ratio: times(vsRules),
      target: "≥ 1,000x",
      met: vsRules >= 1000,
    },
    {
      measure: `  for scale: hand-written vs json-rules-engine 7, same ${num(rulesEvents.length)} events (ratio: speed-up)`,
      value: perSecond(rulesEvents.length, get(rules, "hand"), "events"),
      baseline: perSecond(rulesEvents.length, get(rules, "rules"), "events"),
      ratio: times(handVsRules),
      target: "–",
      met: undefined,
    },
  ];
}
