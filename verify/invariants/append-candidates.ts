import type { CrmRecord } from "../../schemas/types/record.v1.js";
import type { SessionRun } from "../observe.js";
import { day } from "../trace.js";

/**
 * The records a session may append to at `decidedAt` (docs/semantics.md, "Create or append",
 * steps 1–3): of its end user and leaf queue, in a status the CRM updates; open ones, and those
 * closed within D days.
 */
export function appendCandidates(run: SessionRun, before: readonly CrmRecord[], decidedAt: string): { open: CrmRecord[]; recentlyClosed: CrmRecord[] } {
  const { crm, records: settings } = run.settings;
  const mine = before.filter((r) => r.endUser === run.start.endUser && r.queue === run.start.queue && !crm.neverUpdated.includes(r.status));
  const days = settings.append.closedWithinDays;
  return {
    open: mine.filter((r) => !crm.closedStatuses.includes(r.status)),
    recentlyClosed: mine.filter(
      (r) => crm.closedStatuses.includes(r.status) && days !== null && r.closedAt !== null && Date.parse(decidedAt) - Date.parse(r.closedAt) <= days * day,
    ),
  };
}

/** The latest record: greatest createdAt, on a tie the one added last. */
export function latest(list: readonly CrmRecord[]): CrmRecord | undefined {
  return list.reduce<CrmRecord | undefined>((best, r) => (best === undefined || Date.parse(r.createdAt) >= Date.parse(best.createdAt) ? r : best), undefined);
}
