import type { CrmRecord } from "../../schemas/types/record.v1.js";

export type { CrmRecord };

/**
 * The caller's CRM, as the runtime sees it. Services implement it over their CRM (usually a
 * cache of open and recently closed records); the simulator and tests use MemoryRecordStore.
 * Calls are synchronous so that a decision is made within the event that triggers it.
 */
export interface RecordStore {
  /** Records of this end user created from exactly this leaf queue, any status, oldest first. */
  recordsOf(endUser: string, queue: string): readonly CrmRecord[];
  /** The record with this id, for status changes made in the CRM. */
  get(recordId: string): CrmRecord | undefined;
  /** Creates a record and returns its id. */
  create(record: Omit<CrmRecord, "recordId">): string;
  /** Sets a record's status and closedAt. */
  update(recordId: string, change: { status: string; closedAt: string | null }): void;
}
