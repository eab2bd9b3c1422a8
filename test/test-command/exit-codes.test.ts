// Exit statuses of `crm-policy test`: 0 all passed, 1 any failure or file that could not run
// (or no test file at all), 2 a usage error.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtures, policiesFolder, runTest } from "./support.js";

const empty = mkdtempSync(join(tmpdir(), "crm-policy-no-tests-"));
writeFileSync(join(empty, "policy.yaml"), "not a test file\n");
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe.each([
  ["every case passes", [policiesFolder], 0, undefined],
  ["a case fails", [fixtures.failing], 1, "1 passed, 2 failed in 1 test file"],
  ["a test file is invalid", [fixtures.invalid], 1, "1 test file not run"],
  ["the policies beside a test file do not compile", [fixtures.brokenPolicy], 1, "1 test file not run"],
  ["no test file is found", [empty], 1, "no test files found in"],
  ["--format is unknown", [policiesFolder, "--format", "xml"], 2, "unknown --format `xml`: use human, junit or github"],
  ["an option is unknown", [policiesFolder, "--verbose"], 2, "--verbose"],
  ["a path does not exist", [join(policiesFolder, "nope")], 2, "no such file or folder"],
  ["a file given is not a test file", [join(policiesFolder, "acme-support.yaml")], 2, "is not a test file: test files are named `*.test.yaml`"],
] as const)("when %s", (_, args, status, message) => {
  it(`exits ${status}`, async () => {
    const { code, stderr } = await runTest(...args);
    expect(code).toBe(status);
    if (message !== undefined) expect(stderr).toContain(message);
    if (status === 2) expect(stderr).toContain("usage: crm-policy test [PATH...] [--format human|junit|github]");
  });
});
