import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import type { SessionEvent } from "@crm-policy/runtime";
import { projectRoot, runNode } from "./child.js";
import { num, times, type Row } from "./table.js";
import { syntheticTrace } from "./trace.js";

const batchSize = 500;
const crowdInFlight = 100_000;

/**
 * A trace that keeps 100,000 sessions in flight (the bench trace's records, the same seed),
 * written as JSON Lines into `dir` for `simulate`.
 */
export function serveCrowd(dir: string): { events: SessionEvent[]; inFlight: number; file: string } {
  const { events } = syntheticTrace(3 * crowdInFlight, undefined, crowdInFlight);
  const file = join(dir, "crowd.jsonl");
  writeFileSync(file, events.map((e) => JSON.stringify(e)).join("\n") + "\n");
  return { events, inFlight: crowdInFlight, file };
}
const clients = 4;

interface Served {
  url: string;
  child: ChildProcess;
  exited: Promise<unknown>;
}

/** `crm-policy serve` as its own process on a free loopback port. */
function serve(bundle: string, policy: string, records: string, state: string): Promise<Served> {
  const args = [
    "bin/crm-policy.js",
    "serve",
    "--bundle",
    bundle,
    "--policy",
    policy,
    "--records",
    records,
    "--record-prefix",
    "sim",
    "--state",
    state,
    "--listen",
    "127.0.0.1:0",
    "--max-body-bytes",
    String(64 << 20),
  ];
  const child = spawn(process.execPath, args, { cwd: projectRoot, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  return new Promise((resolve, reject) => {
    void exited.then(() => reject(new Error("the server exited before listening")));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      if (entry.msg === "listening") resolve({ url: entry.url!, child, exited });
    });
  });
}

async function stop(server: Served): Promise<number> {
  const peakKb = peakRssKb(server.child.pid!);
  server.child.kill("SIGTERM");
  await server.exited;
  return peakKb;
}

/** The process's peak RSS so far (VmHWM), KiB. */
function peakRssKb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match === null ? NaN : Number(match[1]);
}

/**
 * The trace split among the clients by session (record status changes go to the first), each
 * part in its own order, as JSON Lines batches: sessions stay whole, as when each contact-center
 * node posts its own sessions.
 */
function clientBatches(events: readonly SessionEvent[], count: number): string[][] {
  const parts: string[][] = Array.from({ length: count }, () => []);
  for (const event of events) {
    const key = event.type === "record.status" ? 0 : hash(event.sessionId) % count;
    parts[key]!.push(JSON.stringify(event));
  }
  return parts.map((lines) => {
    const batches: string[] = [];
    for (let i = 0; i < lines.length; i += batchSize) batches.push(lines.slice(i, i + batchSize).join("\n") + "\n");
    return batches;
  });
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Posts every client's batches, the clients concurrently, each waiting for its answers: wall ms and batch latencies. */
async function post(url: string, parts: string[][]): Promise<{ ms: number; latencies: number[]; rejected: number }> {
  const latencies: number[] = [];
  let rejected = 0;
  const begun = performance.now();
  await Promise.all(
    parts.map(async (batches) => {
      for (const body of batches) {
        const sent = performance.now();
        const response = await fetch(`${url}/v1/events`, { method: "POST", headers: { "content-type": "application/x-ndjson" }, body });
        const answer = (await response.json()) as { results: { status: string }[] };
        latencies.push(performance.now() - sent);
        if (response.status !== 200) throw new Error(`POST /v1/events answered ${response.status}`);
        for (const result of answer.results) if (result.status === "rejected") rejected++;
      }
    }),
  );
  return { ms: performance.now() - begun, latencies, rejected };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * `crm-policy serve`: the trace posted in batches of 500 by 4 concurrent clients over loopback,
 * once with the state on disk and once in memory, against `simulate` of the same trace file in
 * the same run; then the peak RSS of a server holding `inFlight` sessions.
 */
export async function serveRows(
  files: { dir: string; bundle: string; records: string; events: string },
  events: readonly SessionEvent[],
  policy: string,
  crowd: { events: readonly SessionEvent[]; inFlight: number; file: string },
  log: (line: string) => void,
): Promise<Row[]> {
  const parts = clientBatches(events, clients);
  const runs: Record<"durable" | "memory", { ms: number; latencies: number[]; rejected: number; rssKb: number }> = {} as never;
  for (const mode of ["durable", "memory"] as const) {
    const server = await serve(files.bundle, policy, files.records, mode === "durable" ? join(files.dir, "serve-state.db") : ":memory:");
    const run = await post(server.url, parts);
    runs[mode] = { ...run, rssKb: await stop(server) };
    log(
      `serve (${mode}): ${num((events.length * 1000) / run.ms)} events/s, p50 ${num(percentile(run.latencies, 50), 1)} ms, p99 ${num(percentile(run.latencies, 99), 1)} ms, ${num(run.rejected)} rejected`,
    );
  }
  const simulate = await runNode("bin/crm-policy.js", [
    "simulate",
    "--policy",
    files.bundle,
    "--name",
    policy,
    "--events",
    files.events,
    "--records",
    files.records,
  ]);
  const simRate = (events.length * 1000) / simulate.ms;

  const crowdServer = await serve(files.bundle, policy, files.records, join(files.dir, "crowd-state.db"));
  await post(crowdServer.url, clientBatches(crowd.events, 1));
  const status = (await (await fetch(`${crowdServer.url}/v1/status`)).json()) as { inFlight: number };
  const crowdRss = await stop(crowdServer);
  const crowdSim = await runNode("bin/crm-policy.js", [
    "simulate",
    "--policy",
    files.bundle,
    "--name",
    policy,
    "--events",
    crowd.file,
    "--records",
    files.records,
  ]);
  log(`serve with ${num(status.inFlight)} sessions in flight: peak RSS ${num(crowdRss / 1024, 1)} MiB`);

  const row = (mode: "durable" | "memory"): Row => {
    const run = runs[mode];
    const rate = (events.length * 1000) / run.ms;
    return {
      measure: `\`serve\` ${mode === "durable" ? "durable (SQLite file, WAL, synchronous=FULL)" : "--state :memory:"}: ${num(events.length)} events, batches of ${batchSize}, ${clients} concurrent clients, loopback (baseline: \`simulate\` on the same trace; ratio: serve ÷ simulate)`,
      value: `${num(rate)} events/s; batch p50 ${num(percentile(run.latencies, 50), 1)} ms, p99 ${num(percentile(run.latencies, 99), 1)} ms`,
      baseline: `${num(simRate)} events/s`,
      ratio: `${num((rate / simRate) * 100)}%`,
      target: "–",
      met: undefined,
    };
  };
  return [
    row("durable"),
    row("memory"),
    {
      measure: `\`serve\` durable, peak RSS with ${num(status.inFlight)} sessions in flight (baseline: \`simulate\` of the same ${num(crowd.events.length)} events)`,
      value: `${num(crowdRss / 1024, 1)} MiB`,
      baseline: `${num(crowdSim.maxRssKb / 1024, 1)} MiB`,
      ratio: times(crowdRss / crowdSim.maxRssKb),
      target: "–",
      met: undefined,
    },
  ];
}
