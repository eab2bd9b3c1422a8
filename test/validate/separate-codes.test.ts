// The codes the invalid fixtures cannot produce: tag-too-long needs a catalog with a
// long session type name, no-policies a folder without policy files, read-error a file that
// cannot be read.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";
import { defaultCatalog, type Catalog } from "../../compiler/model/catalog.js";
import { validateSources } from "../../compiler/pipeline.js";
import { brief, captureIo, minimalPolicy, source } from "./support.js";

const longName = "Messaging Inbound (Web Chat via Partner App)";
const catalog: Catalog = {
  ...defaultCatalog(),
  sessionTypes: [...defaultCatalog().sessionTypes, { name: longName, channel: "chat" }],
};

const freshdesk = (tags: string) => source("freshdesk.yaml", minimalPolicy("freshdesk-tags", "freshdesk") + tags);

describe("tag-too-long", () => {
  it("warns for each session type name over Freshdesk's 32 characters", () => {
    expect(longName.length).toBeGreaterThan(32);
    const result = validateSources([freshdesk("tags:\n  sessionType: true\n")], catalog);
    expect(result.diagnostics.map(brief)).toEqual(["tag-too-long 8:16"]);
    const [d] = result.diagnostics;
    expect(d?.severity).toBe("warning");
    expect(d?.pointer).toBe("/tags/sessionType");
    expect(d?.message).toBe(`Freshdesk tag \`${longName}\` is ${longName.length} characters, over Freshdesk's 32`);
    expect(d?.help).toBe(`the tag will be cut to \`${longName.slice(0, 32)}\``);
    // a warning: the policy is still valid
    expect(result.ok).toBe(true);
  });

  it("is silent with the shipped catalog, whose names all fit", () => {
    expect(defaultCatalog().sessionTypes.every((t) => t.name.length <= 32)).toBe(true);
    expect(validateSources([freshdesk("tags:\n  sessionType: true\n")]).diagnostics).toEqual([]);
  });

  it("is silent when session type tags are off, or the CRM has no tag limit", () => {
    expect(validateSources([freshdesk("tags:\n  platform: true\n")], catalog).diagnostics).toEqual([]);
    const zendesk = source("zendesk.yaml", minimalPolicy("zendesk-tags") + "tags:\n  sessionType: true\n");
    expect(validateSources([zendesk], catalog).diagnostics).toEqual([]);
  });
});

describe("no-policies", () => {
  const empty = mkdtempSync(join(tmpdir(), "crm-policy-empty-"));
  writeFileSync(join(empty, "README.md"), "not a policy\n");
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it("validateSources of nothing is a success with nothing to say", () => {
    expect(validateSources([])).toEqual({ policies: [], diagnostics: [], ok: true });
  });

  it("`validate` on a folder without policy files warns, and exits 0", async () => {
    const io = captureIo();
    expect(await main(["validate", empty, "--format", "json"], io)).toBe(0);
    const diagnostics = JSON.parse(io.out()) as { code: string; severity: string; file: string; line: number; column: number; help?: string }[];
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "no-policies", severity: "warning", line: 1, column: 1 });
    expect(diagnostics[0]?.help).toBe("policy files end in `.yaml`, `.yml` or `.json`");
  });

  it("human format names the folder", async () => {
    const io = captureIo();
    expect(await main(["validate", empty], io)).toBe(0);
    expect(io.out()).toMatch(/^.+:1:1: warning\[no-policies\]: no policy files found in `.+`\n/);
    expect(io.err()).toBe("0 errors, 1 warning in 0 files\n");
  });
});

describe("read-error", () => {
  it("an unreadable file in a folder (a dangling symlink) is a read-error diagnostic, exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crm-policy-read-error-"));
    symlinkSync(join(dir, "missing.yaml"), join(dir, "dangling.yaml"));
    const io = captureIo();
    expect(await main(["validate", dir, "--format", "json"], io)).toBe(1);
    const diagnostics = JSON.parse(io.out()) as { code: string; file: string; line: number }[];
    expect(diagnostics).toMatchObject([{ code: "read-error", line: 1 }]);
    expect(diagnostics[0]?.file).toMatch(/dangling\.yaml$/);
  });
});
