import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { benchBundle, benchPolicy } from "../../bench/policy.js";
import { Prng } from "../../bench/prng.js";
import { syntheticTrace } from "../../bench/trace.js";
import { startServerProcess, type ServerProcess } from "./server-process.js";

const events = 100_000;
const batchSize = 1_000;
const kills = 10;
const dir = mkdtempSync(join(tmpdir(), "crm-policy-crash-"));
let server: ServerProcess | undefined;
afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill("SIGKILL"); // a failed run leaves no server behind
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The promise of the service: an acknowledged event is never lost and every session gets
 * exactly one decision, across crashes. A client replays a log in batches, retrying every
 * batch it got no answer for; the server is SIGKILLed at random moments and restarted. The
 * outbox must then hold exactly what one uninterrupted `simulate` of the log decides with the
 * service's settings (no lateness), except what simulate's end of input decides: a restarted
 * service continues its sessions, so the ones that never ended are still open in it.
 */
test("SIGKILL at 10 random moments: the outbox equals an uninterrupted simulate, none lost, none doubled", async () => {
  const trace = syntheticTrace(events, 7_001);
  const bundle = join(dir, "bundle.json");
  const records = join(dir, "records.jsonl");
  const log = join(dir, "events.jsonl");
  const lines = trace.events.map((e) => JSON.stringify(e));
  writeFileSync(bundle, benchBundle().text);
  writeFileSync(records, trace.records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  writeFileSync(log, lines.join("\n") + "\n");
  const name = benchPolicy.metadata.name;

  const simulated = stillOpenDropped(simulate(bundle, name, log, records), trace.events);
  expect(simulated.size).toBeGreaterThan(5_000);

  const serverArgs = ["--bundle", bundle, "--policy", name, "--state", join(dir, "state.db"), "--records", records, "--record-prefix", "sim"];
  const rng = new Prng(424_242);
  const batches: string[] = [];
  for (let i = 0; i < lines.length; i += batchSize) batches.push(lines.slice(i, i + batchSize).join("\n") + "\n");
  const killAt = new Set<number>();
  while (killAt.size < kills) killAt.add(1 + rng.int(batches.length - 1));

  server = await startServerProcess(serverArgs);
  let restarts = 0;
  let retried = 0;
  for (let b = 0; b < batches.length; b++) {
    const kill = killAt.has(b);
    const current = server;
    if (kill) setTimeout(() => current.child.kill("SIGKILL"), rng.int(40)); // during, or just after, the batch
    const answered = await post(current, batches[b]!);
    if (kill) {
      await current.exited;
      server = await startServerProcess(serverArgs);
      restarts++;
      // At-least-once delivery: the client cannot tell a lost batch from a lost answer, so it
      // sends the unanswered batch again, and here also the one before it, answered or not.
      if (b > 0) expect(await post(server, batches[b - 1]!)).toBe(true);
      if (!answered) {
        retried++;
        expect(await post(server, batches[b]!)).toBe(true);
      }
    } else {
      expect(answered).toBe(true);
    }
  }
  const outbox = await readOutbox(server);
  server.child.kill("SIGTERM");
  expect(await server.exited).toBe(0);

  expect(restarts).toBe(kills);
  expect(retried).toBeGreaterThan(0);
  const bySession = new Map<string, unknown>();
  for (const decision of outbox) {
    const id = (decision as { sessionId: string }).sessionId;
    expect(bySession.has(id), `session ${id} decided twice`).toBe(false);
    bySession.set(id, decision);
  }
  expect(bySession.size).toBe(simulated.size);
  const missing = [...simulated.keys()].filter((id) => !bySession.has(id));
  expect(missing.slice(0, 5)).toEqual([]);
  for (const [id, decision] of simulated) expect(bySession.get(id), id).toEqual(decision);
}, 300_000);

/** `crm-policy simulate` on the whole log: its decisions by session id. */
function simulate(bundle: string, name: string, log: string, records: string): Map<string, unknown> {
  let out: string;
  try {
    out = execFileSync(process.execPath, ["bin/crm-policy.js", "simulate", "--policy", bundle, "--name", name, "--events", log, "--records", records, "--lateness", "0", "--max-session-age", "36500d"], { maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "ignore"] }).toString();
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
 * Without the decisions simulate's end of input made: with no lateness, a session with no
 * `ended` in the log that got `none` or a record at `ended` was decided only by that flush.
 */
function stillOpenDropped(decisions: Map<string, unknown>, events: readonly { type: string; sessionId?: string }[]): Map<string, unknown> {
  const ended = new Set(events.flatMap((e) => (e.type === "ended" && e.sessionId !== undefined ? [e.sessionId] : [])));
  const open = (d: { decision: string; trigger?: string }) => d.decision === "none" || d.trigger === "ended";
  return new Map([...decisions].filter(([id, d]) => ended.has(id) || !open(d as { decision: string; trigger?: string })));
}

/** Posts one batch: true when every event got an outcome, false when the answer was lost. */
async function post(server: ServerProcess, body: string): Promise<boolean> {
  try {
    const response = await fetch(`${server.url}/v1/events`, { method: "POST", headers: { "content-type": "application/x-ndjson" }, body, signal: AbortSignal.timeout(30_000) });
    if (response.status !== 200) return false;
    const answer = (await response.json()) as { results: unknown[] };
    return answer.results.length === body.split("\n").filter((l) => l !== "").length;
  } catch {
    return false;
  }
}

async function readOutbox(server: ServerProcess): Promise<unknown[]> {
  const decisions: unknown[] = [];
  let after = 0;
  for (;;) {
    const response = await fetch(`${server.url}/v1/decisions?after=${after}&limit=1000`);
    const page = (await response.json()) as { decisions: { seq: number; decision: unknown }[]; next: number };
    if (page.decisions.length === 0) return decisions;
    for (const entry of page.decisions) {
      expect(entry.seq).toBeGreaterThan(after);
      after = entry.seq;
      decisions.push(entry.decision);
    }
  }
}
