import type { CrmRecord, Decision, RecordStore } from "@crm-policy/runtime";

/** One decision in the outbox, as stored: its sequence number and its JSON text. */
export interface OutboxEntry {
  seq: number;
  json: string;
}

/** A session the store holds: in flight (events so far), or recently ended (its end time). */
export interface StoredSession {
  sessionId: string;
  /** Digest of the bundle revision the session started under. */
  revision: string;
  started: unknown;
  endedAt: string | null;
}

/**
 * Everything the service must not lose, behind one interface so that another database (one
 * shared by several instances) can follow. Writes happen inside `batch`: all of them commit
 * together, or none do. Reads see the committed state plus the current batch's writes.
 */
export interface StateStore {
  /** The runtime's CRM records, in the same database and transaction as everything else. */
  readonly records: RecordStore;
  /** Runs `work` as one transaction; an exception rolls every write of it back and is rethrown. */
  batch<T>(work: () => T): T;

  /** A session started under a revision; `started` is its first event. */
  sessionStarted(sessionId: string, revision: string, started: unknown): void;
  /** A later accepted event of an in-flight session, kept to rebuild the session on restart. */
  sessionEvent(sessionId: string, event: unknown): void;
  /** The session ended; its events are dropped, its id and end time kept (`keepEnded` most recent). */
  sessionEnded(sessionId: string, endedAt: string): void;
  /** Appends a decision to the outbox and returns its sequence number. */
  appendDecision(decision: Decision): number;

  /** Ended sessions, oldest end first, then in-flight sessions in start order. */
  sessions(): Iterable<StoredSession>;
  /** Later events of in-flight sessions, in the order they were accepted. */
  sessionEvents(): Iterable<{ sessionId: string; event: unknown }>;
  /** The accepted events of one in-flight session, its `started` first; none once ended. */
  eventsOf(sessionId: string): unknown[];
  /** Up to `limit` decisions with a sequence number above `after`, in order. */
  decisionsAfter(after: number, limit: number): OutboxEntry[];
  /** The highest sequence number in the outbox (0 when empty). */
  lastSeq(): number;

  /** Keeps a bundle's text so that sessions of its revision can be rebuilt after a restart. */
  saveBundle(digest: string, text: string): void;
  bundleText(digest: string): string | undefined;
  /** Records that exist before the first event; applied only to a new, empty store. */
  seedRecords(records: readonly CrmRecord[]): boolean;
  /** Writes what is only in the log into the main file (SQLite: a WAL checkpoint). */
  checkpoint(): void;
  close(): void;
}
