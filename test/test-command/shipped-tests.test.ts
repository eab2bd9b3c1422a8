// `crm-policy test` on the shipped policies/: every example policy has a test file, and every
// case passes. validate and compile, which search the same folder, skip the test files.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../support/run-cli.js";
import { caseNames, policiesFolder, runTest } from "./support.js";

const testFiles = readdirSync(policiesFolder)
  .filter((f) => f.endsWith(".test.yaml"))
  .sort();
const policyFiles = readdirSync(policiesFolder)
  .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.endsWith(".test.yaml"))
  .sort();

describe("policies/", () => {
  it("has a test file for every policy", () => {
    expect(testFiles).toEqual(policyFiles.map((f) => f.replace(/\.(ya?ml|json)$/, ".test.yaml")));
  });

  it("passes every case, listing each one, and exits 0", async () => {
    const { code, stdout, stderr } = await runTest(policiesFolder);
    const expected = testFiles.flatMap((f) => [join(policiesFolder, f), ...caseNames(join(policiesFolder, f)).map((name) => `  pass  ${name}`)]);
    expect(stdout).toBe(expected.join("\n") + "\n");
    expect(stderr).toBe(`${expected.length - testFiles.length} passed, 0 failed in ${testFiles.length} test files\n`);
    expect(code).toBe(0);
  });

  it("is the default PATH", async () => {
    const explicit = await runTest(policiesFolder);
    const byDefault = await runTest();
    expect(byDefault).toEqual(explicit);
  });

  it("runs one test file given by name", async () => {
    const file = join(policiesFolder, "acme-support.test.yaml");
    const { code, stdout } = await runTest(file);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe(file);
    expect(stdout.match(/^ {2}pass {2}/gm)).toHaveLength(caseNames(file).length);
  });

  it("tests the settings and every override of acme-support", () => {
    const names = caseNames(join(policiesFolder, "acme-support.test.yaml")).join("\n");
    for (const topic of [
      "connects, not when it is assigned",
      "second consumer message",
      "three consumer messages (override)",
      "dialed number (override)",
      "never append (override)",
      "within 3 days",
      "short-abandoned",
    ]) {
      expect(names).toContain(topic);
    }
  });
});

describe("validate and compile skip test files", () => {
  it("validate finds the 4 policies only", async () => {
    const { code, stderr } = await runCli(["validate", policiesFolder]);
    expect(code).toBe(0);
    expect(stderr).toBe(`0 errors, 0 warnings in ${policyFiles.length} files\n`);
  });

  it("compile bundles the 4 policies only", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crm-policy-cli-test-"));
    try {
      const { code, stderr } = await runCli(["compile", policiesFolder, "--out", join(dir, "policies.bundle.json")]);
      expect(code).toBe(0);
      expect(stderr).toContain(`: ${policyFiles.length} policies, sha256:`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
