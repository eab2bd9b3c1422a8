import { named, type Invariant } from "../property.js";

/** At most one decision per session, whatever is redelivered; exactly one once it has ended. */
export const oneDecision: Invariant = {
  id: "one-decision",
  title: "at most one decision per session, exactly one once it has ended",
  rule: "docs/domain.md: When a record is due (at most once per session); semantics.md: Each session gets exactly one decision",
  applies: () => true,
  session(run, all) {
    const stray = all.strays[0];
    if (stray !== undefined) return `a decision for session \`${stray.sessionId}\`, which never started`;
    if (run.decisions.length > 1) return `${named(run)} got ${run.decisions.length} decisions`;
    if (run.facts.ended && run.decisions.length === 0) return `${named(run)} ended without a decision`;
    return undefined;
  },
};
