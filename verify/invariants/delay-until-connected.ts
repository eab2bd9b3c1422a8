import { named, type Invariant } from "../property.js";

/** With `delayUntilConnected`, no call gets its record before it is connected. */
export const delayUntilConnected: Invariant = {
  id: "delay-until-connected",
  title: "calls with delay until connected: no record before `connected`",
  rule: "docs/domain.md: `delay until connected`: due when the call is **connected** instead",
  applies: (variants) => variants.some((v) => v.records.calls.delayUntilConnected),
  session(run) {
    if (run.start.channel !== "voice" || !run.settings.records.calls.delayUntilConnected) return undefined;
    const early = run.decisions.find((d) => d.decision.decision !== "none" && !d.facts.connected);
    return early === undefined ? undefined : `${named(run)} got a record at \`${early.decision.decision !== "none" ? early.decision.trigger : ""}\` before it was connected`;
  },
};
