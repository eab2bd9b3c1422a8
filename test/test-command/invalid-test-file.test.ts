// Test files are checked like policies: every problem, located, with the policy checks' codes.
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { validateTestFile } from "../../compiler/policy-tests/validate-test-file.js";
import { fixtures, runTest } from "./support.js";

const invalidFile = join(fixtures.invalid, "invalid.test.yaml");
const brief = (d: Diagnostic) => `${d.code} ${d.line}:${d.column}`;
/** `policies` null: the folder's policies do not compile. */
const check = (text: string, policies: string[] | null = ["mini-support"]) => {
  const result = validateTestFile({ file: "t.test.yaml", bytes: new TextEncoder().encode(text) }, policies ?? undefined);
  return result.ok ? [] : result.diagnostics;
};

describe("the invalid fixture", () => {
  it("reports every problem, sorted, at its line and column", async () => {
    const { code, stdout, stderr } = await runTest(fixtures.invalid);
    expect(code).toBe(1);
    expect(stderr).toBe("0 passed, 0 failed in 1 test file; 1 test file not run\n");
    const headers = stdout.split("\n").filter((line) => line.startsWith(invalidFile + ":"));
    expect(headers).toEqual([
      `${invalidFile}:4:13: error[invalid-value]: no policy named \`mini-suport\` beside this test file`,
      `${invalidFile}:6:26: error[unknown-property]: unknown property \`sesionId\``,
      `${invalidFile}:7:17: error[invalid-value]: \`conected\` is not a valid \`type\``,
      `${invalidFile}:8:43: error[invalid-value]: \`yesterday\` is not a valid \`at\``,
      `${invalidFile}:10:21: error[invalid-value]: \`crate\` is not a valid \`decision\``,
      `${invalidFile}:10:28: error[unknown-property]: unknown property \`titel\``,
      `${invalidFile}:11:16: error[out-of-range]: \`rejected\` names event 4, but the case has 3 events`,
      `${invalidFile}:12:11: error[duplicate-name]: test case name \`typos\` is used twice`,
      `${invalidFile}:16:21: error[invalid-value]: record \`R1\` is listed twice`,
      `${invalidFile}:17:13: error[invalid-value]: \`events\` must list at least 1 item`,
      `${invalidFile}:18:13: error[wrong-type]: \`expect\` must be a list, found a mapping \`{}\``,
    ]);
    expect(stdout).toContain("  = help: did you mean `mini-support`?\n");
    expect(stdout).toContain("  = help: did you mean `sessionId`?\n");
    expect(stdout).toContain("  = help: did you mean `connected`?\n");
    expect(stdout).toContain("  = help: the first is on line 3\n");
    expect(stdout.endsWith(`${invalidFile}\n  not run: the test file has 11 errors\n`)).toBe(true);
  });

  it("underlines the offending text", async () => {
    const { stdout } = await runTest(fixtures.invalid);
    expect(stdout).toContain(
      [
        `${invalidFile}:6:26: error[unknown-property]: unknown property \`sesionId\``,
        "  |",
        '6 |       - { type: started, sesionId: c1, at: "2026-11-20T10:00:00Z", channel: voice, sessionType: "Voice Inbound (IVR)", queue: Q }',
        "  |                          ^^^^^^^^",
      ].join("\n"),
    );
  });
});

const started = '{ type: started, sessionId: c1, at: "2026-11-20T10:00:00Z", channel: voice, sessionType: "Voice Inbound (IVR)", queue: Q }';
const withCase = (fields: string) => `tests:\n  - name: a\n    policy: mini-support\n${fields}`;

describe.each([
  ["YAML syntax", "tests: [\n", ["yaml-syntax 2:1"]],
  ["a duplicate key", `tests:\n  - name: a\n    name: b\n`, ["duplicate-key 3:5"]],
  ["an empty file", "# nothing\n", ["empty-file 1:1"]],
  ["two documents", `tests: []\n---\ntests: []\n`, ["multiple-documents 2:1"]],
  ["a bare list of cases", `- name: a\n`, ["wrong-type 1:1"]],
  ["no cases", `tests: []\n`, ["invalid-value 1:8"]],
  ["a case without events and expect", withCase(""), ["missing-property 2:5", "missing-property 2:5"]],
  [
    "a missing event field",
    withCase(`    events:\n      - { type: message, sessionId: c1, at: "2026-11-20T10:00:00Z" }\n    expect: []\n`),
    ["missing-property 5:9"],
  ],
  [
    "a field of another event type",
    withCase(`    events:\n      - { type: connected, sessionId: c1, at: "2026-11-20T10:00:00Z", from: agent }\n    expect: []\n`),
    ["unknown-property 5:71"],
  ],
  ["an event without a type", withCase(`    events:\n      - { sessionId: c1, at: "2026-11-20T10:00:00Z" }\n    expect: []\n`), ["missing-property 5:9"]],
  ["an unknown reason", withCase(`    events:\n      - ${started}\n    expect:\n      - { reason: abandoned }\n`), ["invalid-value 7:19"]],
  [
    "a record without createdAt",
    withCase(`    records:\n      - { recordId: R1, queue: Q, status: New }\n    events:\n      - ${started}\n    expect: []\n`),
    ["missing-property 5:9"],
  ],
  [
    "a malformed closedAt",
    withCase(
      `    records:\n      - { recordId: R1, queue: Q, status: New, createdAt: "2026-11-20T10:00:00Z", closedAt: soon }\n    events:\n      - ${started}\n    expect: []\n`,
    ),
    ["invalid-value 5:93"],
  ],
  ["rejected 0", withCase(`    events:\n      - ${started}\n    expect: []\n    rejected: [0]\n`), ["out-of-range 7:16"]],
])("%s", (_, text, expected) => {
  it("is reported at its position", () => {
    expect(check(text).map(brief)).toEqual(expected);
  });
});

describe("policy names", () => {
  const text = withCase(`    events:\n      - ${started}\n    expect: []\n`).replace("mini-support", "other");
  it("lists the policies of the folder when nothing is close", () => {
    const [d] = check(text, ["mini-support", "big-support"]);
    expect(d).toMatchObject({ code: "invalid-value", line: 3, column: 13, pointer: "/tests/0/policy", help: "policies here: `mini-support`, `big-support`" });
  });

  it("says so when the folder has no policy", () => {
    expect(check(text, [])[0]?.help).toBe("no policy files are in this test file's folder");
  });

  it("are not checked when the folder's policies do not compile", () => {
    expect(check(text, null)).toEqual([]);
  });
});

describe("a folder whose policies do not compile", () => {
  it("runs none of its test files, and prints the policies' diagnostics", async () => {
    const { code, stdout, stderr } = await runTest(fixtures.brokenPolicy);
    expect(code).toBe(1);
    expect(stdout).toContain(`${join(fixtures.brokenPolicy, "broken.yaml")}:6:11: error[invalid-value]: \`salesforse\` is not a valid \`system\``);
    expect(stdout).toContain(`${join(fixtures.brokenPolicy, "broken.test.yaml")}\n  not run: the policies in \`${fixtures.brokenPolicy}\` have errors\n`);
    expect(stderr).toBe("0 passed, 0 failed in 1 test file; 1 test file not run\n");
  });
});

describe("test files in other folders", () => {
  const dir = mkdtempSync(join(tmpdir(), "crm-policy-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("run against the policies of their own folder, and .test.yml counts too", async () => {
    copyFileSync(join(fixtures.failing, "mini-support.yaml"), join(dir, "mini-support.yaml"));
    writeFileSync(
      join(dir, "ok.test.yml"),
      withCase(
        `    events:\n      - ${started}\n      - { type: connected, sessionId: c1, at: "2026-11-20T10:00:30Z" }\n    expect:\n      - { decision: create }\n`,
      ),
    );
    const { code, stdout } = await runTest(dir);
    expect(stdout).toBe(`${join(dir, "ok.test.yml")}\n  pass  a\n`);
    expect(code).toBe(0);
  });

  it("print the runtime's warnings under the case, which still passes", async () => {
    const unknownType = started.replace("Voice Inbound (IVR)", "Voice Inbound (Pigeon)");
    writeFileSync(
      join(dir, "ok.test.yml"),
      withCase(
        `    events:\n      - ${unknownType}\n      - { type: connected, sessionId: c1, at: "2026-11-20T10:00:30Z" }\n    expect:\n      - { title: "Voice Inbound (Pigeon) c1" }\n`,
      ),
    );
    const { code, stdout } = await runTest(dir);
    expect(stdout).toBe(
      `${join(dir, "ok.test.yml")}\n  pass  a\n        warning: event 1 on line 5: unknown session type \`Voice Inbound (Pigeon)\`: using its name as CALL_TYPE\n`,
    );
    expect(code).toBe(0);
  });
});
