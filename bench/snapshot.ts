import { Decider, MemoryRecordStore, type CompiledPolicy } from "@crm-policy/runtime";
import { sessionLines } from "./memory.js";
import { median, timed } from "./measure.js";
import { Prng } from "./prng.js";
import { num, times, type Row } from "./table.js";

const sessions = 100_000;
const rounds = 3;

/**
 * Rows 4d: a decider with 100,000 sessions in flight (started + assigned, as for the heap rows)
 * saved with `snapshot()` + JSON.stringify and brought back with JSON.parse + `Decider.restore`.
 * Baseline: JSON.stringify / JSON.parse of the sessions' `started` events alone, the least a
 * service could persist to replay them.
 */
export function snapshotRows(policy: CompiledPolicy): Row[] {
  const decider = new Decider(policy, new MemoryRecordStore());
  const rng = new Prng(11);
  const starts: unknown[] = [];
  for (let i = 0; i < sessions; i++) {
    const [started, assigned] = sessionLines(rng, i);
    starts.push(JSON.parse(started));
    decider.receive(JSON.parse(started));
    decider.receive(JSON.parse(assigned));
  }
  if (decider.inFlight !== sessions) throw new Error(`${decider.inFlight} sessions in flight, not ${sessions}`);
  let text = "";
  let eventsText = "";
  const save: number[] = [];
  const saveBase: number[] = [];
  const load: number[] = [];
  const loadBase: number[] = [];
  for (let r = 0; r < rounds; r++) {
    save.push(timed(() => (text = JSON.stringify(decider.snapshot()))));
    saveBase.push(timed(() => (eventsText = JSON.stringify(starts))));
    let restored: Decider | undefined;
    load.push(timed(() => (restored = Decider.restore(policy, JSON.parse(text), new MemoryRecordStore()))));
    loadBase.push(timed(() => JSON.parse(eventsText)));
    if (restored?.inFlight !== sessions) throw new Error("restore lost sessions");
  }
  const [s, sb, l, lb] = [median(save), median(saveBase), median(load), median(loadBase)];
  const perSession = (ms: number) => `${num((ms * 1000) / sessions, 2)} µs/session`;
  return [
    {
      measure: `snapshot of ${num(sessions)} in-flight sessions: snapshot() + JSON.stringify (baseline: stringify the started events)`,
      value: `${num(s)} ms, ${perSession(s)}`,
      baseline: `${num(sb)} ms`,
      ratio: times(s / sb),
      target: "–",
      met: undefined,
    },
    {
      measure: `  its size (baseline: the started events as JSON)`,
      value: `${num(text.length / sessions)} bytes/session`,
      baseline: `${num(eventsText.length / sessions)} bytes/session`,
      ratio: times(text.length / eventsText.length),
      target: "–",
      met: undefined,
    },
    {
      measure: `restore of the same: JSON.parse + Decider.restore (baseline: parse the started events)`,
      value: `${num(l)} ms, ${perSession(l)}`,
      baseline: `${num(lb)} ms`,
      ratio: times(l / lb),
      target: "–",
      met: undefined,
    },
  ];
}
