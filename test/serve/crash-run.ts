import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchBundle, benchPolicy } from "../../bench/policy.js";
import { Prng } from "../../bench/prng.js";
import { syntheticTrace } from "../../bench/trace.js";
import { startServerProcess, type ServerProcess } from "./server-process.js";

/** How one crash run is driven. */
export interface CrashPlan {
  events: number;
  /** Sessions in flight at any time in the synthetic trace: fewer make shorter sessions. */
  inFlight: number;
  batchSize: number;
  kills: number;
  /**
   * After every second restart the client also sends again this many batches before the one
   * the kill interrupted, answered or not: a consumer that replays from an older checkpoint.
   */
  replay: number;
  seed: number;
  /**
   * What runs `serve`: the node arguments before it. The installed command by default; a
   * test entry that plants a bug in the service to check that this run catches it.
   */
  command?: string[];
}

/** How the outbox differs from an uninterrupted `simulate` of the same log, by session id. */
export interface OutboxProblems {
  /** Sessions simulate decided that the outbox has no decision for. */
  lost: string[];
  /** Sessions with more than one decision in the outbox. */
  doubled: string[];
  /** Sessions decided in both, differently (or only in the outbox). */
  differ: string[];
}

export interface CrashOutcome {
  problems: OutboxProblems;
  /** Sessions simulate decided. */
  simulated: number;
  restarts: number;
  /** Batches sent again because their answer was lost. */
  retried: number;
  /** Answered batches sent again after a restart. */
  redelivered: number;
  /** Batches that got no full answer though no kill interrupted them. */
  unanswered: number;
  /** Exit status of the final SIGTERM. */
  exit: number | string;
}

/**
 * A client replays a synthetic log in batches to a `crm-policy serve` process that is
 * SIGKILLed at `kills` random moments (during a batch, or just after it) and restarted each
 * time. After each kill it sends again the batch whose answer it did not get, and after every
 * second kill also the `replay` batches before it. A client that trusts answers resends nothing
 * answered, so an answered but unstored batch shows as lost decisions; a replaying client
 * redelivers events of sessions that already ended, so forgotten redelivery rules show as
 * doubled decisions. Returns how the final outbox differs from an uninterrupted simulate.
 */
export async function crashRun(plan: CrashPlan): Promise<CrashOutcome> {
  const dir = mkdtempSync(join(tmpdir(), "crm-policy-crash-"));
  let server: ServerProcess | undefined;
  try {
    const trace = syntheticTrace(plan.events, plan.seed, plan.inFlight);
    const bundle = join(dir, "bundle.json");
    const records = join(dir, "records.jsonl");
    const log = join(dir, "events.jsonl");
    const lines = trace.events.map((e) => JSON.stringify(e));
    writeFileSync(bundle, benchBundle().text);
    writeFileSync(records, trace.records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    writeFileSync(log, lines.join("\n") + "\n");
    const name = benchPolicy.metadata.name;
    const simulated = stillOpenDropped(simulate(bundle, name, log, records), trace.events);

    const serverArgs = ["--bundle", bundle, "--policy", name, "--state", join(dir, "state.db"), "--records", records, "--record-prefix", "sim"];
    const start = () => startServerProcess(serverArgs, 60_000, plan.command);
    const rng = new Prng(plan.seed ^ 0x5eed);
    const batches: string[] = [];
    for (let i = 0; i < lines.length; i += plan.batchSize) batches.push(lines.slice(i, i + plan.batchSize).join("\n") + "\n");
    const killAt = new Set<number>();
    while (killAt.size < Math.min(plan.kills, batches.length - 1)) killAt.add(1 + rng.int(batches.length - 1));

    server = await start();
    let restarts = 0;
    let retried = 0;
    let redelivered = 0;
    let unanswered = 0;
    const send = async (body: string) => {
      if (!(await post(server!, body))) unanswered++;
    };
    for (let b = 0; b < batches.length; b++) {
      const kill = killAt.has(b);
      const current = server;
      if (kill) setTimeout(() => current.child.kill("SIGKILL"), rng.int(40));
      const answered = await post(current, batches[b]!);
      if (!kill) {
        if (!answered) unanswered++;
        continue;
      }
      await current.exited;
      server = await start();
      restarts++;
      if (restarts % 2 === 0) {
        for (let r = Math.max(0, b - plan.replay); r < b; r++, redelivered++) await send(batches[r]!);
      }
      if (!answered) {
        retried++;
        await send(batches[b]!);
      }
    }
    const outbox = await readOutbox(server);
    server.child.kill("SIGTERM");
    const exit = await server.exited;
    return { problems: compare(outbox, simulated), simulated: simulated.size, restarts, retried, redelivered, unanswered, exit };
  } finally {
    if (server?.child.exitCode === null) server.child.kill("SIGKILL"); // a failed run leaves no server behind
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The outbox against simulate's decisions, both by session id. */
export function compare(outbox: readonly unknown[], simulated: ReadonlyMap<string, unknown>): OutboxProblems {
  const bySession = new Map<string, unknown>();
  const doubled = new Set<string>();
  for (const decision of outbox) {
    const id = (decision as { sessionId: string }).sessionId;
    if (bySession.has(id)) doubled.add(id);
    else bySession.set(id, decision);
  }
  const lost = [...simulated.keys()].filter((id) => !bySession.has(id));
  const differ = [...bySession]
    .filter(([id, decision]) => (simulated.has(id) ? JSON.stringify(decision) !== JSON.stringify(simulated.get(id)) : true))
    .map(([id]) => id);
  return { lost, doubled: [...doubled], differ };
}

/**
 * `crm-policy simulate` on the whole log with the service's settings (no lateness, no expiry by
 * event time): its decisions by session id.
 */
function simulate(bundle: string, name: string, log: string, records: string): Map<string, unknown> {
  let out: string;
  try {
    out = execFileSync(
      process.execPath,
      [
        "bin/crm-policy.js",
        "simulate",
        "--policy",
        bundle,
        "--name",
        name,
        "--events",
        log,
        "--records",
        records,
        "--lateness",
        "0",
        "--max-session-age",
        "36500d",
      ],
      { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] },
    ).toString();
  } catch (error) {
    out = String((error as { stdout?: Buffer }).stdout ?? ""); // exit 1: some lines were rejected
  }
  const decisions = new Map<string, unknown>();
  for (const line of out.split("\n")) {
    if (line === "") continue;
    const decision = JSON.parse(line) as { sessionId: string };
    decisions.set(decision.sessionId, decision);
  }
  return decisions;
}

/**
 * Without what simulate's end of input decided: a restarted service continues its sessions, so
 * those that never ended are still open in it. With no lateness, a session with no `ended` in
 * the log that got `none` or a record at `ended` was decided only by that flush.
 */
function stillOpenDropped(decisions: Map<string, unknown>, events: readonly { type: string; sessionId?: string }[]): Map<string, unknown> {
  const ended = new Set(events.flatMap((e) => (e.type === "ended" && e.sessionId !== undefined ? [e.sessionId] : [])));
  const open = (d: { decision: string; trigger?: string }) => d.decision === "none" || d.trigger === "ended";
  return new Map([...decisions].filter(([id, d]) => ended.has(id) || !open(d as { decision: string; trigger?: string })));
}

/** Posts one batch: true when every event got an outcome, false when the answer was lost. */
async function post(server: ServerProcess, body: string): Promise<boolean> {
  try {
    const response = await fetch(`${server.url}/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body,
      signal: AbortSignal.timeout(30_000),
    });
    if (response.status !== 200) return false;
    const answer = (await response.json()) as { results: unknown[] };
    return answer.results.length === body.split("\n").filter((l) => l !== "").length;
  } catch {
    return false;
  }
}

/** The whole outbox, page by page; sequence numbers must rise. */
async function readOutbox(server: ServerProcess): Promise<unknown[]> {
  const decisions: unknown[] = [];
  let after = 0;
  for (;;) {
    const response = await fetch(`${server.url}/v1/decisions?after=${after}&limit=1000`);
    const page = (await response.json()) as { decisions: { seq: number; decision: unknown }[] };
    if (page.decisions.length === 0) return decisions;
    for (const entry of page.decisions) {
      if (entry.seq <= after) throw new Error(`outbox sequence numbers do not rise: ${entry.seq} after ${after}`);
      after = entry.seq;
      decisions.push(entry.decision);
    }
  }
}
