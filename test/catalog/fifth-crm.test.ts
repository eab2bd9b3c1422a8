import { createHash } from "node:crypto";
// A fifth CRM is data: added to a copy of catalog/ and regenerated with the package's own
// generators, it is accepted by the schemas, the types, the checks, the runtime and the
// reference, with the built code (dist/) copied unchanged.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadCatalog } from "../../compiler/model/catalog.js";
import { projectRoot } from "../../compiler/project-files.js";
import { ReferenceInterpreter } from "../../reference/interpreter.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import type { CrmRecord } from "../../schemas/types/record.v1.js";

const hubspot = {
  label: "HubSpot",
  newStatus: "NEW",
  closedStatuses: ["CLOSED"],
  reopenStatus: "OPEN",
  neverUpdated: [],
  subjectLimit: 40,
  tags: true,
  tagStyle: "snake_case",
  platformTag: "ujet",
  tagLimit: 12,
  statuses: ["NEW", "OPEN", "CLOSED"],
};

const policyText = `apiVersion: crm-policy/v1
kind: RecordCreationPolicy
metadata:
  name: hubspot-support
crm:
  system: hubspot
records:
  append: { toOpenRecord: true }
tags:
  sessionType: true
  platform: true
title:
  template: "{{CALL_TYPE}} {{CALL_ID}} via {{MENU_PATH}}"
`;

const dir = mkdtempSync(join(tmpdir(), "crm-policy-fifth-crm-"));
const crmPolicy = (...args: string[]) => spawnSync(process.execPath, [join(dir, "bin", "crm-policy.js"), ...args], { cwd: dir, encoding: "utf8" });

beforeAll(() => {
  for (const part of ["catalog", "schemas", "dist", "bin", "examples", "package.json"]) cpSync(join(projectRoot, part), join(dir, part), { recursive: true });
  symlinkSync(join(projectRoot, "node_modules"), join(dir, "node_modules"));
  const file = join(dir, "catalog", "crm-systems.json");
  const catalog = JSON.parse(readFileSync(file, "utf8")) as { systems: Record<string, unknown> };
  catalog.systems["hubspot"] = hubspot;
  writeFileSync(file, JSON.stringify(catalog, null, 2) + "\n");
  // regeneration, as `npm run gen` does it, by the built generators
  execFileSync(process.execPath, [join(dir, "dist", "scripts", "gen-catalog.js")], { cwd: dir });
  execFileSync(process.execPath, [join(dir, "dist", "scripts", "gen-types.js")], { cwd: dir });
  writeFileSync(join(dir, "hubspot.yaml"), policyText);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Files of the copy that differ from the package's. */
function changed(sub: string): string[] {
  return readdirSync(join(dir, sub), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json") || f.endsWith(".ts") || f.endsWith(".js"))
    .filter((f) => readFileSync(join(dir, sub, f), "utf8") !== readFileSync(join(projectRoot, sub, f), "utf8"))
    .map((f) => join(sub, f))
    .sort();
}

describe("a fifth CRM added to the catalog", () => {
  it("changes only the catalog entry and the generated schemas and types; no code", () => {
    expect([...changed("catalog"), ...changed("schemas"), ...changed("dist")]).toEqual([
      "catalog/crm-systems.json",
      "schemas/policy.v1.schema.json",
      "schemas/types/policy.v1.ts",
    ]);
  });

  it("is in the schemas' enums and the generated TypeScript unions", () => {
    const policySchema = readFileSync(join(dir, "schemas", "policy.v1.schema.json"), "utf8");
    expect(JSON.parse(policySchema).properties.crm.properties.system.enum).toContain("hubspot");
    expect(readFileSync(join(dir, "schemas", "types", "policy.v1.ts"), "utf8")).toMatch(/system: .*"freshdesk" \| "hubspot"/);
    // a bundle names its CRM but the runtime reads only its capabilities: the bundle schema, and
    // the validator generated from it, need no regeneration
    expect(readFileSync(join(dir, "schemas", "types", "bundle.v1.ts"), "utf8")).toMatch(/system: string;/);
  });

  it("is checked from its capabilities: the tag limit warns of session type tags that will be cut", () => {
    const result = crmPolicy("validate", "hubspot.yaml", "--format", "json");
    expect(result.status).toBe(0);
    const diagnostics = JSON.parse(result.stdout) as { code: string; message: string }[];
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(new Set(diagnostics.map((d) => d.code))).toEqual(new Set(["tag-too-long"]));
    expect(diagnostics[0]?.message).toMatch(/^HubSpot tag `[a-z0-9_]+` is \d+ characters, over HubSpot's 12$/);
  });

  it("is compiled, run by the runtime, and agrees with the reference", () => {
    expect(crmPolicy("compile", "hubspot.yaml", "--out", "bundle.json").status).toBe(0);
    const run = crmPolicy(
      "simulate",
      "--policy",
      "bundle.json",
      "--name",
      "hubspot-support",
      "--events",
      "examples/sessions.jsonl",
      "--records",
      "examples/records.jsonl",
    );
    expect(run.status).toBe(0);
    const decisions = run.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { decision: string; tags?: string[]; status?: string; title?: string });
    const created = decisions.filter((d) => d.decision === "create");
    expect(created.length).toBeGreaterThan(0);
    for (const d of created) {
      expect(d.status).toBe("NEW");
      expect(d.tags?.at(-1)).toBe("ujet");
      expect(d.tags?.[0]).toMatch(/^[a-z0-9_]{1,12}$/);
      expect([...(d.title ?? "")].length).toBeLessThanOrEqual(40);
    }

    const records = readFileSync(join(dir, "examples", "records.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as CrmRecord);
    const revision = "sha256:" + createHash("sha256").update(policyText).digest("hex");
    const reference = new ReferenceInterpreter(parse(policyText) as RecordCreationPolicy, loadCatalog(join(dir, "catalog")), records, revision);
    const events = readFileSync(join(dir, "examples", "sessions.jsonl"), "utf8")
      .trim()
      .split("\n");
    const outcomes = [...events.flatMap((line) => reference.receive(JSON.parse(line))), ...reference.flush()];
    const expected = outcomes.flatMap((o) => ("decision" in o ? [o.decision] : []));
    expect(decisions).toEqual(expected);
  });

  it("is refused by the package's own, unregenerated schema", () => {
    const shipped = spawnSync(process.execPath, [join(projectRoot, "bin", "crm-policy.js"), "validate", join(dir, "hubspot.yaml")], { encoding: "utf8" });
    expect(shipped.status).toBe(1);
    expect(shipped.stdout).toContain("hubspot");
  });
});
