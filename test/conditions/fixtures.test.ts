// The parser and checker fixtures of fixtures.yaml: each condition's problems, exactly, as
// `<code> <start>-<end>`; pinned wording where a case gives it; the canonical print of valid ones.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { analyzeCondition } from "../../compiler/conditions/check-condition.js";
import { printCondition } from "../../compiler/conditions/print-condition.js";
import { codes } from "../../compiler/diagnostics/codes.js";
import { defaultCatalog } from "../../compiler/model/catalog.js";

interface Fixture {
  note: string;
  condition: string;
  /** Where the condition is written: an override's `when` (the default), an `expect`'s `for` or `always`. */
  role?: "when" | "for" | "always";
  ok?: true;
  problems?: string[];
  message?: string;
  help?: string;
  canonical?: string;
}

const fixtures = parse(readFileSync(join(import.meta.dirname, "fixtures.yaml"), "utf8")) as Fixture[];
const conditionCodes = Object.keys(codes).filter((c) => c.startsWith("condition-"));

describe("fixtures.yaml", () => {
  it("holds at least 60 cases, each with a note and either ok or problems", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(60);
    for (const f of fixtures) {
      expect(typeof f.note).toBe("string");
      expect(typeof f.condition).toBe("string");
      expect([undefined, "when", "for", "always"]).toContain(f.role);
      expect((f.ok === true) !== (f.problems !== undefined)).toBe(true);
    }
    expect(new Set(fixtures.map((f) => f.note)).size).toBe(fixtures.length);
  });

  it("covers every condition code", () => {
    const seen = new Set(fixtures.flatMap((f) => (f.problems ?? []).map((p) => p.split(" ")[0])));
    expect(conditionCodes.filter((c) => !seen.has(c))).toEqual([]);
  });
});

describe.each(fixtures)("$note: $condition", (fixture) => {
  const result = analyzeCondition(fixture.condition, defaultCatalog(), fixture.role);

  it("reports exactly the expected problems", () => {
    expect(result.problems.map((p) => `${p.code} ${p.start}-${p.end}`)).toEqual(fixture.problems ?? []);
  });

  it("words them in the house style", () => {
    for (const p of result.problems) {
      expect(conditionCodes).toContain(p.code);
      expect(p.message).not.toMatch(/\.$/);
      expect(p.message).toMatch(/^[a-z`]/);
      expect(p.start).toBeGreaterThanOrEqual(0);
      expect(p.end).toBeGreaterThanOrEqual(p.start);
      expect(p.end).toBeLessThanOrEqual(fixture.condition.length);
      if (p.help?.startsWith("did you mean")) expect(p.help).toMatch(/^did you mean `[^`]+`\?$/);
    }
    const [first] = result.problems;
    if (fixture.message !== undefined) expect(first?.message).toBe(fixture.message);
    if (fixture.help !== undefined) expect(first?.help).toBe(fixture.help);
  });

  if (fixture.canonical !== undefined || fixture.ok === true)
    it("prints canonically", () => {
      expect(result.ast).toBeDefined();
      if (result.ast !== undefined) expect(printCondition(result.ast)).toBe(fixture.canonical ?? fixture.condition);
    });
});
