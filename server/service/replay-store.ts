import type { CrmRecord, RecordStore } from "@crm-policy/runtime";

/**
 * The record store the deciders see. While sessions are rebuilt from their stored events the
 * decisions they re-make are already in the outbox and their records already in the store, so
 * it then reads nothing and writes nothing; otherwise it passes every call through.
 */
export class ReplayStore implements RecordStore {
  replaying = false;

  constructor(private readonly store: RecordStore) {}

  recordsOf(endUser: string, queue: string): readonly CrmRecord[] {
    return this.replaying ? none : this.store.recordsOf(endUser, queue);
  }

  get(recordId: string): CrmRecord | undefined {
    return this.replaying ? undefined : this.store.get(recordId);
  }

  create(record: Omit<CrmRecord, "recordId">): string {
    return this.replaying ? "replayed" : this.store.create(record);
  }

  update(recordId: string, change: { status: string; closedAt: string | null }): void {
    if (!this.replaying) this.store.update(recordId, change);
  }
}

const none: readonly CrmRecord[] = [];
