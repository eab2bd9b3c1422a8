import { domain, named, records, type Invariant } from "../property.js";

/** With `delayUntilConnected`, a call's record is decided at its `connected`: never before, and always there. */
export const delayUntilConnected: Invariant = {
  id: "delay-until-connected",
  title: "calls with delay until connected: no record before `connected`, and a connected call's record at its `connected`",
  quotes: [domain("`delay until connected`: due when the call is **connected** instead.")],
  applies: (variants) => variants.some((v) => v.records.calls.delayUntilConnected),
  session(run) {
    if (run.start.channel !== "voice" || !run.settings.records.calls.delayUntilConnected) return undefined;
    const connected = run.index.connected;
    for (const d of records(run)) {
      if (!d.facts.connected) return `${named(run)} got a record at \`${d.decision.decision !== "none" ? d.decision.trigger : ""}\` before it was connected`;
      if (d.event !== connected || d.decision.decision === "none" || d.decision.trigger !== "connected")
        return `${named(run)} got a record at event ${d.event + 1}, not at its \`connected\` (event ${(connected ?? 0) + 1})`;
    }
    if (connected !== undefined && !records(run).some((d) => d.event === connected))
      return `${named(run)} was connected at event ${connected + 1} but got no record there`;
    return undefined;
  },
};
