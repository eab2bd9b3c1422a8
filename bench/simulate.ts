import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runNode, rssMethod, type ChildRun } from "./child.js";
import { median } from "./measure.js";
import { num, times, type Row } from "./table.js";
import type { Trace } from "./trace.js";

const rounds = 3;

/** Writes the bundle, the existing records and the trace as JSON Lines into a fresh temp folder. */
export function writeInputs(bundleText: string, trace: Trace): { dir: string; bundle: string; records: string; events: string } {
  const dir = mkdtempSync(join(tmpdir(), "crm-policy-bench-"));
  const bundle = join(dir, "bench.bundle.json");
  const records = join(dir, "records.jsonl");
  const events = join(dir, "events.jsonl");
  writeFileSync(bundle, bundleText);
  writeFileSync(records, trace.records.map((r) => JSON.stringify(r)).join("\n") + "\n");
  const fd = openSync(events, "w");
  for (let i = 0; i < trace.events.length; i += 10_000) {
    writeSync(
      fd,
      trace.events
        .slice(i, i + 10_000)
        .map((e) => JSON.stringify(e) + "\n")
        .join(""),
    );
  }
  closeSync(fd);
  return { dir, bundle, records, events };
}

/**
 * Row 3: `crm-policy simulate` end to end on the trace file, as its own process with stdout to
 * /dev/null, against a process that only reads and parses the same file with the same reader.
 */
export async function simulateRows(
  files: { bundle: string; records: string; events: string },
  policyName: string,
  lines: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const simulate = () =>
    runNode("bin/crm-policy.js", ["simulate", "--policy", files.bundle, "--name", policyName, "--events", files.events, "--records", files.records]);
  const readParse = () => runNode("dist/bench/read-parse.js", [files.events]);
  const sims: ChildRun[] = [];
  const reads: ChildRun[] = [];
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      sims.push(await simulate());
      reads.push(await readParse());
    } else {
      reads.push(await readParse());
      sims.push(await simulate());
    }
  }
  for (const run of [...sims, ...reads]) {
    if (run.code !== 0) throw new Error(`a child exited with ${run.code}:\n${run.stderr.slice(-2000)}`);
  }
  log(`simulate: ${lastLine(sims[0]!.stderr)}`);
  const simMs = median(sims.map((s) => s.ms));
  const readMs = median(reads.map((s) => s.ms));
  const share = readMs / simMs;
  const peak = Math.max(...sims.map((s) => s.maxRssKb));
  const readPeak = Math.max(...reads.map((s) => s.maxRssKb));
  return [
    {
      measure: `\`simulate\` end to end, ${num(lines)}-line file, own process (baseline: read + JSON.parse only; ratio: simulate ÷ baseline throughput)`,
      value: `${num((lines * 1000) / simMs)} events/s`,
      baseline: `${num((lines * 1000) / readMs)} lines/s`,
      ratio: `${num(share * 100)}%`,
      target: "≥ 50%",
      met: share >= 0.5,
    },
    {
      measure: `\`simulate\` peak RSS (${rssMethod}; baseline: the read + parse process)`,
      value: `${num(peak / 1024, 1)} MiB`,
      baseline: `${num(readPeak / 1024, 1)} MiB`,
      ratio: times(peak / readPeak),
      target: "–",
      met: undefined,
    },
  ];
}

function lastLine(text: string): string {
  const lines = text.split("\n").filter((l) => l.startsWith("sessions "));
  return lines[lines.length - 1] ?? "(no summary)";
}
