import { Decider, MemoryRecordStore, Rejection, type Decision } from "@crm-policy/runtime";
import { defineCommand, parseCommand } from "../command-spec.js";
import type { Io } from "../io.js";
import { loadPolicy, trustOption } from "../load-policy.js";
import { loadRecords } from "../load-records.js";
import { readLineBatches } from "../read-lines.js";

export const simulateSpec = defineCommand({
  name: "simulate",
  summary: "replay an event log through one policy and print its decisions",
  description: "Decisions go to stdout as JSON Lines; rejected lines, warnings and a summary go to stderr. Exit 1 if a line was rejected.",
  options: {
    policy: { type: "string", value: "FILE", required: true, description: "a compiled bundle or a policy source file" },
    name: { type: "string", value: "NAME", description: "which policy of the bundle; needed when it has several" },
    events: { type: "string", value: "FILE|-", required: true, description: "session events as JSON Lines; - reads stdin" },
    records: { type: "string", value: "FILE", description: "existing CRM records as JSON Lines" },
    trust: { type: "string", value: "DIR|FILE", description: "public keys: the bundle must be signed by one of them" },
  },
  examples: ["crm-policy simulate --policy dist/policies.bundle.json --name acme-support --events examples/sessions.jsonl"],
});

/**
 * `crm-policy simulate`: replays an event log through one policy. Decisions go to stdout as
 * JSON Lines; rejected lines, warnings and a summary go to stderr. Exit 1 if a line was rejected.
 */
export async function simulateCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand(simulateSpec, args);
  const loaded = await loadPolicy(values.policy, values.name, trustOption(values.trust));
  if (!loaded.ok) {
    io.stderr.write(loaded.message + "\n");
    return 1;
  }
  const existing = values.records === undefined ? { records: [], problems: [] } : loadRecords(values.records);
  for (const problem of existing.problems) io.stderr.write(problem + "\n");

  const counts = { sessions: 0, create: 0, append: 0, none: 0, rejected: existing.problems.length, warnings: 0 };
  let lineNumber = 0;
  const decider = new Decider(loaded.policy, new MemoryRecordStore(existing.records), {
    onWarning: (message) => {
      counts.warnings++;
      io.stderr.write(`line ${lineNumber}: warning: ${message}\n`);
    },
  });
  const out = new Output(io);
  for await (const lines of readLineBatches(values.events, io.stdin)) {
    for (const line of lines) {
      lineNumber++;
      if (line.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        counts.rejected++;
        io.stderr.write(`line ${lineNumber}: rejected: not JSON (${(error as Error).message})\n`);
        continue;
      }
      const before = decider.inFlight;
      const result = decider.push(value);
      if (decider.inFlight > before) counts.sessions++;
      if (result === undefined) continue;
      if (result instanceof Rejection) {
        counts.rejected++;
        io.stderr.write(`line ${lineNumber}: rejected: ${result.reason}\n`);
        continue;
      }
      counts[(result as Decision).decision]++;
      out.write(JSON.stringify(result) + "\n");
    }
    await out.drain();
  }
  await out.flush();
  io.stderr.write(
    `sessions ${counts.sessions}, created ${counts.create}, appended ${counts.append}, none ${counts.none}, pending ${decider.inFlight}, rejected ${counts.rejected}, warnings ${counts.warnings}\n`,
  );
  return counts.rejected > 0 ? 1 : 0;
}

/** Decision lines, written in blocks and respecting the stream's backpressure. */
class Output {
  private buffer = "";
  constructor(private readonly io: Io) {}

  private blocked = false;

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 1 << 16) this.push();
  }

  /** Waits while the stream is full, so a slow reader of stdout is not buried in lines. */
  async drain(): Promise<void> {
    if (!this.blocked) return;
    this.blocked = false;
    const stream = this.io.stdout as { once?: (event: string, listener: () => void) => unknown };
    if (typeof stream.once === "function") await new Promise<void>((resolve) => stream.once?.("drain", resolve));
  }

  async flush(): Promise<void> {
    this.push();
    await this.drain();
  }

  private push(): void {
    if (this.buffer === "") return;
    if (this.io.stdout.write(this.buffer) === false) this.blocked = true;
    this.buffer = "";
  }
}
