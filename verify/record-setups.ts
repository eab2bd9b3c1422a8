import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { CrmRecord } from "../schemas/types/record.v1.js";
import type { StartProfile } from "./alphabet.js";
import { day, second, stamp, t0 } from "./trace.js";

/** A queue no session comes from. */
export const otherQueue = "Elsewhere";

/**
 * The CRMs one session of enumeration meets: none, and for an end user who can be appended to
 * one record each of the kinds the append rule tells apart: open; closed just within D days,
 * closed just before them; in a status the CRM never updates; open but from another leaf queue.
 */
export function recordSetups(start: StartProfile, settings: ResolvedPolicy): CrmRecord[][] {
  const { endUser, queue } = start;
  if (endUser === undefined) return [[]];
  const { crm } = settings;
  const record = (status: string, closedAgo: number | null, on = queue): CrmRecord[] => [
    {
      recordId: "R1",
      endUser,
      queue: on,
      status,
      createdAt: stamp(t0 - (closedAgo ?? 0) - 2 * day),
      closedAt: closedAgo === null ? null : stamp(t0 - closedAgo),
    },
  ];
  const open = record(crm.newStatus, null);
  if (!settings.records.append.toOpenRecord) return [[], open];
  const setups = [[], open, record(crm.newStatus, null, otherQueue)];
  const closed = crm.closedStatuses.find((s) => !crm.neverUpdated.includes(s));
  const days = settings.records.append.closedWithinDays;
  if (closed !== undefined) {
    if (days === null) setups.push(record(closed, 3600 * second));
    else setups.push(record(closed, days * day - 60 * second), record(closed, days * day + second));
  }
  const frozen = crm.neverUpdated[0];
  if (frozen !== undefined) setups.push(record(frozen, 3600 * second));
  return setups;
}
