import { domain, named, records, type Invariant } from "../property.js";
import { appendCandidates, latest } from "./append-candidates.js";

/** With append on, a known end user's record goes to the latest open record, else the latest closed within D days; created only when there is none. */
export const appendsToLatest: Invariant = {
  id: "appends-to-latest",
  title: "appends: to the latest open record of the end user and leaf queue, else the latest closed within D days; a new record only when there is none",
  quotes: [
    domain("the session is appended instead of creating a new record if the same end user has a record from exactly the same leaf queue that is **open**"),
    domain("The latest such record wins."),
    domain("Secondary option: if no open record exists, append to the latest record of that leaf queue **closed within the last D days**"),
  ],
  applies: (variants) => variants.some((v) => v.records.append.toOpenRecord),
  session(run) {
    if (!run.settings.records.append.toOpenRecord || run.start.endUser === undefined) return undefined;
    for (const { decision, recordsBefore } of records(run)) {
      if (decision.decision === "none") continue;
      const { open, recentlyClosed } = appendCandidates(run, recordsBefore, decision.at);
      const expected = latest(open) ?? latest(recentlyClosed);
      if (expected === undefined && decision.decision === "append") return `${named(run)} appended to \`${decision.recordId}\`, though no record matches`;
      if (expected !== undefined && (decision.decision !== "append" || decision.recordId !== expected.recordId))
        return `${named(run)} got ${decision.decision === "append" ? `an append to \`${decision.recordId}\`` : "a new record"}, not an append to \`${expected.recordId}\`, the latest that matches`;
    }
    return undefined;
  },
};
