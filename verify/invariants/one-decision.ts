import { domain, named, type Invariant } from "../property.js";

/** At most one decision per session, whatever is redelivered; exactly one once it has ended, made at or before its end. */
export const oneDecision: Invariant = {
  id: "one-decision",
  title: "at most one decision per session, exactly one once it has ended",
  quotes: [
    domain("When a record is due (at most once per session)"),
    { source: "docs/semantics.md", text: "Each session gets exactly one decision, at the event that decides it" },
  ],
  applies: () => true,
  session(run, all) {
    const stray = all.strays[0];
    if (stray !== undefined) return `a decision for session \`${stray.sessionId}\`, which never started`;
    if (run.decisions.length > 1) return `${named(run)} got ${run.decisions.length} decisions`;
    if (run.facts.ended && run.decisions.length === 0) return `${named(run)} ended without a decision`;
    const [only] = run.decisions;
    const ended = run.index.ended;
    if (only !== undefined && ended !== undefined && only.event > ended)
      return `${named(run)} was decided at event ${only.event + 1}, after it ended at event ${ended + 1}`;
    return undefined;
  },
};
