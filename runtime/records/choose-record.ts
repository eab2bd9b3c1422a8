import type { Crm, Settings } from "../../schemas/types/bundle.v1.js";
import { epochMs } from "../events/time.js";
import type { CrmRecord } from "./record-store.js";

const dayMs = 86_400_000;

/** Records are scanned at every decision of their end user: their times are parsed once. */
const parsed = new Map<string, number>();

function timeOf(at: string): number {
  let ms = parsed.get(at);
  if (ms === undefined) {
    if (parsed.size >= 16_384) parsed.clear();
    parsed.set(at, (ms = epochMs(at)));
  }
  return ms;
}

/**
 * The record a due session appends to, or undefined to create one (docs/semantics.md,
 * "Create or append"): the latest open record, else the latest closed within D days.
 * Records are oldest first, so on equal createdAt the later one wins.
 */
export function chooseRecord(records: readonly CrmRecord[], crm: Crm, settings: Settings, at: string): { record: CrmRecord; reopen: boolean } | undefined {
  let open: CrmRecord | undefined;
  let openTime = -Infinity;
  let closed: CrmRecord | undefined;
  let closedTime = -Infinity;
  const window = settings.closedWithinDays;
  const now = window === null ? 0 : epochMs(at);
  for (const record of records) {
    if (crm.neverUpdated.includes(record.status)) continue;
    const created = timeOf(record.createdAt);
    if (!crm.closedStatuses.includes(record.status)) {
      if (created >= openTime) {
        open = record;
        openTime = created;
      }
    } else if (window !== null && record.closedAt !== null && created >= closedTime && now - timeOf(record.closedAt) <= window * dayMs) {
      closed = record;
      closedTime = created;
    }
  }
  if (open !== undefined) return { record: open, reopen: false };
  if (closed !== undefined) return { record: closed, reopen: true };
  return undefined;
}

/** A status change made in the CRM, with closedAt kept as docs/semantics.md says. */
export function statusChange(record: CrmRecord, status: string, at: string, crm: Crm): { status: string; closedAt: string | null } {
  const wasClosed = crm.closedStatuses.includes(record.status);
  const isClosed = crm.closedStatuses.includes(status);
  if (!isClosed) return { status, closedAt: null };
  return { status, closedAt: wasClosed && record.closedAt !== null ? record.closedAt : at };
}
