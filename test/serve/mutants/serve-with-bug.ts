// `crm-policy serve` with one planted bug: `node --import tsx serve-with-bug.ts BUG serve ARGS…`.
// The bugs are patched into the built modules (dist/) that the installed command loads, so
// the crash run drives exactly the server it checks, minus one rule of its durability.
import { main } from "../../../dist/cli/main.js";
import { ReplayStore } from "../../../dist/server/service/replay-store.js";
import { SqliteStateStore } from "../../../dist/server/state/sqlite-state.js";

/** How long the acknowledged-but-uncommitted bug keeps a transaction open. */
const commitEveryMs = 1_000;

const bugs: Record<string, () => void> = {
  // Answers a batch before it is committed: batches join one open transaction that commits
  // once a second (a "group commit" that acknowledges early).
  "ack-before-commit": () => {
    const proto = SqliteStateStore.prototype as any;
    const batch = proto.batch;
    proto.batch = function (this: any, work: () => unknown) {
      const db = this.db;
      if (!db.inTransaction) {
        db.exec("BEGIN");
        setTimeout(() => db.open && db.inTransaction && db.exec("COMMIT"), commitEveryMs);
      }
      return batch.call(this, work);
    };
    for (const name of ["checkpoint", "close"]) {
      const original = proto[name];
      proto[name] = function (this: any) {
        if (this.db.open && this.db.inTransaction) this.db.exec("COMMIT");
        return original.call(this);
      };
    }
  },
  // A restart restores only sessions in flight: the ended ones it kept to recognise
  // redeliveries are skipped, so a redelivered session is taken as new and decided again.
  "ended-forgotten-at-restart": () => {
    const proto = SqliteStateStore.prototype as any;
    const sessions = proto.sessions;
    proto.sessions = function* (this: any) {
      for (const session of sessions.call(this)) if (session.endedAt === null) yield session;
    };
  },
  // Rebuilding sessions at a restart applies their decisions again: the replay's record
  // store writes through, so records are created (and changed) a second time.
  "replay-applies-again": () => {
    const proto = ReplayStore.prototype as any;
    proto.create = function (this: any, record: unknown) {
      return this.store.create(record);
    };
    proto.update = function (this: any, recordId: string, change: unknown) {
      this.store.update(recordId, change);
    };
  },
};

const [bug, ...argv] = process.argv.slice(2);
const plant = bugs[bug ?? ""];
if (plant === undefined) {
  process.stderr.write(`serve-with-bug: name one of ${Object.keys(bugs).join(", ")}\n`);
  process.exit(2);
}
plant();
process.exitCode = await main(argv, { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin });
