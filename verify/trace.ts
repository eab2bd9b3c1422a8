import { escapeText } from "@crm-policy/runtime/toolchain";
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

const instants = new Map<string, number>();

/** The instant of an RFC 3339 time, in ms. Traces reuse a few times over and over: they are kept. */
export function instant(at: string): number {
  let ms = instants.get(at);
  if (ms === undefined) {
    ms = Date.parse(at);
    if (instants.size < 10_000) instants.set(at, ms);
  }
  return ms;
}

/**
 * One JSON object a line, as simulate reads them, safe to print: every character a terminal
 * would act on (the ones `escapeText` escapes: C1 controls, line separators, bidi overrides and
 * other format characters; JSON already escapes the rest) is written as a `\u` escape, so the
 * line parses to the same value and shows as it is.
 */
export function jsonLines(values: readonly unknown[]): string[] {
  return values.map((v) => terminalJson(JSON.stringify(v)));
}

/** How many events of each session: a trace's size as verify reports it. */
export function eventsPerSession(trace: Trace): number {
  const counts = new Map<string, number>();
  for (const e of trace.events) if (e.type !== "record.status") counts.set(e.sessionId, (counts.get(e.sessionId) ?? 0) + 1);
  return Math.max(0, ...counts.values());
}

function terminalJson(json: string): string {
  if (escapeText(json) === json) return json;
  let out = "";
  for (const char of json) out += escapeText(char) === char ? char : unitEscapes(char);
  return out;
}

/** `\u` escapes of a character's UTF-16 code units (two for a character outside the BMP). */
function unitEscapes(char: string): string {
  return Array.from({ length: char.length }, (_, i) => `\\u${char.charCodeAt(i).toString(16).padStart(4, "0")}`).join("");
}
