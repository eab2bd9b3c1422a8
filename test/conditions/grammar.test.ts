// The nearley grammar: its checked-in parser is what nearleyc makes of grammar.ne today, and
// every condition has exactly one parse.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equalIgnoringSpans } from "../../compiler/conditions/ast.js";
import { allParses, parseCondition } from "../../compiler/conditions/parse-condition.js";
import { printCondition } from "../../compiler/conditions/print-condition.js";
import { conditionArb, renderLoosely, runs } from "./arbitraries.js";

const root = resolve(import.meta.dirname, "../..");
const folder = join(root, "compiler/conditions");

describe("grammar.generated.ts", () => {
  it("is what nearleyc makes of grammar.ne (regenerate: npx nearleyc compiler/conditions/grammar.ne -o compiler/conditions/grammar.generated.ts)", () => {
    const temp = mkdtempSync(join(tmpdir(), "crm-policy-grammar-"));
    try {
      const out = join(temp, "grammar.generated.ts");
      execFileSync(process.execPath, [join(root, "node_modules/nearley/bin/nearleyc.js"), join(folder, "grammar.ne"), "-o", out, "--quiet"], { cwd: root });
      expect(readFileSync(join(folder, "grammar.generated.ts"), "utf8")).toBe(readFileSync(out, "utf8"));
    } finally {
      rmSync(temp, { recursive: true, force: true });
    }
  });
});

describe("the grammar is unambiguous", () => {
  it("gives one parse of every printed tree", () => {
    fc.assert(
      fc.property(conditionArb({ unknownAttributes: true }), (tree) => {
        const parses = allParses(printCondition(tree));
        expect(parses.length).toBe(1);
        expect(equalIgnoringSpans(parses[0] ?? tree, tree)).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  it("gives one parse of every tree written loosely: extra parentheses, any whitespace, escaped strings", () => {
    fc.assert(
      fc.property(conditionArb({ unknownAttributes: true }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }), (tree, noise) => {
        const text = renderLoosely(tree, noise);
        const parses = allParses(text);
        expect(parses.length, text).toBe(1);
        expect(equalIgnoringSpans(parses[0] ?? tree, tree), text).toBe(true);
      }),
      { numRuns: runs(1000) },
    );
  });

  it("gives one parse where precedence decides", () => {
    for (const text of [
      "a or b and c",
      "not a and b",
      "not a == b",
      "a and b or c and d",
      "not not a or not b",
      "x not in [] and not y in []",
      "((a)) or (b and (c or d))",
      "not n < 1 or n >= -2 and m<=m",
      "1 > n and not (n > 1)",
    ])
      expect(allParses(text).length, text).toBe(1);
  });
});

describe("precedence and associativity", () => {
  const shape = (text: string) => {
    const parsed = parseCondition(text);
    if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
    return printCondition(parsed.ast);
  };

  it("binds not tighter than and, and tighter than or", () => {
    expect(shape("a or b and c")).toBe("a or b and c");
    expect(shape("(a or b) and c")).toBe("(a or b) and c");
    expect(shape("not a and b")).toBe("not a and b");
    expect(shape("not (a and b)")).toBe("not (a and b)");
    const parsed = parseCondition("a or b and c");
    expect(parsed.ok && parsed.ast.kind === "or" && parsed.ast.right.kind === "and").toBe(true);
  });

  it("associates and and or to the left, keeping parentheses that change the tree", () => {
    const parsed = parseCondition("a and b and c");
    expect(parsed.ok && parsed.ast.kind === "and" && parsed.ast.left.kind === "and").toBe(true);
    expect(shape("(a and b) and c")).toBe("a and b and c");
    expect(shape("a and (b and c)")).toBe("a and (b and c)");
    expect(shape("a or (b or c)")).toBe("a or (b or c)");
  });

  it("lets not apply to a comparison, not to its left operand", () => {
    const parsed = parseCondition('not queue == "a"');
    expect(parsed.ok && parsed.ast.kind === "not" && parsed.ast.operand.kind === "comparison").toBe(true);
  });

  it("does not chain ordering comparisons either", () => {
    const parsed = parseCondition("0 <= consumerMessages <= 3");
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => [p.code, p.start, p.end])).toEqual([["condition-syntax", 22, 24]]);
  });

  it("does not chain comparisons", () => {
    const parsed = parseCondition('queue == "a" == true');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.map((p) => [p.code, p.start, p.end])).toEqual([["condition-syntax", 13, 15]]);
  });
});
