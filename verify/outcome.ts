import type { OutcomeValues } from "@crm-policy/runtime/toolchain";
import { endedWithin, type SessionRun } from "./observe.js";

/**
 * What an ended session came to, as an `expect`'s `always` reads it (docs/conditions.md,
 * "Outcome attributes"). Undefined unless the session ended with exactly one decision.
 */
export function outcomeOf(run: SessionRun): OutcomeValues | undefined {
  const [only, ...more] = run.decisions;
  if (!run.facts.ended || only === undefined || more.length > 0) return undefined;
  const d = only.decision;
  const abandoned = !run.facts.connected;
  const chat = run.start.channel === "chat";
  return {
    decision: d.decision,
    trigger: d.decision === "none" ? "" : d.trigger,
    reason: d.decision === "none" ? d.reason : "",
    assigned: run.facts.assigned,
    connected: run.facts.connected,
    abandoned,
    shortAbandoned: chat && abandoned && endedWithin(run, run.settings.records.chats.shortAbandonSeconds),
    consumerMessages: run.facts.consumerMessages,
    appendedTo: d.decision === "append" ? d.recordId : "",
  };
}
