// Finding 10: files and folders. A symlinked subfolder was skipped silently, an unreadable one
// was an internal error, unknown YAML tags and integers past 2^53 were read without a word, a
// bundle in the policy folder broke `validate`, a bundle with a BOM was "not JSON", unknown
// record statuses were taken as open silently, and a file named twice was a `duplicate-name`.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { validateSources } from "../../compiler/pipeline.js";
import { unknownStatusWarning } from "../../cli/record-statuses.js";
import { readSources } from "../../cli/source-files.js";
import type { Crm } from "../../schemas/types/bundle.v1.js";
import { runCli } from "../support/run-cli.js";

// a folder root cannot read: the tests run as any user, so the refusal is simulated
vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const readdirSync = ((path: string, options?: unknown) => {
    if (String(path).endsWith("locked")) throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(path)}'`), { code: "EACCES" });
    return (fs.readdirSync as (p: string, o?: unknown) => unknown)(path, options);
  }) as typeof fs.readdirSync;
  return { ...fs, readdirSync, default: { ...fs, readdirSync } };
});

const policy = (name: string) => `apiVersion: crm-policy/v1\nkind: RecordCreationPolicy\nmetadata:\n  name: ${name}\ncrm:\n  system: zendesk\n`;

function folder(): string {
  const root = mkdtempSync(join(tmpdir(), "crm-policy-hostile-"));
  mkdirSync(join(root, "policies"));
  writeFileSync(join(root, "policies", "a.yaml"), policy("a"));
  return root;
}

describe("folders", () => {
  it("a symlinked subfolder is followed, and a link loop ends", () => {
    const root = folder();
    mkdirSync(join(root, "elsewhere"));
    writeFileSync(join(root, "elsewhere", "b.yaml"), policy("b"));
    symlinkSync(join(root, "elsewhere"), join(root, "policies", "linked"));
    symlinkSync(join(root, "policies"), join(root, "policies", "loop"));
    const files = readSources([join(root, "policies")]).map((s) => s.file.slice(s.file.lastIndexOf("/") + 1));
    expect(files).toEqual(["a.yaml", "b.yaml"]);
  });

  it("an unreadable subfolder is a read-error diagnostic, and the rest is still validated", () => {
    const root = folder();
    mkdirSync(join(root, "policies", "locked"));
    const sources = readSources([join(root, "policies")]);
    const result = validateSources(sources);
    expect(result.diagnostics.map((d) => [d.code, d.file.endsWith("locked")])).toEqual([["read-error", true]]);
    expect(result.policies.map((p) => p.policy.metadata.name)).toEqual(["a"]);
  });

  it("the same file named twice, under two spellings, is read once", async () => {
    const { code, stdout } = await runCli(["validate", "policies/acme-support.yaml", "./policies/acme-support.yaml", "policies/../policies/acme-support.yaml"]);
    expect(stdout).not.toMatch(/duplicate-name/);
    expect(code).toBe(0);
  });

  it("a bundle written into the policy folder is recognised and skipped with a note", async () => {
    const root = folder();
    expect((await runCli(["compile", join(root, "policies"), "--out", join(root, "policies", "out.bundle.json")])).code).toBe(0);
    copyFileSync(join(root, "policies", "out.bundle.json"), join(root, "policies", "other.json"));
    const { code, stdout } = await runCli(["validate", join(root, "policies")]);
    expect(code).toBe(0);
    expect(stdout.match(/warning\[bundle-skipped\]/g)).toHaveLength(2);
  });

  it("a bundle with a byte order mark loads as a policy file with one does", async () => {
    const root = folder();
    const bundle = join(root, "bom.bundle.json");
    expect((await runCli(["compile", join(root, "policies"), "--out", bundle])).code).toBe(0);
    writeFileSync(bundle, "\uFEFF" + readFileSync(bundle, "utf8"));
    const { code, stderr } = await runCli(["simulate", "--policy", bundle, "--events", "-"], "");
    expect(stderr).not.toMatch(/not JSON/);
    expect(code).toBe(0);
  });
});

describe("values", () => {
  const validate = (text: string) => validateSources([{ file: "p.yaml", bytes: Buffer.from(text) }]).diagnostics.map((d) => [d.code, d.line]);

  it("an unknown YAML tag is a diagnostic at the tag", () => {
    expect(validate(policy("t") + 'title:\n  template: !foo "x"\n')).toEqual([["yaml-syntax", 8]]);
  });

  it("an integer beyond 2^53 is out-of-range, not silently rounded", () => {
    expect(validate(policy("n") + "records:\n  append: { toOpenRecord: true, closedWithinDays: 9007199254740993 }\n")).toEqual([["out-of-range", 8]]);
  });
});

describe("record statuses", () => {
  it("a status the CRM does not have gets a warning listing the ones it has", async () => {
    const root = folder();
    const records = join(root, "records.jsonl");
    const record = (id: string, status: string) =>
      JSON.stringify({ recordId: id, endUser: "u1", queue: "Q", status, createdAt: "2026-11-19T10:00:00Z", closedAt: null });
    writeFileSync(records, [record("r1", "BOGUS"), record("r2", "Solved"), record("r3", "pending")].join("\n") + "\n");
    const events = JSON.stringify({ type: "record.status", recordId: "r3", status: "Closed", at: "2026-11-20T10:00:00Z" }) + "\n";
    const { stderr } = await runCli(["simulate", "--policy", join(root, "policies", "a.yaml"), "--records", records, "--events", "-"], events);
    const warnings = stderr.split("\n").filter((l) => l.includes("warning: unknown zendesk status"));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/`BOGUS`.*treated as open.*`new`, `open`, `pending`, `hold`, `solved`, `closed`/);
    expect(warnings[1]).toMatch(/`Solved` \(did you mean `solved`\?\)/);
    expect(warnings[2]).toMatch(/^line 1: warning: unknown zendesk status `Closed`/);
  });

  it("a CRM named like an inherited object property has no catalog statuses, and no crash", () => {
    const crm = { system: "constructor", newStatus: "New", reopenStatus: "Open", closedStatuses: ["Closed"], neverUpdated: [] } as unknown as Crm;
    expect(unknownStatusWarning("Odd", crm)).toMatch(/^unknown constructor status `Odd`, treated as open: constructor statuses are `New`, `Open`, `Closed`$/);
    expect(unknownStatusWarning("Closed", crm)).toBeUndefined();
  });
});
