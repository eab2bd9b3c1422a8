// Finding 6, for `verify`: its report echoed policy text raw. An `expect` name could clear the
// screen and forge an `ok` line; a literal of a condition reached the counterexample's JSON lines
// with its bidi override, line separator and C1 control. Human and GitHub output now escape
// text, and the JSON lines keep parsing to the very values that simulate replays.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";

/** A character a terminal acts on or reorders: controls but line feed, line separators, format characters, lone surrogates. */
const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}|\p{Cs}/u;

const queue = "Q\u001b[31m\u202e\u2028x\u0085";
const folder = mkdtempSync(join(tmpdir(), "verify-text-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const file = join(folder, "hostile.yaml");
writeFileSync(
  file,
  `apiVersion: crm-policy/v1
kind: RecordCreationPolicy
metadata:
  name: hostile
crm:
  system: salesforce
overrides:
  - when: 'queue == "Q\\u001b[31m\\u202e\\u2028x\\u0085"'
    title: { template: "T {{CALL_ID}}" }
expect:
  - name: "forged\\e[2J\\r  ok      fine\\u202e\\u0007\\u200b"
    for: 'queue == "Q\\u001b[31m\\u202e\\u2028x\\u0085"'
    always: 'decision == "none"'
`,
);

describe("verify's report of a policy with hostile text", () => {
  it.each(["human", "github"])("holds no raw control or format character (%s)", async (format) => {
    const { code, stdout, stderr } = await runCli(["verify", file, "--runs", "20", "--format", format]);
    expect(code).toBe(1);
    expect(stdout).toContain("FAILED");
    expect(stdout).not.toMatch(raw);
    expect(stderr).not.toMatch(raw);
    // the name is shown, escaped, on the one line of its property
    expect(stdout).toContain("forged\\u{1b}[2J\\r  ok      fine\\u{202e}\\u{7}\\u{200b}");
  });

  it("prints the counterexample as JSON lines that parse to the hostile values themselves", async () => {
    const { stdout } = await runCli(["verify", file, "--runs", "20"]);
    const started = stdout.split("\n").find((line) => line.startsWith('{"type":"started"'));
    expect(started).toContain("\\u202e\\u2028");
    expect(JSON.parse(started ?? "null")).toMatchObject({ queue });
  });
});
