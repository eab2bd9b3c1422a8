import { Decider, type CompiledPolicy, type CrmRecord, type RecordStore } from "@crm-policy/runtime";
import { num, type Row } from "./table.js";
import { syntheticTrace } from "./trace.js";

const events = 1_000_000;
const neverEnding = 0.1;
const maxSessionAge = 3_600_000;
const samples = 5;

/** A CRM elsewhere: the decider's own memory is measured, not the simulated CRM's records. */
class ElsewhereStore implements RecordStore {
  private created = 0;
  recordsOf(): readonly CrmRecord[] {
    return [];
  }
  get(): CrmRecord | undefined {
    return undefined;
  }
  create(): string {
    return `crm-${++this.created}`;
  }
  update(): void {}
}

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc");
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Memory with sessions that never end: the runtime (default lateness, sessions closed after an
 * hour with no `ended`) decides a 1,000,000-event trace in which 10% of sessions never get their
 * `ended`; the heap after gc and the sessions in flight are sampled as it goes. Flat: the last
 * sample is within 10% of the first (taken once the first hour of the trace has passed).
 */
export function flatMemoryRows(policy: CompiledPolicy, log: (line: string) => void): Row[] {
  const trace = syntheticTrace(events, 20_261_120, 1_000, neverEnding);
  const decider = new Decider(policy, new ElsewhereStore(), { maxSessionAge });
  const every = events / samples;
  const heap: number[] = [];
  const inFlight: number[] = [];
  let decisions = 0;
  trace.events.forEach((event, i) => {
    decisions += decider.receive(event).length;
    if ((i + 1) % every === 0) {
      heap.push(heapAfterGc());
      inFlight.push(decider.inFlight);
    }
  });
  decisions += decider.flush().length;
  const mb = (bytes: number) => `${num(bytes / 1_048_576, 1)} MB`;
  log(
    `never-ending sessions: heap after gc every ${num(every)} events: ${heap.map(mb).join(", ")}; in flight: ${inFlight.map((n) => num(n)).join(", ")}; ${num(decider.sessionsStarted)} sessions, ${num(decisions)} outcomes`,
  );
  const first = heap[0]!;
  const last = heap[heap.length - 1]!;
  return [
    {
      measure: `heap after gc, runtime on a ${num(events)}-event trace with ${neverEnding * 100}% of sessions never ending (lateness 30 s, maxSessionAge 1 h): at ${num(every)} events → at ${num(events)}`,
      value: `${mb(first)} → ${mb(last)}`,
      baseline: "–",
      ratio: (last / first).toFixed(2) + "x",
      target: "flat (≤ 1.10x)",
      met: last <= first * 1.1,
    },
    {
      measure: `  sessions in flight at the same points`,
      value: `${num(inFlight[0]!)} → ${num(inFlight[inFlight.length - 1]!)}`,
      baseline: "–",
      ratio: "–",
      target: "–",
      met: undefined,
    },
  ];
}
