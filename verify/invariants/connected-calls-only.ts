import { domain, named, records, type Invariant } from "../property.js";

/** The headline rule: delay until connected plus records for abandoned calls gives records to connected calls only. */
export const connectedCallsOnly: Invariant = {
  id: "connected-calls-only",
  title: "calls with delay until connected and records for abandoned calls: only connected calls get a record",
  quotes: [domain("Combined 2 + 3: only calls connected to an agent get a record.")],
  applies: (variants) => variants.some((v) => v.records.calls.delayUntilConnected && v.records.calls.createForAbandoned),
  session(run) {
    const { calls } = run.settings.records;
    if (run.start.channel !== "voice" || !calls.delayUntilConnected || !calls.createForAbandoned) return undefined;
    const early = records(run).find((d) => !d.facts.connected);
    return early === undefined ? undefined : `${named(run)} got a record but was not connected when it was decided`;
  },
};
