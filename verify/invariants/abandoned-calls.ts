import { named, records, type Invariant } from "../property.js";

/** Without records for abandoned calls and without the delay, a call that ends before assignment gets none. */
export const noRecordForCallsAbandonedEarly: Invariant = {
  id: "abandoned-call-no-record",
  title: "calls without records for abandoned calls: a call abandoned before assignment gets none",
  rule: "docs/domain.md: Default: the record is due when the call is **assigned**",
  applies: (variants) => variants.some((v) => !v.records.calls.createForAbandoned && !v.records.calls.delayUntilConnected),
  session(run) {
    const { calls } = run.settings.records;
    if (run.start.channel !== "voice" || calls.createForAbandoned || calls.delayUntilConnected) return undefined;
    if (!run.facts.ended || run.facts.assigned || records(run).length === 0) return undefined;
    return `${named(run)} ended before it was assigned, yet got a record`;
  },
};

/** Records for abandoned calls, no delay: every call that ends never connected has a record. */
export const recordForAbandonedCalls: Invariant = {
  id: "abandoned-call-record",
  title: "calls with records for abandoned calls (no delay): every abandoned call gets a record",
  rule: "docs/domain.md: `records for abandoned calls`: an abandoned call still gets a record, due when it ends",
  applies: (variants) => variants.some((v) => v.records.calls.createForAbandoned && !v.records.calls.delayUntilConnected),
  session(run) {
    const { calls } = run.settings.records;
    if (run.start.channel !== "voice" || !calls.createForAbandoned || calls.delayUntilConnected) return undefined;
    if (!run.facts.ended || run.facts.connected || records(run).length > 0) return undefined;
    return `${named(run)} was abandoned and got no record`;
  },
};
