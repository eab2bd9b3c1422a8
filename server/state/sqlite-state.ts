import Sqlite, { type Database, type Statement } from "better-sqlite3";
import type { CrmRecord, Decision } from "@crm-policy/runtime";
import { layoutVersion, schema } from "./schema.sql.js";
import { SqliteRecordStore } from "./sqlite-records.js";
import type { OutboxEntry, StateStore, StoredSession } from "./state-store.js";

export interface SqliteStateOptions {
  /** A file path, or `:memory:` for throw-away state. */
  path: string;
  /** Prefix of the ids of records the runtime creates. */
  recordPrefix: string;
  /** How many ended sessions are kept to recognise redeliveries (the runtime's own memory). */
  keepEnded: number;
}

interface SessionRow {
  session_id: string;
  revision: string;
  started: string;
  ended_at: string | null;
}

/**
 * The state store on one SQLite file: WAL journal, `synchronous = FULL` so that a committed
 * batch survives a power cut and not only a crash of the process, one transaction per batch.
 */
export class SqliteStateStore implements StateStore {
  readonly records: SqliteRecordStore;
  private readonly db: Database;
  private readonly keepEnded: number;
  private readonly q: {
    unstart: Statement<[string]>;
    start: Statement<[string, string, string]>;
    event: Statement<[string, string]>;
    end: Statement<[string, number, string]>;
    dropEvents: Statement<[string]>;
    forget: Statement<[number]>;
    endedSeq: Statement<[], { seq: number | null }>;
    decide: Statement<[string, string]>;
    after: Statement<[number, number], { seq: number; decision: string }>;
    last: Statement<[], { seq: number | null }>;
    eventsOf: Statement<[string], { event: string }>;
  };

  constructor(options: SqliteStateOptions) {
    this.db = new Sqlite(options.path);
    this.keepEnded = options.keepEnded;
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > layoutVersion)
      throw new Error(`state database ${options.path} has layout ${version}; this crm-policy reads layout ${layoutVersion}: upgrade crm-policy`);
    if (options.path !== ":memory:") this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.exec(schema);
    this.db.pragma(`user_version = ${layoutVersion}`);
    this.records = new SqliteRecordStore(this.db, options.recordPrefix);
    const db = this.db;
    this.q = {
      unstart: db.prepare("DELETE FROM sessions WHERE session_id = ?"),
      start: db.prepare("INSERT INTO sessions (session_id, revision, started) VALUES (?, ?, ?)"),
      event: db.prepare("INSERT INTO session_events (session_id, event) VALUES (?, ?)"),
      end: db.prepare("UPDATE sessions SET ended_at = ?, ended_seq = ? WHERE session_id = ?"),
      dropEvents: db.prepare("DELETE FROM session_events WHERE session_id = ?"),
      forget: db.prepare("DELETE FROM sessions WHERE ended_seq = ?"),
      endedSeq: db.prepare("SELECT max(ended_seq) AS seq FROM sessions"),
      decide: db.prepare("INSERT INTO decisions (session_id, decision) VALUES (?, ?)"),
      after: db.prepare("SELECT seq, decision FROM decisions WHERE seq > ? ORDER BY seq LIMIT ?"),
      last: db.prepare("SELECT max(seq) AS seq FROM decisions"),
      eventsOf: db.prepare("SELECT event FROM session_events WHERE session_id = ? ORDER BY rowid"),
    };
    this.endedSeq = this.q.endedSeq.get()?.seq ?? 0;
  }

  /** The end order of the last ended session; kept in memory, read again when a batch rolls back. */
  private endedSeq: number;

  batch<T>(work: () => T): T {
    try {
      return this.db.transaction(work)();
    } catch (error) {
      this.endedSeq = this.q.endedSeq.get()?.seq ?? 0;
      this.records.rolledBack();
      throw error;
    }
  }

  sessionStarted(sessionId: string, revision: string, started: unknown): void {
    // A session id reused after its ended row was forgotten starts afresh.
    this.q.unstart.run(sessionId);
    this.q.start.run(sessionId, revision, JSON.stringify(started));
  }

  sessionEvent(sessionId: string, event: unknown): void {
    this.q.event.run(sessionId, JSON.stringify(event));
  }

  sessionEnded(sessionId: string, endedAt: string): void {
    const seq = ++this.endedSeq;
    this.q.end.run(endedAt, seq, sessionId);
    this.q.dropEvents.run(sessionId);
    // Sessions end one at a time, so exactly one falls out of memory: the runtime's ring, on disk.
    if (seq > this.keepEnded) this.q.forget.run(seq - this.keepEnded);
  }

  appendDecision(decision: Decision): number {
    return Number(this.q.decide.run(decision.sessionId, JSON.stringify(decision)).lastInsertRowid);
  }

  *sessions(): Iterable<StoredSession> {
    const ended = this.db.prepare("SELECT session_id, revision, started, ended_at FROM sessions WHERE ended_seq IS NOT NULL ORDER BY ended_seq");
    const live = this.db.prepare("SELECT session_id, revision, started, ended_at FROM sessions WHERE ended_seq IS NULL ORDER BY rowid");
    for (const statement of [ended, live]) {
      for (const row of statement.iterate() as Iterable<SessionRow>) {
        yield { sessionId: row.session_id, revision: row.revision, started: JSON.parse(row.started), endedAt: row.ended_at };
      }
    }
  }

  *sessionEvents(): Iterable<{ sessionId: string; event: unknown }> {
    const rows = this.db.prepare("SELECT session_id, event FROM session_events ORDER BY rowid").iterate() as Iterable<{ session_id: string; event: string }>;
    for (const row of rows) yield { sessionId: row.session_id, event: JSON.parse(row.event) };
  }

  eventsOf(sessionId: string): unknown[] {
    const started = this.db.prepare("SELECT started FROM sessions WHERE session_id = ? AND ended_seq IS NULL").get(sessionId) as
      | { started: string }
      | undefined;
    if (started === undefined) return [];
    return [JSON.parse(started.started) as unknown, ...this.q.eventsOf.all(sessionId).map((row) => JSON.parse(row.event) as unknown)];
  }

  decisionsAfter(after: number, limit: number): OutboxEntry[] {
    return this.q.after.all(after, limit).map((row) => ({ seq: row.seq, json: row.decision }));
  }

  lastSeq(): number {
    return this.q.last.get()?.seq ?? 0;
  }

  saveBundle(digest: string, text: string): void {
    this.db.prepare("INSERT INTO bundles (digest, text) VALUES (?, ?) ON CONFLICT (digest) DO NOTHING").run(digest, text);
  }

  bundleText(digest: string): string | undefined {
    return (this.db.prepare("SELECT text FROM bundles WHERE digest = ?").get(digest) as { text: string } | undefined)?.text;
  }

  seedRecords(records: readonly CrmRecord[]): boolean {
    return this.batch(() => {
      if (this.db.prepare("SELECT value FROM meta WHERE key = 'seeded'").get() !== undefined) return false;
      for (const record of records) this.records.add(record);
      this.db.prepare("INSERT INTO meta (key, value) VALUES ('seeded', ?)").run(String(records.length));
      return true;
    });
  }

  checkpoint(): void {
    this.db.pragma("wal_checkpoint(TRUNCATE)");
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
