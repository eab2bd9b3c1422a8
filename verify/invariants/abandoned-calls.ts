import { domain, named, records, type Invariant } from "../property.js";

/** Without records for abandoned calls and without the delay, a call that ends before assignment gets `none` / `abandoned_call`. */
export const noRecordForCallsAbandonedEarly: Invariant = {
  id: "abandoned-call-no-record",
  title: "calls without records for abandoned calls: a call abandoned before assignment gets none",
  quotes: [
    domain("`records for abandoned calls`: an abandoned call still gets a record, due when it ends (unless one was already due earlier, e.g. at assignment)."),
  ],
  applies: (variants) => variants.some((v) => !v.records.calls.createForAbandoned && !v.records.calls.delayUntilConnected),
  session(run) {
    const { calls } = run.settings.records;
    if (run.start.channel !== "voice" || calls.createForAbandoned || calls.delayUntilConnected) return undefined;
    if (!run.facts.ended || run.facts.assigned) return undefined;
    if (records(run).length > 0) return `${named(run)} ended before it was assigned, yet got a record`;
    const reason = run.decisions.find((d) => d.decision.decision === "none" && d.decision.reason !== "abandoned_call");
    if (reason !== undefined && reason.decision.decision === "none")
      return `${named(run)} ended before it was assigned and got \`none\` for \`${reason.decision.reason}\`, not \`abandoned_call\``;
    if (run.decisions.length === 0) return `${named(run)} ended before it was assigned without a decision`;
    return undefined;
  },
};

/** Records for abandoned calls, no delay: every call that ends never connected has a record. */
export const recordForAbandonedCalls: Invariant = {
  id: "abandoned-call-record",
  title: "calls with records for abandoned calls (no delay): every abandoned call gets a record",
  quotes: [
    domain("`records for abandoned calls`: an abandoned call still gets a record, due when it ends (unless one was already due earlier, e.g. at assignment)."),
  ],
  applies: (variants) => variants.some((v) => v.records.calls.createForAbandoned && !v.records.calls.delayUntilConnected),
  session(run) {
    const { calls } = run.settings.records;
    if (run.start.channel !== "voice" || !calls.createForAbandoned || calls.delayUntilConnected) return undefined;
    if (!run.facts.ended || run.facts.connected || records(run).length > 0) return undefined;
    return `${named(run)} was abandoned and got no record`;
  },
};
