import type { Decision } from "../schemas/types/decision.v1.js";
import type { Aspect } from "./rules.js";

/**
 * What was decided for one session, without the simulated CRM's numbering: a created record is
 * "new", an append names the record it went to — an existing record by its id, one created in
 * the same replay as the record of the session that created it. Two versions that decide the
 * same for every session give equal outcomes, whatever ids the CRM handed out.
 */
export interface Outcome {
  decision: Decision["decision"] | "pending";
  trigger: string;
  reason: string;
  at: string;
  record: string;
  status: string;
  reopened: boolean;
  title: string;
  tags: readonly string[];
}

export const pending: Outcome = { decision: "pending", trigger: "", reason: "", at: "", record: "", status: "", reopened: false, title: "", tags: [] };

/** Created records of one replay, by id: the session that created each. */
export type CreatedBy = ReadonlyMap<string, string>;

export function outcomeOf(d: Decision, createdBy: CreatedBy): Outcome {
  switch (d.decision) {
    case "create":
      return { decision: "create", trigger: d.trigger, reason: "", at: d.at, record: "new", status: d.status, reopened: false, title: d.title, tags: d.tags };
    case "append": {
      const creator = createdBy.get(d.recordId);
      return {
        decision: "append",
        trigger: d.trigger,
        reason: "",
        at: d.at,
        record: creator === undefined ? d.recordId : `the record of session ${creator}`,
        status: d.status,
        reopened: d.reopened,
        title: "",
        tags: d.tags,
      };
    }
    case "none":
      return { decision: "none", trigger: "", reason: d.reason, at: d.at, record: "", status: "", reopened: false, title: "", tags: [] };
  }
}

/**
 * The parts of the decision that differ; empty when the session decides the same. A different
 * kind of decision (create, append, none, pending) says it all; a different trigger implies a
 * different time.
 */
export function changedAspects(a: Outcome, b: Outcome): Aspect[] {
  if (kind(a.decision) !== kind(b.decision)) return ["decision"];
  const out: Aspect[] = [];
  if (a.trigger !== b.trigger || a.reason !== b.reason) out.push("decision");
  if (a.at !== b.at && a.trigger === b.trigger) out.push("time");
  if (a.decision !== b.decision || a.record !== b.record) out.push("record");
  if (a.status !== b.status || a.reopened !== b.reopened) out.push("status");
  if (a.title !== b.title) out.push("title");
  if (a.tags.length !== b.tags.length || a.tags.some((t, i) => t !== b.tags[i])) out.push("tags");
  return out;
}

/** What a reviewer asks first: does the session get a record? Create or append is the CRM's business (aspect `record`). */
export type Kind = "record" | "none" | "pending";

export function kind(decision: Outcome["decision"]): Kind {
  return decision === "create" || decision === "append" ? "record" : decision;
}

/** `record (assigned)`, `none (abandoned_call)`, `pending`. */
export function showOutcome(o: { decision: Outcome["decision"] | Kind; trigger: string; reason: string }): string {
  if (o.decision === "pending") return "pending";
  return o.decision === "none" ? `none (${o.reason})` : `record (${o.trigger})`;
}
