import type { CrmRecord, RecordStore } from "./record-store.js";

/** An in-memory CRM: records indexed by end user and queue; new ids are `prefix-1`, `prefix-2`, … */
export class MemoryRecordStore implements RecordStore {
  private readonly byId = new Map<string, CrmRecord>();
  /** End user → leaf queue → records, oldest first: two lookups, no key string to build. */
  private readonly byOwner = new Map<string, Map<string, CrmRecord[]>>();
  private created = 0;

  constructor(
    records: Iterable<CrmRecord> = [],
    private readonly prefix = "sim",
  ) {
    for (const record of records) this.add({ ...record });
  }

  recordsOf(endUser: string, queue: string): readonly CrmRecord[] {
    return this.byOwner.get(endUser)?.get(queue) ?? none;
  }

  get(recordId: string): CrmRecord | undefined {
    return this.byId.get(recordId);
  }

  create(record: Omit<CrmRecord, "recordId">): string {
    let recordId: string;
    do recordId = `${this.prefix}-${++this.created}`;
    while (this.byId.has(recordId));
    this.add({ recordId, ...record });
    return recordId;
  }

  update(recordId: string, change: { status: string; closedAt: string | null }): void {
    const record = this.byId.get(recordId);
    if (record === undefined) return;
    record.status = change.status;
    record.closedAt = change.closedAt;
  }

  /** Every record, in the order added. */
  all(): CrmRecord[] {
    return [...this.byId.values()];
  }

  private add(record: CrmRecord): void {
    this.byId.set(record.recordId, record);
    if (typeof record.endUser !== "string") return;
    let queues = this.byOwner.get(record.endUser);
    if (queues === undefined) this.byOwner.set(record.endUser, (queues = new Map()));
    const list = queues.get(record.queue);
    if (list === undefined) queues.set(record.queue, [record]);
    else list.push(record);
  }
}

const none: readonly CrmRecord[] = [];
