// `simulate --checkpoint` survives SIGKILL: a 100,000-event log, killed several times at
// random points, each time resumed from its last checkpoint with the rest of the log (and an
// overlap of lines before the checkpoint, which resume skips); the decision lines kept by the
// consumer — those the checkpoint counts, then the resumed run's — are exactly an
// uninterrupted run's: none lost, none doubled (docs/snapshots.md, "simulate").
import { spawn } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { benchBundle, benchPolicy } from "../../bench/policy.js";
import { writeInputs } from "../../bench/simulate.js";
import { syntheticTrace } from "../../bench/trace.js";

const events = 100_000;
const kills = 4;
const every = "4000";

/** When to kill: once the output file has `bytes`, or as soon as the run has written its `checkpoints`-th checkpoint to `file`. */
type Kill = { bytes: number } | { checkpoints: number; file: string };

/** Runs `simulate` with stdout to a file; kills it with SIGKILL when `kill` says. */
function simulate(args: string[], out: string, kill?: Kill): Promise<{ code: number | null; killed: boolean; stderr: string }> {
  const fd = openSync(out, "w");
  const child = spawn(process.execPath, ["bin/crm-policy.js", "simulate", ...args], { stdio: ["ignore", fd, "pipe"] });
  closeSync(fd);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let killed = false;
  let written = 0;
  let last = kill !== undefined && "file" in kill && existsSync(kill.file) ? statSync(kill.file).mtimeMs : 0;
  const due = (): boolean => {
    if (kill === undefined) return false;
    if ("bytes" in kill) return statSync(out).size >= kill.bytes;
    const mtime = existsSync(kill.file) ? statSync(kill.file).mtimeMs : 0;
    if (mtime !== last) {
      last = mtime;
      written++;
    }
    return written >= kill.checkpoints;
  };
  const poll =
    kill === undefined
      ? undefined
      : setInterval(() => {
          if (!killed && due()) killed = child.kill("SIGKILL");
        }, 2);
  return new Promise((resolve) =>
    child.on("close", (code) => {
      if (poll !== undefined) clearInterval(poll);
      resolve({ code, killed, stderr });
    }),
  );
}

const lines = (file: string) => readFileSync(file, "utf8").split("\n").slice(0, -1); // a last line cut by the kill has no newline

it(`simulate killed ${kills} times with SIGKILL and resumed from its checkpoints writes exactly the uninterrupted run's decisions (${events} events)`, async () => {
  const bundle = benchBundle();
  const files = writeInputs(bundle.text, syntheticTrace(events));
  const log = readFileSync(files.events, "utf8").split("\n").slice(0, -1);
  const base = ["--policy", files.bundle, "--name", benchPolicy.metadata.name];
  const whole = await simulate([...base, "--events", files.events, "--records", files.records], join(files.dir, "whole.out"));
  expect(whole.code, whole.stderr.slice(-2000)).toBe(0);
  const expected = lines(join(files.dir, "whole.out"));
  const wholeBytes = statSync(join(files.dir, "whole.out")).size;
  expect(expected.length).toBeGreaterThan(10_000);

  const seed = Number(process.env["CRM_POLICY_SEED"] ?? Date.now() % 100_000);
  let state = seed;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const checkpoint = join(files.dir, "run.checkpoint");
  const kept: string[] = [];
  const story: string[] = [];
  for (let run = 0; ; run++) {
    const out = join(files.dir, `run-${run}.out`);
    let args: string[];
    let done = 0;
    if (!existsSync(checkpoint)) {
      args = [...base, "--events", files.events, "--records", files.records];
      kept.length = 0;
    } else {
      const { position, decisionLines } = JSON.parse(readFileSync(checkpoint, "utf8")) as { position: number; decisionLines: number };
      // what the killed run wrote after its checkpoint is dropped: the resumed run writes it again
      expect(kept.length, `seed ${seed}: ${story.join("; ")}`).toBeGreaterThanOrEqual(decisionLines);
      kept.length = decisionLines;
      const from = Math.max(1, position + 1 - Math.floor(random() * 3_000));
      const rest = join(files.dir, `rest-${run}.jsonl`);
      writeFileSync(rest, log.slice(from - 1).join("\n") + "\n");
      args = [...base, "--events", rest, "--from-line", String(from), "--resume", checkpoint];
      story.push(`resumed at line ${position} from line ${from}, keeping ${decisionLines} lines`);
      done = decisionLines;
    }
    // somewhere between 10% and 50% of what is left to write; or right after the run's first
    // checkpoint, when the lines it counts have only just been written
    const left = (expected.length - done) / expected.length;
    const kill: Kill | undefined =
      run >= kills ? undefined : run % 3 === 0 ? { bytes: Math.floor(left * wholeBytes * (0.1 + 0.4 * random())) } : { checkpoints: 1, file: checkpoint };
    const result = await simulate([...args, "--checkpoint", checkpoint, "--checkpoint-every", every], out, kill);
    kept.push(...lines(out));
    if (!result.killed) {
      expect(result.code, `seed ${seed}: ${result.stderr.slice(-2000)}`).toBe(0);
      break;
    }
    story.push(`run ${run} killed at ${statSync(out).size} bytes of output`);
  }
  expect(story.filter((s) => s.includes("killed")).length, story.join("; ")).toBe(kills);
  expect(kept.length, `seed ${seed}: ${story.join("; ")}`).toBe(expected.length);
  expect(kept, `seed ${seed}: ${story.join("; ")}`).toEqual(expected);
}, 300_000);
