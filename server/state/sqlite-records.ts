import type { Database, Statement } from "better-sqlite3";
import type { CrmRecord, RecordStore } from "@crm-policy/runtime";

interface Row {
  record_id: string;
  end_user: string | null;
  queue: string;
  status: string;
  created_at: string;
  closed_at: string | null;
}

/**
 * The runtime's RecordStore over the `records` table. New ids are `prefix-1`, `prefix-2`, …
 * like the simulator's, counted in the `meta` table so a restart goes on where it stopped.
 * Each call is one small statement inside the batch's transaction.
 */
export class SqliteRecordStore implements RecordStore {
  private readonly byOwner: Statement<[string, string], Row>;
  private readonly byId: Statement<[string], Row>;
  private readonly insert: Statement<[string, string | null, string, string, string, string | null]>;
  private readonly change: Statement<[string, string | null, string]>;
  private readonly exists: Statement<[string], { one: number }>;
  private readonly count: Statement<[string]>;
  private readonly counted: Statement<[], { value: string }>;

  constructor(
    db: Database,
    private readonly prefix: string,
  ) {
    this.byOwner = db.prepare("SELECT * FROM records WHERE end_user = ? AND queue = ? ORDER BY rowid");
    this.byId = db.prepare("SELECT * FROM records WHERE record_id = ?");
    this.insert = db.prepare("INSERT INTO records (record_id, end_user, queue, status, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?)");
    this.change = db.prepare("UPDATE records SET status = ?, closed_at = ? WHERE record_id = ?");
    this.exists = db.prepare("SELECT 1 AS one FROM records WHERE record_id = ?");
    this.count = db.prepare("INSERT INTO meta (key, value) VALUES ('records_created', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    this.counted = db.prepare("SELECT value FROM meta WHERE key = 'records_created'");
    this.created = Number(this.counted.get()?.value ?? "0");
  }

  recordsOf(endUser: string, queue: string): readonly CrmRecord[] {
    return this.byOwner.all(endUser, queue).map(toRecord);
  }

  get(recordId: string): CrmRecord | undefined {
    const row = this.byId.get(recordId);
    return row === undefined ? undefined : toRecord(row);
  }

  /** Records created so far, as stored in `meta` (kept in memory; read again after a rollback). */
  private created: number;

  rolledBack(): void {
    this.created = Number(this.counted.get()?.value ?? "0");
  }

  create(record: Omit<CrmRecord, "recordId">): string {
    let recordId: string;
    do recordId = `${this.prefix}-${++this.created}`;
    while (this.exists.get(recordId) !== undefined);
    this.count.run(String(this.created));
    this.add({ recordId, ...record });
    return recordId;
  }

  update(recordId: string, change: { status: string; closedAt: string | null }): void {
    this.change.run(change.status, change.closedAt, recordId);
  }

  add(record: CrmRecord): void {
    this.insert.run(
      record.recordId,
      typeof record.endUser === "string" ? record.endUser : null,
      record.queue,
      record.status,
      record.createdAt,
      record.closedAt,
    );
  }
}

function toRecord(row: Row): CrmRecord {
  const record: CrmRecord = { recordId: row.record_id, queue: row.queue, status: row.status, createdAt: row.created_at, closedAt: row.closed_at };
  if (row.end_user !== null) record.endUser = row.end_user;
  return record;
}
