import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/pipeline.js";
import { BundleError, loadBundle } from "@crm-policy/runtime";
import { readSources } from "../../cli/source-files.js";
import { runCli } from "../support/run-cli.js";

const dir = mkdtempSync(join(tmpdir(), "crm-policy-bundle-"));
const sources = readSources(["policies"]);

function bundleText(): string {
  const result = compileSources(sources);
  if (result.bundle === undefined) throw new Error("example policies do not compile");
  return result.bundle.text;
}

describe("the bundle", () => {
  it("is byte-identical whatever the order of the input files", () => {
    const reversed = compileSources([...sources].reverse()).bundle?.text;
    expect(reversed).toBe(bundleText());
  });

  it("carries format, compiler version, a revision per policy and a digest", () => {
    const bundle = loadBundle(bundleText()).bundle;
    expect(bundle.format).toBe("crm-policy-bundle/v1");
    expect(bundle.compiler).toMatch(/^crm-policy \d+\.\d+\.\d+$/);
    expect(bundle.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(bundle.policies.map((p) => p.name)).toEqual(["acme-support", "globex-helpdesk", "initech-service", "umbrella-care"]);
    for (const policy of bundle.policies) expect(policy.revision).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("changes a policy's revision when its source changes, and only that one", () => {
    const before = loadBundle(bundleText()).bundle.policies;
    const edited = sources.map((s) => (s.file.endsWith("acme-support.yaml") ? { ...s, bytes: Buffer.concat([s.bytes, Buffer.from("# reviewed\n")]) } : s));
    const after = compileSources(edited).bundle?.value.policies ?? [];
    expect(after.map((p) => p.revision === before.find((b) => b.name === p.name)?.revision)).toEqual([false, true, true, true]);
  });

  it("is refused when tampered with", () => {
    const tampered = bundleText().replace('"delayUntilConnected":true', '"delayUntilConnected":false');
    expect(tampered).not.toBe(bundleText());
    expect(() => loadBundle(tampered)).toThrow(BundleError);
    expect(() => loadBundle(tampered)).toThrow(/digest mismatch/);
  });

  it("from a newer format tells to upgrade the runtime; from an older one, to recompile", () => {
    const newer = bundleText().replace('"format":"crm-policy-bundle/v1"', '"format":"crm-policy-bundle/v2"');
    const older = bundleText().replace('"format":"crm-policy-bundle/v1"', '"format":"crm-policy-bundle/v0"');
    expect(() => loadBundle(newer)).toThrow(/upgrade the service's crm-policy runtime/);
    expect(() => loadBundle(older)).toThrow(/recompile the policies/);
    expect(() => loadBundle("{not json")).toThrow(/bundle is not JSON/);
  });
});

describe("crm-policy compile", () => {
  it("writes the bundle, and simulate gives the same lines from it as from the source", async () => {
    const out = join(dir, "policies.bundle.json");
    const compiled = await runCli(["compile", "policies", "--out", out]);
    expect(compiled.code).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(bundleText());
    for (const source of sources) {
      const name = loadBundle(bundleText()).bundle.policies.find((p) => source.file.includes(p.name))?.name ?? "";
      const events = ["--events", "examples/sessions.jsonl", "--records", "examples/records.jsonl"];
      const fromBundle = await runCli(["simulate", "--policy", out, "--name", name, ...events]);
      const fromSource = await runCli(["simulate", "--policy", source.file, ...events]);
      expect(fromBundle.code).toBe(0);
      expect(fromBundle.stdout).toBe(fromSource.stdout);
      expect(fromBundle.stdout.split("\n").length).toBeGreaterThan(3);
    }
  });

  it("writes nothing when a policy has an error", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "apiVersion: crm-policy/v1\nkind: RecordCreationPolicy\nmetadata: {name: bad}\ncrm: {system: salesforce}\ntags: {platform: true}\n");
    const out = join(dir, "never.bundle.json");
    const result = await runCli(["compile", bad, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("error[tags-not-supported]");
    expect(existsSync(out)).toBe(false);
  });

  it("simulate refuses a tampered bundle with a clear error and no stack trace", async () => {
    const path = join(dir, "tampered.bundle.json");
    writeFileSync(path, bundleText().replace('"reopenStatus":"Open"', '"reopenStatus":"Reopened"'));
    const result = await runCli(["simulate", "--policy", path, "--name", "acme-support", "--events", "examples/sessions.jsonl"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/digest mismatch/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe("");
  });
});
