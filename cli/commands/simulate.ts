import { Decider, defaultLateness, defaultMaxSessionAge, MemoryRecordStore, Rejection, type Decision } from "../../runtime/index.js";
import { defineCommand, parseCommand } from "../command-spec.js";
import { parseDuration } from "../duration.js";
import { UsageError, type Io } from "../io.js";
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
    lateness: { type: "string", value: "DURATION", description: "how long after a session's end its late events still count; end decisions wait that long (e.g. 30s, 2m, 0; default 30s)" },
    "max-session-age": { type: "string", value: "DURATION", description: "a session with no `ended` this long after its start is closed as `expired` (default 1d)" },
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
  let messagesWithoutId = 0;
  const decider = new Decider(loaded.policy, new MemoryRecordStore(existing.records), {
    onWarning: (message) => {
      counts.warnings++;
      io.stderr.write(`${lineNumber === 0 ? "end of input" : `line ${lineNumber}`}: warning: ${message}\n`);
    },
    lateness: durationOption(values.lateness, "--lateness", defaultLateness),
    maxSessionAge: durationOption(values["max-session-age"], "--max-session-age", defaultMaxSessionAge),
  });
  const out = new Output(io);
  const report = (result: Decision | Rejection): void => {
    if (result instanceof Rejection) {
      counts.rejected++;
      io.stderr.write(`line ${lineNumber}: rejected: ${result.reason}\n`);
      return;
    }
    counts[result.decision]++;
    out.write(JSON.stringify(result) + "\n");
  };
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
      if (isMessageWithoutId(value)) messagesWithoutId++;
      const before = decider.inFlight;
      const results = decider.receive(value);
      if (decider.inFlight > before) counts.sessions++;
      for (const result of results) report(result);
    }
    await out.drain();
  }
  lineNumber = 0;
  for (const result of decider.flush()) report(result);
  await out.flush();
  io.stderr.write(
    `sessions ${counts.sessions}, created ${counts.create}, appended ${counts.append}, none ${counts.none}, pending ${decider.inFlight}, rejected ${counts.rejected}, warnings ${counts.warnings}\n`,
  );
  if (messagesWithoutId > 0) io.stderr.write(`warning: ${messagesWithoutId} message events had no eventId: those were deduplicated by time, so two messages in one second counted as one\n`);
  return counts.rejected > 0 ? 1 : 0;
}

function durationOption(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseDuration(text);
  if (ms === undefined) throw new UsageError(`${flag} ${JSON.stringify(text)}: a duration is a number with a unit, e.g. 30s, 5m, 2h, 1d, 500ms (or 0)`);
  return ms;
}

function isMessageWithoutId(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "message" && (value as { eventId?: unknown }).eventId === undefined;
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
