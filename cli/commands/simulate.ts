import { closeSync, fstatSync, openSync } from "node:fs";
import { Decider, defaultLateness, defaultMaxSessionAge, MemoryRecordStore, Rejection, SnapshotError, type Decision } from "@crm-policy/runtime";
import { escapeText } from "@crm-policy/runtime/toolchain";
import { defineCommand, parseCommand } from "../command-spec.js";
import { parseDuration } from "../duration.js";
import { FileError, fileProblem, UsageError, type Io } from "../io.js";
import { loadPolicy, trustOption } from "../load-policy.js";
import { loadRecords } from "../load-records.js";
import { isBlank } from "../blank-line.js";
import { checkpointFormat, readCheckpoint, writeCheckpoint, type Checkpoint, type Counts } from "../checkpoint.js";
import { readLineBatches } from "../read-lines.js";
import { unknownStatusWarning } from "../record-statuses.js";

export const simulateSpec = defineCommand({
  name: "simulate",
  summary: "replay an event log through one policy and print its decisions",
  description:
    "Decisions go to stdout as JSON Lines, written as soon as the input read so far makes them; rejected lines, warnings and a summary go to stderr. Exit 1 if a line was rejected; SIGINT/SIGTERM write the summary and exit 130/143; a file that cannot be read is exit 2.",
  options: {
    policy: { type: "string", value: "FILE", required: true, description: "a compiled bundle or a policy source file" },
    name: { type: "string", value: "NAME", description: "which policy of the bundle; needed when it has several" },
    events: { type: "string", value: "FILE|-", required: true, description: "session events as JSON Lines; - reads stdin" },
    records: { type: "string", value: "FILE", description: "existing CRM records as JSON Lines" },
    trust: { type: "string", value: "DIR|FILE", description: "public keys: the bundle must be signed by one of them" },
    lateness: {
      type: "string",
      value: "DURATION",
      description:
        "how late an event may come and still count as if in order: events stamped at or before a session's end, and events that come before its `started` (held for it), count while event time is within this of their time; end decisions wait this long after the end (e.g. 30s, 2m; 0: strict delivery order, nothing held; default 30s)",
    },
    "max-session-age": {
      type: "string",
      value: "DURATION",
      description: "a session with no `ended` this long after its start is closed as `expired` (default 1d)",
    },
    checkpoint: {
      type: "string",
      value: "FILE",
      description: "write where the run is to FILE (atomically) every --checkpoint-every input lines, to --resume from",
    },
    "checkpoint-every": { type: "string", value: "N", description: "input lines between checkpoints (default 10000)" },
    resume: {
      type: "string",
      value: "FILE",
      description: "go on from a checkpoint: --events is the same log, read from line 1 or --from-line; lines up to the checkpoint's are skipped",
    },
    "from-line": { type: "string", value: "N", description: "with --resume: --events starts at line N of the log (at or before the checkpoint's line + 1)" },
  },
  examples: [
    "crm-policy simulate --policy dist/policies.bundle.json --name acme-support --events examples/sessions.jsonl",
    "crm-policy simulate --policy dist/policies.bundle.json --name acme-support --events log.jsonl --checkpoint run.ckpt --resume run.ckpt",
  ],
});

/**
 * `crm-policy simulate`: replays an event log through one policy. Decisions go to stdout as
 * JSON Lines; rejected lines, warnings and a summary go to stderr. Exit 1 if a line was rejected.
 * A Unix filter: decisions are written as soon as the input read so far makes them; SIGINT and
 * SIGTERM write what is decided and the summary before exiting (130, 143).
 */
export async function simulateCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand(simulateSpec, args);
  if (values.events !== "-") checkReadable(values.events, "events");
  const loaded = await loadPolicy(values.policy, values.name, trustOption(values.trust));
  if (!loaded.ok) {
    io.stderr.write(loaded.message + "\n");
    return 1;
  }
  const every = countOption(values["checkpoint-every"], "--checkpoint-every", 10_000, 1);
  if (values["checkpoint-every"] !== undefined && values.checkpoint === undefined) throw new UsageError("--checkpoint-every needs --checkpoint FILE");
  const fromLine = countOption(values["from-line"], "--from-line", 1, 1);
  if (values.resume === undefined && values["from-line"] !== undefined) throw new UsageError("--from-line is for --resume");
  if (values.resume !== undefined) {
    for (const flag of ["records", "lateness", "max-session-age"] as const)
      if (values[flag] !== undefined) throw new UsageError(`--${flag} with --resume: the checkpoint holds the records and timing of the run it resumes`);
  }
  const resumed = values.resume === undefined ? undefined : readCheckpoint(values.resume);
  if (resumed !== undefined && fromLine > resumed.position + 1)
    throw new UsageError(
      `--from-line ${fromLine}: the checkpoint is after line ${resumed.position}, so lines ${resumed.position + 1} to ${fromLine - 1} would be missing`,
    );
  const existing = values.records === undefined ? { records: [], problems: [] } : loadRecords(values.records);
  for (const problem of existing.problems) io.stderr.write(escapeText(problem) + "\n");
  const crm = loaded.policy.crm;
  let recordWarnings = 0;
  for (const record of existing.records) {
    const warning = unknownStatusWarning(record.status, crm);
    if (warning === undefined) continue;
    recordWarnings++;
    io.stderr.write(`${escapeText(values.records ?? "")}: record \`${escapeText(record.recordId)}\`: warning: ${escapeText(warning)}\n`);
  }

  const counts: Counts = resumed?.counts ?? { create: 0, append: 0, none: 0, rejected: existing.problems.length, warnings: recordWarnings };
  let lineNumber = 0;
  let messagesWithoutId = resumed?.messagesWithoutId ?? 0;
  /** Decision lines written so far, by this run and the runs it resumes. */
  let decisionLines = resumed?.decisionLines ?? 0;
  const onWarning = (message: string) => {
    counts.warnings++;
    io.stderr.write(`${lineNumber === 0 ? "end of input" : `line ${lineNumber}`}: warning: ${escapeText(message)}\n`);
  };
  const store = new MemoryRecordStore(resumed?.records ?? existing.records);
  let decider: Decider;
  if (resumed === undefined) {
    decider = new Decider(loaded.policy, store, {
      onWarning,
      lateness: durationOption(values.lateness, "--lateness", defaultLateness),
      maxSessionAge: durationOption(values["max-session-age"], "--max-session-age", defaultMaxSessionAge),
    });
  } else {
    try {
      decider = Decider.restore(loaded.policy, resumed.snapshot, store, { onWarning });
    } catch (error) {
      if (!(error instanceof SnapshotError)) throw error;
      io.stderr.write(`checkpoint \`${escapeText(values.resume ?? "")}\`: ${escapeText(error.message)}\n`);
      return 1;
    }
    io.stderr.write(
      `resumed from checkpoint \`${escapeText(values.resume ?? "")}\` after input line ${resumed.position}: it had written ${resumed.decisionLines} decision lines; this run writes the ones after those (drop any the interrupted run wrote after them)\n`,
    );
  }
  const skipThrough = resumed?.position ?? 0;
  let lastCheckpoint = skipThrough;
  const out = new Output(io);
  const summary = () =>
    `sessions ${decider.sessionsStarted}, created ${counts.create}, appended ${counts.append}, none ${counts.none}, pending ${decider.inFlight}, rejected ${counts.rejected}, warnings ${counts.warnings}; policy ${escapeText(loaded.policy.name)} ${loaded.policy.revision}, bundle ${loaded.digest}\n`;
  const reject = (reason: string, line = lineNumber) => {
    counts.rejected++;
    io.stderr.write(`line ${line}: rejected: ${escapeText(reason)}\n`);
  };
  // the lines of events held for their session's `started`: a held event refused later is reported at its own line
  const heldLines = new WeakMap<object, number>();
  const report = (result: Decision | Rejection): void => {
    if (result instanceof Rejection)
      return reject(result.reason, (result.event === undefined ? undefined : heldLines.get(result.event as object)) ?? lineNumber);
    counts[result.decision]++;
    decisionLines++;
    out.write(JSON.stringify(result) + "\n");
  };
  // without a checkpoint file, no line waits for one: an `await` per line costs a third of the run
  const checkpointing = values.checkpoint !== undefined;
  const checkpoint = async (): Promise<void> => {
    if (values.checkpoint === undefined) return;
    // every decision line counted in it is out of the process before the checkpoint is
    out.push();
    await out.drain();
    const saved: Checkpoint = {
      format: checkpointFormat,
      position: lineNumber,
      decisionLines,
      counts,
      messagesWithoutId,
      records: store.all(),
      snapshot: decider.snapshot(),
    };
    writeCheckpoint(values.checkpoint, saved);
    lastCheckpoint = lineNumber;
  };
  const stopOn = (signal: NodeJS.Signals, status: number) => {
    const stop = () => {
      out.push();
      io.stderr.write(`interrupted by ${signal} after line ${lineNumber}\n` + summary());
      process.exit(status);
    };
    process.once(signal, stop);
    return () => process.off(signal, stop);
  };
  const unlisten = [stopOn("SIGINT", 130), stopOn("SIGTERM", 143)];
  lineNumber = fromLine - 1;
  try {
    for await (const lines of readLineBatches(values.events, io.stdin)) {
      for (const line of lines) {
        if (checkpointing && lineNumber - lastCheckpoint >= every) await checkpoint(); // lines 1 to lineNumber are done
        lineNumber++;
        if (lineNumber <= skipThrough) continue; // in the checkpoint already
        if (typeof line !== "string") {
          reject(line.reason);
          continue;
        }
        if (isBlank(line)) continue;
        let value: unknown;
        try {
          value = JSON.parse(line);
        } catch (error) {
          reject(`not JSON (${(error as Error).message})`);
          continue;
        }
        const status = statusOf(value);
        const warning = status === undefined ? undefined : unknownStatusWarning(status, crm);
        if (warning !== undefined) {
          counts.warnings++;
          io.stderr.write(`line ${lineNumber}: warning: ${escapeText(warning)}\n`);
        }
        if (isMessageWithoutId(value)) messagesWithoutId++;
        for (const result of decider.receive(value)) report(result);
        if (decider.isHeld(value)) heldLines.set(value as object, lineNumber);
      }
      // what this read of the input decided goes out now: a live stream sees it at once
      out.push();
      await out.drain();
    }
  } catch (error) {
    const problem = fileProblem(error);
    if (problem === undefined) throw error;
    out.push();
    io.stderr.write(summary());
    throw new FileError(`cannot read events file \`${escapeText(values.events)}\` after line ${lineNumber}: ${problem}`);
  } finally {
    for (const off of unlisten) off();
  }
  lineNumber = 0;
  for (const result of decider.flush()) report(result);
  await out.flush();
  io.stderr.write(summary());
  if (messagesWithoutId > 0)
    io.stderr.write(
      `warning: ${messagesWithoutId} message events had no eventId: those were deduplicated by time, so two messages in one second counted as one\n`,
    );
  return counts.rejected > 0 ? 1 : 0;
}

function countOption(text: string | undefined, flag: string, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  if (!/^\d{1,15}$/.test(text) || Number(text) < min) throw new UsageError(`${flag} ${JSON.stringify(text)}: a whole number, at least ${min}`);
  return Number(text);
}

function durationOption(text: string | undefined, flag: string, fallback: number): number {
  if (text === undefined) return fallback;
  const ms = parseDuration(text);
  if (ms === undefined) throw new UsageError(`${flag} ${JSON.stringify(text)}: a duration is a number with a unit, e.g. 30s, 5m, 2h, 1d, 500ms (or 0)`);
  return ms;
}

function isMessageWithoutId(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && (value as { type?: unknown }).type === "message" && (value as { eventId?: unknown }).eventId === undefined
  );
}

/** Opens and closes a file, so that a missing one is a usage problem before any work is done. */
function checkReadable(path: string, what: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error("a folder"), { code: "EISDIR" });
  } catch (error) {
    throw new FileError(`cannot read ${what} file \`${escapeText(path)}\`: ${fileProblem(error) ?? String(error)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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

  push(): void {
    if (this.buffer === "") return;
    if (this.io.stdout.write(this.buffer) === false) this.blocked = true;
    this.buffer = "";
  }
}

/** The status a `record.status` event sets, if the line is one. */
function statusOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const event = value as { type?: unknown; status?: unknown };
  return event.type === "record.status" && typeof event.status === "string" ? event.status : undefined;
}
