// Finding 8: `simulate` as a live filter. Decisions sat in a 64 KB buffer (a live stream saw
// nothing, Ctrl-C lost them all and the summary), `| head -1` printed an EPIPE stack trace, and
// a missing or folder `--events` was an internal error with exit 3.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

// a compiled bundle: the children start on the runtime alone
const dir = mkdtempSync(join(tmpdir(), "crm-policy-hostile-"));
const policy = join(dir, "policies.bundle.json");
beforeAll(async () => {
  expect((await runCli(["compile", "--out", policy])).code).toBe(0);
});
const at = "2026-11-20T10:00:00Z";
const session = (i: number) =>
  `{"type":"started","sessionId":"s${i}","at":"${at}","channel":"voice","sessionType":"Voice Inbound (IVR)","queue":"Q"}\n{"type":"connected","sessionId":"s${i}","at":"${at}"}\n`;

function start(args: string[]) {
  const child = spawn(process.execPath, ["bin/crm-policy.js", "simulate", "--policy", policy, "--name", "acme-support", ...args], {
    stdio: ["pipe", "pipe", "pipe"],
  });
  const out = { stdout: "", stderr: "" };
  child.stdout.on("data", (d: Buffer) => (out.stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out.stderr += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return { child, out, exit };
}

/** Waits until `ready` holds or `ms` pass: the test then checks what it got either way. */
async function until(ready: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!ready() && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
}

describe("simulate as a Unix filter", () => {
  it("writes decisions while its input is still open, and SIGINT flushes them and the summary", async () => {
    const { child, out, exit } = start(["--events", "-"]);
    let events = "";
    for (let i = 0; i < 100; i++) events += session(i);
    child.stdin.write(events);
    await until(() => out.stdout.split("\n").length > 100, 15_000);
    expect(out.stdout.split("\n").filter((l) => l !== "")).toHaveLength(100); // seen live, stdin still open
    child.kill("SIGINT");
    expect(await exit).toBe(130);
    expect(out.stderr).toMatch(/sessions 100, created 100, .*pending 100/);
  });

  it("SIGTERM also ends with the summary", async () => {
    const { child, out, exit } = start(["--events", "-"]);
    child.stdin.write(session(1));
    await until(() => out.stdout.includes("s1"), 15_000);
    child.kill("SIGTERM");
    expect(await exit).toBe(143);
    expect(out.stderr).toMatch(/sessions 1, created 1/);
  });

  it("ends quietly when its reader goes away (`| head -1`)", async () => {
    const file = join(dir, "events.jsonl");
    let events = "";
    for (let i = 0; i < 20_000; i++) events += session(i);
    writeFileSync(file, events);
    const { child, out, exit } = start(["--events", file]);
    await until(() => out.stdout.length > 0, 15_000);
    child.stdout.destroy();
    expect(await exit).toBe(0);
    expect(out.stderr).not.toMatch(/EPIPE|Error|at .*\.js/);
  });

  it.each([
    ["a missing file", "no/such/events.jsonl", /no such file/],
    ["a folder", "policies", /is a folder/],
  ])("a --events that is %s is one clear line, exit 2", async (_what, path, reason) => {
    const { code, stderr } = await runCli(["simulate", "--policy", policy, "--name", "acme-support", "--events", path]);
    expect(code).toBe(2);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(reason);
    expect(stderr).not.toMatch(/internal error/);
  });

  it("a missing --policy or --records is one clear line, exit 2", async () => {
    for (const args of [
      ["--policy", "no/such.yaml", "--events", "-"],
      ["--policy", policy, "--name", "acme-support", "--records", "no/such.jsonl", "--events", "-"],
    ]) {
      const { code, stderr } = await runCli(["simulate", ...args]);
      expect(code).toBe(2);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });
});
