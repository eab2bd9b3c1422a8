import { formatHuman } from "../../compiler/diagnostics/format-human.js";
import { behaviourChanged, diffSides, type Side } from "../../diff/diff-policies.js";
import { readGitSide, SideError } from "../../diff/read-side.js";
import { LogReplay } from "../../diff/replay-log.js";
import { reportHuman } from "../../diff/report-human.js";
import { reportJson } from "../../diff/report-json.js";
import { reportMarkdown } from "../../diff/report-markdown.js";
import { defineCommand, parseCommand } from "../command-spec.js";
import { UsageError, type Io } from "../io.js";
import { loadRecords } from "../load-records.js";
import { readLineBatches } from "../read-lines.js";
import { readSources } from "../source-files.js";

export const diffSpec = defineCommand({
  name: "diff",
  summary: "show which sessions a policy change decides differently",
  description: "Exit 0 when no session decides differently, 1 when some does (or a policy was added or removed), 2 on an error. See docs/review.md.",
  positionals: { name: "OLD NEW", description: "each a policy file or folder, or REV:PATH read with git" },
  options: {
    format: { type: "string", choices: ["human", "markdown", "json"], default: "human", description: "how the report is printed" },
    "max-events": {
      type: "string",
      value: "K",
      description: "longest enumerated session, in events (default: as verify chooses it from the policies' thresholds)",
    },
    runs: { type: "string", value: "N", default: "200", description: "random sessions explored beyond the enumerated ones" },
    seed: { type: "string", value: "N", default: "42", description: "seed of the session generator" },
    events: { type: "string", value: "FILE", description: "replay this event log through both sides instead of exploring" },
    records: { type: "string", value: "FILE", description: "with --events: existing CRM records as JSON Lines" },
    name: { type: "string", value: "NAME", description: "with --events: the policy the log is for, when several changed" },
  },
  examples: ["crm-policy diff main:policies policies --format markdown"],
});

const reports = { human: reportHuman, markdown: reportMarkdown, json: reportJson };

/**
 * `crm-policy diff OLD NEW`: what a policy change does to sessions. Each side is a policy file
 * or folder, or `REV:PATH` read with git. Exit 0 when no session decides differently, 1 when
 * some does (or a policy was added or removed), 2 on an error (docs/review.md).
 */
export async function diffCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(diffSpec, args);
  const format = values.format;
  if (positionals.length !== 2) throw new UsageError(`diff takes two sides, OLD and NEW (got ${positionals.length})`);
  if (values.records !== undefined && values.events === undefined) throw new UsageError("--records goes with --events");
  const maxEvents = values["max-events"] === undefined ? undefined : whole("--max-events", values["max-events"], 1);
  const runs = whole("--runs", values.runs, 0);
  const seed = whole("--seed", values.seed, 0);
  const [oldSpec = "", newSpec = ""] = positionals;

  let sides: [Side, Side];
  try {
    sides = [readSide(oldSpec), readSide(newSpec)];
  } catch (error) {
    if (!(error instanceof SideError || error instanceof UsageError)) throw error;
    io.stderr.write(`crm-policy diff: ${error.message}\n`);
    return 2;
  }
  const result = diffSides(sides[0], sides[1], { maxEvents, runs, seed, explore: values.events === undefined });
  if (!result.ok) {
    const texts = new Map(result.side.sources.map((s) => [s.file, Buffer.from(s.bytes).toString("utf8")]));
    io.stderr.write(formatHuman(result.diagnostics, texts));
    io.stderr.write(`crm-policy diff: \`${result.side.label}\` does not compile: nothing to compare\n`);
    return 2;
  }
  const { report, pairs } = result;
  const changed = [...pairs.keys()];
  if (values.events !== undefined && changed.length > 0) {
    const name = values.name ?? (changed.length === 1 ? changed[0] : undefined);
    if (name === undefined) {
      io.stderr.write(`crm-policy diff: ${changed.length} policies changed: choose the one the log is for with --name (${changed.join(", ")})\n`);
      return 2;
    }
    const pair = pairs.get(name);
    const policy = report.policies.find((p) => p.name === name);
    if (pair === undefined || policy === undefined) {
      io.stderr.write(`crm-policy diff: \`${name}\` is not a policy that changed (${changed.join(", ") || "none did"})\n`);
      return 2;
    }
    const existing = values.records === undefined ? { records: [], problems: [] } : loadRecords(values.records);
    for (const problem of existing.problems) io.stderr.write(problem + "\n");
    const replay = new LogReplay(pair.before, pair.after, existing.records);
    for await (const lines of readLineBatches(values.events, io.stdin)) for (const line of lines) replay.line(line);
    policy.log = replay.finish({ events: values.events, records: values.records });
  }
  io.stdout.write(reports[format](report));
  return behaviourChanged(report) ? 1 : 0;
}

function readSide(spec: string): Side {
  const fromGit = readGitSide(spec);
  if (fromGit !== undefined) return fromGit;
  const sources = readSources([spec]);
  if (sources.length === 0) throw new SideError(`no policy files in \`${spec}\``);
  return { label: spec, sources };
}

function whole(flag: string, text: string, min: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`${flag} takes a whole number from ${min}, not \`${text}\``);
  return n;
}
