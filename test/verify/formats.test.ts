// verify --format github|junit: a violated `expect` is annotated at its name with the
// counterexample; an invariant's violation goes on the setting it speaks about.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { invariantSettings, placeOf } from "../../cli/verify-report/locate.js";
import { projectRoot } from "../../compiler/project-files.js";
import { invariants } from "../../verify/invariants/index.js";
import { runCli } from "../support/run-cli.js";
import { tempFolder, writePolicy } from "./support.js";

const folder = tempFolder();
const file = writePolicy(folder, "wrong-promise", {
  crm: { system: "zendesk" },
  records: { chats: { minConsumerMessages: 1 } },
  expect: [
    { name: "calls get records", for: 'channel == "voice"', always: 'decision != "none"' },
    { name: "chats never get records", for: 'channel == "chat"', always: 'decision == "none"' },
  ],
});
const lineOf = (text: string) =>
  readFileSync(file, "utf8")
    .split("\n")
    .findIndex((l) => l.includes(text)) + 1;

describe("verify formats", () => {
  it("github: one error annotation per violated expect, at its name, counterexample in the message", async () => {
    const r = await runCli(["verify", file, "--format", "github", "--runs", "20", "--lateness", "0"]);
    expect(r.code).toBe(1);
    const annotations = r.stdout.split("\n").filter((l) => l.startsWith("::error "));
    expect(annotations).toHaveLength(2);
    const chats = annotations.find((a) => a.includes("chats never get records"));
    expect(chats).toContain(`file=${file.replace(/:/g, "%3A").replace(/,/g, "%2C")},line=${lineOf("name: chats never get records")},`);
    expect(chats).toMatch(/%0Aevents:%0A\{"type":"started"/);
    expect(chats).toContain("%0Adecisions:%0A");
    expect(r.stdout).toContain(`  FAILED  expect "chats never get records"`);
  });

  it("junit: a testcase per property, failures with the counterexample", async () => {
    const r = await runCli(["verify", file, "--format", "junit", "--runs", "20", "--lateness", "0"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="crm-policy verify" tests="\d+" failures="2" errors="0">/);
    expect(r.stdout.match(/<failure message=/g)).toHaveLength(2);
    expect(r.stdout).toContain("events:\n{&quot;type&quot;:&quot;started&quot;".replace(/&quot;/g, '"'));
  });

  it("an unknown format is a usage error", async () => {
    expect((await runCli(["verify", file, "--format", "xml"])).code).toBe(2);
  });

  it("every invariant has a setting to annotate, found in the file or at its nearest written parent", () => {
    expect(Object.keys(invariantSettings).sort()).toEqual(invariants.map((i) => i.id).sort());
    const acme = join(projectRoot, "policies", "acme-support.yaml");
    const source = { file: acme, bytes: readFileSync(acme) };
    const lines = readFileSync(acme, "utf8").split("\n");
    const at = (id: string) => lines[placeOf(source, { id, title: id, check: () => undefined }, []).line - 1];
    expect(at("chat-threshold")).toContain("minConsumerMessages: 2");
    expect(at("connected-calls-only")).toContain("delayUntilConnected: true");
    expect(at("tags")).toContain("name: acme-support");
  });
});
