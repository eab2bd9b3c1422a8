import { Decider, MemoryRecordStore, type CompiledPolicy } from "@crm-policy/runtime";
import { median } from "./measure.js";
import { Prng } from "./prng.js";
import { num, type Row } from "./table.js";

const sessions = 100_000;
const rounds = 3;

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error("run with node --expose-gc");
  gc();
  gc();
}

/** The JSON lines of a session's `started` and `assigned` events, as a service receives them. */
export function sessionLines(rng: Prng, i: number): [string, string] {
  const at = new Date(Date.UTC(2026, 10, 20, 8) + i * 50).toISOString().slice(0, 19) + "Z";
  const voice = rng.chance(0.55);
  const sessionId = `${voice ? "call" : "chat"}-${(i * 7919).toString(36)}-${i}`;
  const started = voice
    ? {
        type: "started",
        sessionId,
        at,
        channel: "voice",
        sessionType: "Voice Inbound (IVR)",
        queue: "Support/Billing",
        menuPath: "Support > Billing",
        phoneNumber: `+1415555${String(rng.int(10_000)).padStart(4, "0")}`,
        language: "en",
        endUser: `user-${rng.int(20_000)}`,
      }
    : {
        type: "started",
        sessionId,
        at,
        channel: "chat",
        sessionType: "Messaging Inbound (Web Chat)",
        queue: "Chat/Support",
        language: "de",
        endUser: `user-${rng.int(20_000)}`,
      };
  return [JSON.stringify(started), JSON.stringify({ type: "assigned", sessionId, at, agent: `agent-${rng.int(300)}` })];
}

/**
 * Row 4c: heap per in-flight session. 100,000 sessions get `started` and `assigned` (parsed from
 * JSON, then dropped by the caller, as in a service) and are left in flight; the heap grows by
 * what the Decider keeps. A second run keeps the events alive outside the Decider, to show how
 * much of that is the retained `started` event and how much the Decider's own structures.
 */
export function memoryRows(policy: CompiledPolicy): Row[] {
  const totals: number[] = [];
  const own: number[] = [];
  for (let r = 0; r < rounds; r++) {
    totals.push(retainedPerSession(policy));
    own.push(structuresPerSession(policy));
  }
  const total = median(totals);
  const structures = median(own);
  return [
    {
      measure: `heap per in-flight session (${num(sessions)} sessions started + assigned; events parsed from JSON, kept only by the Decider)`,
      value: `${num(total)} bytes`,
      baseline: "–",
      ratio: "–",
      target: "< 300 bytes",
      met: total < 300,
    },
    {
      measure: "  of which the Decider's own structures (the same, with the events kept alive outside it)",
      value: `${num(structures)} bytes`,
      baseline: "–",
      ratio: "–",
      target: "–",
      met: undefined,
    },
  ];
}

/** Heap growth per session when the Decider alone keeps what it needs of the events. */
function retainedPerSession(policy: CompiledPolicy): number {
  const decider = new Decider(policy, new MemoryRecordStore());
  const rng = new Prng(11);
  collect();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < sessions; i++) {
    const [started, assigned] = sessionLines(rng, i);
    decider.receive(JSON.parse(started));
    decider.receive(JSON.parse(assigned));
  }
  collect();
  const total = (process.memoryUsage().heapUsed - before) / sessions;
  if (decider.inFlight !== sessions) throw new Error(`${decider.inFlight} sessions in flight, not ${sessions}`);
  return total;
}

/** Heap growth per session with the events kept alive outside the Decider: its own structures. */
function structuresPerSession(policy: CompiledPolicy): number {
  const rng = new Prng(11);
  const events: unknown[] = [];
  for (let i = 0; i < sessions; i++) for (const line of sessionLines(rng, i)) events.push(JSON.parse(line));
  const decider = new Decider(policy, new MemoryRecordStore());
  collect();
  const before = process.memoryUsage().heapUsed;
  for (const event of events) decider.receive(event);
  collect();
  const structures = (process.memoryUsage().heapUsed - before) / sessions;
  if (decider.inFlight !== sessions || events.length !== 2 * sessions) throw new Error("sessions lost");
  return structures;
}
