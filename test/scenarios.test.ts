// Data-driven scenarios for `crm-policy simulate`.
//
// Every YAML file in test/scenarios/ is a list of cases written from docs/domain.md and
// docs/semantics.md (not from the implementation). Each case is replayed through the real CLI
// entry point with a policy file, an events file (JSON Lines) and a records file (JSON Lines),
// and the parsed stdout lines, the exit status and stderr substrings are compared.
//
// Case format:
//   name: <the rule it checks>          rule: <the sentence of the docs>
//   policy: {...}                       merged over {apiVersion, kind, metadata: {name: scenario}}
//   records: [...]                      optional existing CRM records
//   events: [...]                       event objects; `{raw: "<text>"}` writes the text verbatim
//   decisions: [...]                    exact expected stdout lines, in order; `policy`, `revision`
//                                       and `overrides` are checked (name `scenario`, the file's
//                                       revision) and compared only when listed
//   exit: 0 | 1 | nonzero               optional, default 0 ("nonzero": any status but 0)
//   stderr: ["line 3", ...]             optional substrings expected in stderr
//   args: ["--lateness", "30s"]         optional simulate arguments; default `--lateness 0`: each
//                                       case is decided in delivery order, the ended ones at
//                                       `ended` (late-events.yaml sets its own)
import { describe, it, expect } from "vitest";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { parse, stringify } from "yaml";
import { main } from "../cli/main.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface Scenario {
  file: string;
  name: string;
  rule: string;
  policy: { [key: string]: Json };
  records: Json[];
  events: ({ raw: string } | { [key: string]: Json })[];
  decisions: { [key: string]: Json }[];
  exit: number | "nonzero";
  stderr: string[];
  args: string[];
}

const here = dirname(fileURLToPath(import.meta.url));
const scenarioDir = join(here, "scenarios");
const semanticsPath = join(here, "..", "docs", "semantics.md");

const basePolicy = { apiVersion: "crm-policy/v1", kind: "RecordCreationPolicy", metadata: { name: "scenario" } };

function isObject(value: unknown): value is { [key: string]: Json } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads and checks the shape of every case, so a typo in a YAML file fails loudly. */
function loadScenarios(): Scenario[] {
  const files = readdirSync(scenarioDir)
    .filter((f) => f.endsWith(".yaml") || f.endsWith(".yml"))
    .sort();
  const scenarios: Scenario[] = [];
  for (const file of files) {
    const doc: unknown = parse(readFileSync(join(scenarioDir, file), "utf8"));
    if (!Array.isArray(doc)) throw new Error(`${file}: expected a list of cases`);
    doc.forEach((item: unknown, index) => {
      const where = `${file} case ${index + 1}`;
      if (!isObject(item)) throw new Error(`${where}: a case is a mapping`);
      const known = new Set(["name", "rule", "policy", "records", "events", "decisions", "exit", "stderr", "args"]);
      for (const key of Object.keys(item)) if (!known.has(key)) throw new Error(`${where}: unknown key \`${key}\``);
      const { name, rule, policy, records = [], events, decisions, exit = 0, stderr = [], args = ["--lateness", "0"] } = item;
      if (!Array.isArray(args) || !args.every((a) => typeof a === "string")) throw new Error(`${where}: args must be a list of strings`);
      if (typeof name !== "string" || name === "") throw new Error(`${where}: name must be a non-empty string`);
      if (typeof rule !== "string" || rule === "") throw new Error(`${where} (${name}): rule must be a non-empty string`);
      if (!isObject(policy)) throw new Error(`${where} (${name}): policy must be a mapping`);
      if (!Array.isArray(records)) throw new Error(`${where} (${name}): records must be a list`);
      if (!Array.isArray(events) || !events.every(isObject)) throw new Error(`${where} (${name}): events must be a list of mappings`);
      for (const e of events) {
        if ("raw" in e && (typeof e.raw !== "string" || Object.keys(e).length !== 1)) {
          throw new Error(`${where} (${name}): a raw item is exactly {raw: "<text>"}`);
        }
      }
      if (!Array.isArray(decisions) || !decisions.every(isObject)) throw new Error(`${where} (${name}): decisions must be a list of mappings`);
      if (!(typeof exit === "number" || exit === "nonzero")) throw new Error(`${where} (${name}): exit must be a number or "nonzero"`);
      if (!Array.isArray(stderr) || !stderr.every((s) => typeof s === "string")) throw new Error(`${where} (${name}): stderr must be a list of strings`);
      scenarios.push({
        file,
        name,
        rule,
        policy,
        records,
        events: events as Scenario["events"],
        decisions: decisions as Scenario["decisions"],
        exit,
        stderr: stderr as string[],
        args: args as string[],
      });
    });
  }
  return scenarios;
}

/** One JSON value per line; U+007F-U+009F, U+2028 and U+2029 escaped so that no reader can take them for line ends. */
function jsonLine(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function jsonLines(items: readonly unknown[]): string {
  return items.map((item) => (isObject(item) && "raw" in item && typeof item.raw === "string" ? item.raw : jsonLine(item)) + "\n").join("");
}

/** The reason codes listed in the "Reason codes of `none`" table of docs/semantics.md. */
function reasonCodesFromSemantics(): string[] {
  const text = readFileSync(semanticsPath, "utf8");
  const start = text.indexOf("### Reason codes");
  if (start < 0) throw new Error("docs/semantics.md has no reason code section");
  const rest = text.slice(start + 1);
  const end = rest.search(/\n#{1,3} /);
  const section = end < 0 ? rest : rest.slice(0, end);
  return [...section.matchAll(/^\|\s*`([a-z_]+)`\s*\|/gm)].map((m) => m[1] ?? "");
}

interface Run {
  status: number;
  stdout: string;
  stderr: string;
  /** The revision of the policy file simulated: sha256 of its text. */
  revision: string;
}

const provenanceFields = ["policy", "revision", "overrides"] as const;

/**
 * Every decision names the scenario's policy and the revision of the file simulated; the
 * provenance fields a case does not list are checked here and then left out of its comparison.
 */
function comparable(actual: unknown[], expected: Scenario["decisions"], revision: string): unknown[] {
  return actual.map((line, i) => {
    if (!isObject(line)) return line;
    expect(line["policy"]).toBe(basePolicy.metadata.name);
    expect(line["revision"]).toBe(revision);
    const listed = expected[i] ?? {};
    return Object.fromEntries(Object.entries(line).filter(([key]) => !(provenanceFields as readonly string[]).includes(key) || key in listed));
  });
}

async function simulate(scenario: Scenario): Promise<Run> {
  const dir = mkdtempSync(join(tmpdir(), "crm-policy-scenario-"));
  try {
    const policyPath = join(dir, "policy.yaml");
    const eventsPath = join(dir, "events.jsonl");
    const recordsPath = join(dir, "records.jsonl");
    const policyText = stringify({ ...basePolicy, ...scenario.policy });
    writeFileSync(policyPath, policyText);
    writeFileSync(eventsPath, jsonLines(scenario.events));
    writeFileSync(recordsPath, jsonLines(scenario.records));
    let stdout = "";
    let stderr = "";
    const io = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      stdin: Readable.from([]),
    };
    const status = await main(["simulate", "--policy", policyPath, "--events", eventsPath, "--records", recordsPath, ...scenario.args], io);
    return { status, stdout, stderr, revision: "sha256:" + createHash("sha256").update(policyText).digest("hex") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseStdout(stdout: string): unknown[] {
  return stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return { unparseableStdoutLine: line };
      }
    });
}

const scenarios = loadScenarios();

describe("scenario files", () => {
  it("hold at least 60 cases", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(60);
  });

  it("name every case uniquely", () => {
    const seen = new Map<string, string>();
    const duplicates = scenarios.filter((s) => {
      const before = seen.get(s.name);
      seen.set(s.name, s.file);
      return before !== undefined;
    });
    expect(duplicates.map((s) => `${s.file}: ${s.name}`)).toEqual([]);
  });

  it("expect every reason code of docs/semantics.md in some decision", () => {
    const codes = reasonCodesFromSemantics();
    expect(codes.length).toBeGreaterThanOrEqual(5);
    const used = new Set(scenarios.flatMap((s) => s.decisions.map((d) => d.reason)).filter((r) => typeof r === "string"));
    expect(codes.filter((code) => !used.has(code))).toEqual([]);
  });

  it("expect only reason codes that docs/semantics.md lists", () => {
    const codes = new Set(reasonCodesFromSemantics());
    const unknown = scenarios.flatMap((s) => s.decisions.map((d) => d.reason)).filter((r) => r !== undefined && !codes.has(String(r)));
    expect(unknown).toEqual([]);
  });
});

for (const file of [...new Set(scenarios.map((s) => s.file))]) {
  describe(`simulate: ${file}`, () => {
    for (const scenario of scenarios.filter((s) => s.file === file)) {
      it(scenario.name, async () => {
        const run = await simulate(scenario);
        const context = `rule: ${scenario.rule}\nexit: ${run.status}\nstderr:\n${run.stderr}\nstdout:\n${run.stdout}`;
        expect(comparable(parseStdout(run.stdout), scenario.decisions, run.revision), context).toEqual(scenario.decisions);
        if (scenario.exit === "nonzero") expect(run.status, context).not.toBe(0);
        else expect(run.status, context).toBe(scenario.exit);
        for (const needle of scenario.stderr) expect(run.stderr, context).toContain(needle);
      });
    }
  });
}
