import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { stringify } from "yaml";
import { diffSides, type Side } from "../diff/diff-policies.js";
import { runNode, rssMethod, projectRoot, type ChildRun } from "./child.js";
import { median } from "./measure.js";
import { benchPolicy } from "./policy.js";
import { num, times, type Row } from "./table.js";

/** One setting changed in each example policy: the copy `diff` compares policies/ with. */
const changes: Record<string, [string, string]> = {
  "acme-support.yaml": ["delayUntilConnected: true", "delayUntilConnected: false"],
  "globex-helpdesk.yaml": ["createForAbandoned: true", "createForAbandoned: false"],
  "initech-service.yaml": ["closedWithinDays: 7", "closedWithinDays: 5"],
  "umbrella-care.json": ['"minConsumerMessages": 3', '"minConsumerMessages": 2'],
};

function side(dir: string): Side {
  const files = readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !/\.test\.ya?ml$/.test(f))
    .sort();
  return { label: dir, sources: files.map((f) => ({ file: join(dir, f), bytes: readFileSync(join(dir, f)) })) };
}

/**
 * `diff` of policies/ against a copy with one setting changed per policy, in this process
 * (compile both sides, enumerate, sample, group): wall time and traces run per second.
 */
export function diffPoliciesRows(log: (line: string) => void): Row[] {
  const policies = join(projectRoot, "policies");
  const dir = mkdtempSync(join(tmpdir(), "crm-policy-bench-diff-"));
  try {
    for (const file of readdirSync(policies)) {
      let text = readFileSync(join(policies, file), "utf8");
      const change = changes[file];
      if (change !== undefined) {
        if (!text.includes(change[0])) throw new Error(`bench: ${file} no longer holds ${change[0]}`);
        text = text.replace(change[0], change[1]);
      }
      writeFileSync(join(dir, file), text);
    }
    const [before, after] = [side(policies), side(dir)];
    const ms: number[] = [];
    let traces = 0;
    let groups = 0;
    for (let r = 0; r < 2; r++) {
      const start = performance.now();
      const result = diffSides(before, after, { runs: 200, seed: 42 });
      ms.push(performance.now() - start);
      if (!result.ok) throw new Error("bench: the policies do not compile");
      const behaviour = result.report.policies.flatMap((p) => (p.behaviour === undefined ? [] : [p.behaviour]));
      traces = behaviour.reduce((n, b) => n + b.enumerated.traces + b.sampled.runs, 0);
      groups = behaviour.reduce((n, b) => n + b.groups.length, 0);
    }
    const wall = median(ms);
    log(`diff policies/ vs one setting changed per policy: ${num(traces)} traces, ${groups} groups, ${num(wall)} ms`);
    return [
      {
        measure: `\`diff\` of policies/ against a copy with one setting changed per policy (4 policies, ${num(traces)} traces run through both versions, ${groups} groups; in process)`,
        value: `${num(wall / 1000, 2)} s`,
        baseline: "–",
        ratio: `${num((traces * 1000) / wall)} traces/s`,
        target: "–",
        met: undefined,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `diff --events` on the benchmark's event file (the bench policy against itself with the chat
 * threshold lowered), own process, against running `simulate` on the same file: the diff runs
 * both versions in one pass, so its throughput is compared with two simulate runs in a row.
 */
export async function diffEventsRows(
  files: { bundle: string; records: string; events: string; dir: string },
  lines: number,
  log: (line: string) => void,
): Promise<Row[]> {
  const oldFile = join(files.dir, "bench-old.yaml");
  const newFile = join(files.dir, "bench-new.yaml");
  writeFileSync(oldFile, stringify(benchPolicy));
  const changed = structuredClone(benchPolicy);
  changed.records!.chats!.minConsumerMessages = 1;
  writeFileSync(newFile, stringify(changed));
  const diff = () => runNode("bin/crm-policy.js", ["diff", oldFile, newFile, "--events", files.events, "--records", files.records]);
  const simulate = () => runNode("bin/crm-policy.js", ["simulate", "--policy", files.bundle, "--events", files.events, "--records", files.records]);
  const diffs: ChildRun[] = [];
  const sims: ChildRun[] = [];
  for (let r = 0; r < 3; r++) {
    if (r % 2 === 0) {
      diffs.push(await diff());
      sims.push(await simulate());
    } else {
      sims.push(await simulate());
      diffs.push(await diff());
    }
  }
  for (const run of diffs) if (run.code !== 1) throw new Error(`bench: diff --events exited ${run.code} (a change was expected):\n${run.stderr.slice(-2000)}`);
  for (const run of sims) if (run.code !== 0) throw new Error(`bench: simulate exited ${run.code}:\n${run.stderr.slice(-2000)}`);
  const diffMs = median(diffs.map((d) => d.ms));
  const simMs = median(sims.map((s) => s.ms));
  const share = (2 * simMs) / diffMs;
  const peak = Math.max(...diffs.map((d) => d.maxRssKb));
  const simPeak = Math.max(...sims.map((s) => s.maxRssKb));
  log(`diff --events: ${num(diffMs)} ms; simulate: ${num(simMs)} ms`);
  return [
    {
      measure: `\`diff --events\`, ${num(lines)}-line file through two versions, own process (baseline: two \`simulate\` runs; ratio: diff ÷ baseline throughput)`,
      value: `${num((lines * 1000) / diffMs)} events/s`,
      baseline: `${num((lines * 1000) / (2 * simMs))} events/s`,
      ratio: `${num(share * 100)}%`,
      target: "≥ 80%",
      met: share >= 0.8,
    },
    {
      measure: `\`diff --events\` peak RSS (${rssMethod}; baseline: one \`simulate\` run)`,
      value: `${num(peak / 1024, 1)} MiB`,
      baseline: `${num(simPeak / 1024, 1)} MiB`,
      ratio: times(peak / simPeak),
      target: "–",
      met: undefined,
    },
  ];
}
