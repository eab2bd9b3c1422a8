import type { CrmRecord } from "../schemas/types/record.v1.js";
import type { SessionEvent } from "../schemas/types/session-event.v1.js";

/** Existing CRM records and an event log: what `crm-policy simulate` takes as `--records` and `--events`. */
export interface Trace {
  records: CrmRecord[];
  events: SessionEvent[];
}

/** Every generated trace starts here: 2026-11-20T10:00:00Z. */
export const t0 = Date.UTC(2026, 10, 20, 10, 0, 0);

export const second = 1000;
export const day = 86_400 * second;

const stamps = new Map<number, string>();

/** An RFC 3339 time, to the second when it is on one. Traces reuse a few times over and over: they are kept. */
export function stamp(ms: number): string {
  let text = stamps.get(ms);
  if (text === undefined) {
    const iso = new Date(ms).toISOString();
    text = ms % 1000 === 0 ? iso.slice(0, 19) + "Z" : iso;
    if (stamps.size < 10_000) stamps.set(ms, text);
  }
  return text;
}

/** One JSON object a line, as simulate reads them. */
export function jsonLines(values: readonly unknown[]): string[] {
  return values.map((v) => JSON.stringify(v));
}

/** How many events of each session: a trace's size as verify reports it. */
export function eventsPerSession(trace: Trace): number {
  const counts = new Map<string, number>();
  for (const e of trace.events) if (e.type !== "record.status") counts.set(e.sessionId, (counts.get(e.sessionId) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}
