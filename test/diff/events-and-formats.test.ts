// `diff --events` replays a recorded log through both versions: the sessions reported are
// exactly those whose decisions differ (record ids renumbered by another session's change are
// no difference); and the three formats: JSON valid against schemas/diff.v1.schema.json,
// Markdown with a headline, a table and collapsed examples.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../compiler/project-files.js";
import { runCli } from "../support/run-cli.js";
import { tempFolder } from "./support.js";

const acme = join(projectRoot, "policies", "acme-support.yaml");
const events = join(projectRoot, "examples", "sessions.jsonl");
const records = join(projectRoot, "examples", "records.jsonl");
const folder = tempFolder();

/** acme-support with one more override after the others. */
function withOverride(name: string, override: string): string {
  const file = join(folder, `${name}.yaml`);
  writeFileSync(file, readFileSync(acme, "utf8").replace("expect:", `${override}expect:`));
  return file;
}

/** Each session's decision under a policy, as simulate prints it, the created record's id left out. */
async function simulated(policy: string): Promise<Map<string, string>> {
  const { stdout } = await runCli(["simulate", "--policy", policy, "--events", events, "--records", records]);
  const out = new Map<string, string>();
  for (const line of stdout.split("\n").filter((l) => l !== "")) {
    const d = JSON.parse(line) as Record<string, unknown>;
    if (d["decision"] === "create") delete d["recordId"];
    // provenance names the policy version, which differs by design; what was decided is compared
    for (const field of ["policy", "revision", "overrides"]) delete d[field];
    out.set(String(d["sessionId"]), JSON.stringify(d));
  }
  return out;
}

describe("diff --events", () => {
  it("reports exactly the sessions whose decisions differ, however records are numbered", async () => {
    // Sales calls now get a record when they end abandoned: c3 creates one, so w1's record is
    // sim-2 instead of sim-1 — the same decision for w1.
    const changed = withOverride("sales", `  - when: 'queue == "Sales"'\n    records:\n      calls: { delayUntilConnected: false }\n`);
    const r = await runCli(["diff", acme, changed, "--events", events, "--records", records, "--format", "json"]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const log = report.policies[0].log;
    const [before, after] = [await simulated(acme), await simulated(changed)];
    const differing = [...new Set([...before.keys(), ...after.keys()])].filter((id) => before.get(id) !== after.get(id));
    expect(differing).toEqual(["c3"]);
    expect(log.groups.flatMap((g: { example: { sessionIds: string[] } }) => g.example.sessionIds)).toEqual(differing);
    expect([log.sessions, log.differing, log.lines]).toEqual([6, 1, 24]);
  });

  it("a policy written differently replays to no change, exit 0", async () => {
    const same = join(folder, "same.json");
    const { parse } = await import("yaml");
    writeFileSync(same, JSON.stringify(parse(readFileSync(acme, "utf8"))));
    const r = await runCli(["diff", acme, same, "--events", events, "--records", records]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("0 changed, 0 added, 0 removed, 1 unchanged");
  });
});

describe("diff formats", () => {
  const changed = withOverride("threshold", `  - when: 'channel == "chat" and queue == "Main"'\n    records:\n      chats: { minConsumerMessages: 1 }\n`);
  const args = ["diff", acme, changed, "--max-events", "5", "--runs", "10"];

  it("json validates against schemas/diff.v1.schema.json", async () => {
    const r = await runCli([...args, "--format", "json"]);
    expect(r.code).toBe(1);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    for (const name of ["record", "session-event", "decision"])
      ajv.addSchema(JSON.parse(readFileSync(join(projectRoot, "schemas", `${name}.v1.schema.json`), "utf8")));
    const validate = ajv.compile(JSON.parse(readFileSync(join(projectRoot, "schemas", "diff.v1.schema.json"), "utf8")));
    const value = JSON.parse(r.stdout);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    expect(value.policies[0].behaviour.groups.length).toBeGreaterThan(0);
    expect(validate({ ...value, policies: [{ ...value.policies[0], status: "renamed" }] })).toBe(false);
  });

  it("markdown: headline, table of groups, each example collapsed", async () => {
    const r = await runCli([...args, "--format", "markdown"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^#### acme-support: \d+ kinds? of session decides? differently \([\d,]+ of [\d,]+ traces\)$/m);
    expect(r.stdout).toContain("| # | what changed | sessions | also changed | traces |");
    const rows = r.stdout.split("\n").filter((l) => /^\| \d+ \|/.test(l)).length;
    expect(r.stdout.split("<details>").length - 1).toBe(rows);
    expect(r.stdout).toContain('- `override 4 added: when channel == "chat" and queue == "Main"`');
  });

  it("usage errors exit 2", async () => {
    expect((await runCli(["diff", acme])).code).toBe(2);
    expect((await runCli(["diff", acme, acme, "--format", "xml"])).code).toBe(2);
    expect((await runCli(["diff", acme, acme, "--records", records])).code).toBe(2);
  });
});
