import { jsonLines } from "../../verify/trace.js";
import type { Counterexample } from "../../verify/verify-policy.js";

/** A counterexample's records (when it has any), events and decisions, as labelled JSON lines. */
export function counterexampleLines(c: Counterexample): string[] {
  return [
    ...(c.trace.records.length > 0 ? ["records:", ...jsonLines(c.trace.records)] : []),
    "events:",
    ...jsonLines(c.trace.events),
    "decisions:",
    ...jsonLines(c.decisions),
  ];
}
