// `crm-policy verify`: the shipped policies pass; a false `expect` fails with a counterexample
// that `crm-policy simulate` replays, as printed, to the same decisions; usage errors exit 2.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runCli } from "../support/run-cli.js";
import { counterexampleOf, tempFolder, writePolicy } from "./support.js";

const folder = tempFolder();
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("verify policies/", () => {
  it("passes: every invariant that applies and every expect of every shipped policy holds", async () => {
    const { code, stdout, stderr } = await runCli(["verify", "policies"]);
    expect(stderr).toMatch(/^4 policies, \d+ properties, 0 failed\n$/);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    const headers = lines.filter((l) => !l.startsWith("  "));
    expect(headers.map((h) => h.split(" ")[0])).toEqual(["acme-support", "globex-helpdesk", "initech-service", "umbrella-care"]);
    for (const h of headers)
      expect(h).toMatch(
        /: proved up to \d+ events of one session \([\d,]+ traces, [\d,]+ more delivery orders within 30s of lateness\); sampled 1,000 traces of up to 4 sessions \(seed 42; each in up to 2 more delivery orders\)$/,
      );
    const properties = lines.filter((l) => l.startsWith("  "));
    expect(properties.every((l) => l.startsWith("  ok      "))).toBe(true);
    // each shipped policy states at least one property of its own, and the headline rule is checked where it applies
    expect(properties.filter((l) => l.includes('expect "')).length).toBeGreaterThanOrEqual(6);
    expect(stdout).toContain('  ok      expect "billing chats never create empty records"');
    expect(stdout).toContain("  ok      calls with delay until connected and records for abandoned calls: only connected calls get a record");
  });

  it("skips the test files that sit beside the policies", async () => {
    const { stdout } = await runCli(["verify", "policies", "--runs", "10", "--lateness", "0"]);
    expect(stdout).not.toMatch(/\.test\.ya?ml/);
  });

  it("verifies one file, and the same seed gives the same report", async () => {
    const first = await runCli(["verify", "policies/initech-service.yaml", "--runs", "50", "--seed", "7"]);
    const second = await runCli(["verify", "policies/initech-service.yaml", "--runs", "50", "--seed", "7"]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("sampled 50 traces of up to 4 sessions (seed 7; each in up to 2 more delivery orders)");
    expect(second.stdout).toBe(first.stdout);
  });
});

describe("a policy with a false expect", () => {
  const acme = parse(readFileSync("policies/acme-support.yaml", "utf8")) as Record<string, unknown> & { metadata: { name: string } };
  const file = writePolicy(folder, "acme-false", {
    ...acme,
    metadata: { name: "acme-false" },
    expect: [
      {
        name: "billing chats need four messages",
        for: 'channel == "chat" and queue matches "Support/Billing*"',
        always: 'decision == "none" or consumerMessages >= 4',
      },
    ],
  });

  it("fails, exit 1, with the counterexample that simulate replays to the same decisions", async () => {
    // in time order only: the counterexample is found there, delivery orders would only cost time
    const { code, stdout, stderr } = await runCli(["verify", file, "--lateness", "0"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/1 failed\n$/);
    expect(stdout).toContain('  FAILED  expect "billing chats need four messages"');
    // the other properties still pass
    expect(stdout).toContain("  ok      at most one decision per session, exactly one once it has ended");
    const c = counterexampleOf(stdout, 'expect "billing chats need four messages"');
    expect(c.command).toBe(`crm-policy simulate --policy ${file} --events -`);
    expect(c.records).toEqual([]);
    // shortest first: started, connected, three consumer messages, ended
    expect(c.events.map((l) => (JSON.parse(l) as { type: string }).type)).toEqual(["started", "connected", "message", "message", "message", "ended"]);
    expect(stdout).toMatch(/`decision == "none" or consumerMessages >= 4` does not hold/);

    const replayed = await runCli(["simulate", "--policy", file, "--events", "-"], c.events.join("\n") + "\n");
    expect(replayed.stderr).toMatch(/rejected 0, warnings 0/);
    expect(replayed.code).toBe(0);
    expect(replayed.stdout.trimEnd().split("\n")).toEqual(c.decisions);
    expect(JSON.parse(c.decisions[0] ?? "{}")).toMatchObject({ decision: "create", trigger: "message" });
  });
});

describe("a false expect that needs existing records", () => {
  const file = writePolicy(folder, "appends-sometimes", {
    crm: { system: "zendesk" },
    records: { append: { toOpenRecord: true, closedWithinDays: 2 } },
    expect: [{ name: "calls never append", for: 'channel == "voice"', always: 'decision != "append"' }],
  });

  it("prints the records too, and simulate with --records replays it", async () => {
    const { code, stdout } = await runCli(["verify", file, "--runs", "100"]);
    expect(code).toBe(1);
    const c = counterexampleOf(stdout, 'expect "calls never append"');
    expect(c.records.length).toBeGreaterThan(0);
    expect(c.command).toBe(`crm-policy simulate --policy ${file} --records records.jsonl --events -`);
    const records = join(folder, "records.jsonl");
    writeFileSync(records, c.records.join("\n") + "\n");
    const replayed = await runCli(["simulate", "--policy", file, "--records", records, "--events", "-"], c.events.join("\n") + "\n");
    expect(replayed.code).toBe(0);
    expect(replayed.stdout.trimEnd().split("\n")).toEqual(c.decisions);
    expect(c.decisions.some((d) => (JSON.parse(d) as { decision: string }).decision === "append")).toBe(true);
  });
});

describe("usage and input errors", () => {
  it.each([
    [["verify", "--runs", "x"], /--runs takes a whole number from 1 to 10,000,000, not `x`/],
    [["verify", "--runs", "0"], /--runs takes a whole number from 1/],
    [["verify", "--seed", "1.5"], /--seed takes a whole number, not `1.5`/],
    [["verify", "no/such/folder"], /no such file or folder: no\/such\/folder/],
    [["verify", "--frobnicate"], /unknown option `--frobnicate`/],
  ])("%j exits 2", async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(stderr).toMatch(message);
    expect(stderr).toContain("usage: crm-policy verify [PATH...] [--runs N] [--seed N]");
    expect(code).toBe(2);
  });

  it("exits 2 for a folder without policies", async () => {
    const empty = tempFolder();
    writeFileSync(join(empty, "notes.txt"), "no policy here\n");
    const { code, stderr } = await runCli(["verify", empty]);
    rmSync(empty, { recursive: true, force: true });
    expect(stderr).toMatch(/no policy files found/);
    expect(code).toBe(2);
  });

  it("exits 1 for a policy that does not compile, with its diagnostics", async () => {
    const broken = writePolicy(folder, "broken", { crm: { system: "zendesk" }, expect: [{ name: "x", always: 'decison == "none"' }] });
    const { code, stdout, stderr } = await runCli(["verify", broken]);
    expect(code).toBe(1);
    expect(stderr).toContain("error[condition-unknown-attribute]: unknown attribute `decison`");
    expect(stdout).toContain("FAILED  the policies do not compile: nothing to verify");
  });

  it("is listed in the help", async () => {
    const { stdout } = await runCli(["help"]);
    expect(stdout).toMatch(/^  verify +check each policy's invariants/m);
  });
});
