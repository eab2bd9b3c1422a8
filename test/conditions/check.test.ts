// The checker as a whole: it never throws, its positions stay inside the text, its "always
// true/false" warnings are sound, and the size limits hold.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Condition, Literal } from "../../compiler/conditions/ast.js";
import { analyzeCondition } from "../../compiler/conditions/check-condition.js";
import { allParses, parseCondition } from "../../compiler/conditions/parse-condition.js";
import { printCondition } from "../../compiler/conditions/print-condition.js";
import { conditionLimits } from "../../compiler/conditions/tokenize.js";
import { codes } from "../../compiler/diagnostics/codes.js";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { referenceCondition } from "../../reference/conditions.js";
import { conditionArb, outcomeArb, renderLoosely, runs, sessionArb } from "./arbitraries.js";

const catalog = defaultCatalog();

function wellFormed(text: string) {
  const { problems } = analyzeCondition(text, catalog);
  for (const p of problems) {
    expect(p.code.startsWith("condition-")).toBe(true);
    expect(codes[p.code]).toBeDefined();
    expect(0 <= p.start && p.start <= p.end && p.end <= text.length).toBe(true);
    expect(p.message).not.toMatch(/\.$/);
  }
  const sorted = [...problems].sort((a, b) => a.start - b.start || a.end - b.end);
  expect(problems.map((p) => p.start)).toEqual(sorted.map((p) => p.start));
  // whatever the text, the grammar never gives it two parses
  expect(allParses(text).length).toBeLessThanOrEqual(1);
  return problems;
}

describe("analyzeCondition never throws", () => {
  it("on any text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40, unit: "binary" }), (text) => void wellFormed(text)),
      { numRuns: runs(1000) },
    );
  });

  it("on conditions with a character added, removed or changed", () => {
    const chars = ['"', "(", ")", "[", "]", ",", "=", "!", "\\", " ", "a", "n", "0", "-", "'", "*", "\n"];
    fc.assert(
      fc.property(
        conditionArb({ unknownAttributes: true }),
        fc.array(fc.nat(1000), { maxLength: 20 }),
        fc.nat(),
        fc.constantFrom(...chars),
        fc.nat(2),
        (tree, noise, where, char, how) => {
          const text = renderLoosely(tree, noise);
          const at = where % (text.length + 1);
          const changed =
            how === 0
              ? text.slice(0, at) + char + text.slice(at)
              : how === 1
                ? text.slice(0, at) + text.slice(at + 1)
                : text.slice(0, at) + char + text.slice(at + 1);
          wellFormed(changed);
        },
      ),
      { numRuns: runs(1000) },
    );
  });
});

/** The node of a parsed tree with exactly this span. */
function nodeAt(tree: Condition, start: number, end: number): Condition | undefined {
  const visit = (c: Condition | Literal): Condition | undefined => {
    if (c.start === start && c.end === end && c.kind !== "list" && c.kind !== "string" && c.kind !== "integer") return c;
    if (c.kind === "and" || c.kind === "or") return visit(c.left) ?? visit(c.right);
    if (c.kind === "not") return visit(c.operand);
    return undefined;
  };
  return visit(tree);
}

describe("condition-constant is sound", () => {
  it("a part said to be always true or false is so for every generated session and outcome", () => {
    let claims = 0;
    fc.assert(
      fc.property(conditionArb(), fc.array(fc.tuple(sessionArb, outcomeArb), { minLength: 20, maxLength: 20 }), (tree, ended) => {
        const text = printCondition(tree);
        const parsed = parseCondition(text);
        if (!parsed.ok) throw new Error(text);
        // an `expect`'s `always` reads every attribute there is
        const result = analyzeCondition(text, catalog, "always");
        const sessions = ended.map(([s]) => s);
        const outcomes = ended.map(([, o]) => o);
        for (const p of result.problems.filter((q) => q.code === "condition-constant")) {
          const node = nodeAt(parsed.ast, p.start, p.end);
          expect(node, `${text} ${p.start}-${p.end}`).toBeDefined();
          if (node === undefined) continue;
          const claimed = / always true/.test(p.message);
          expect(/ always (true|false)/.test(p.message)).toBe(true);
          const extremes = [
            { ...outcomes[0]!, consumerMessages: 0 },
            { ...outcomes[0]!, consumerMessages: 1000 },
          ];
          const starts = [...sessions, { ...sessions[0]!, channel: "voice", endUser: undefined }, { ...sessions[0]!, channel: "chat", endUser: "u" }];
          // each session with its own outcome, and with a count at either extreme
          starts.forEach((s, i) => {
            for (const o of [outcomes[i % outcomes.length]!, ...extremes]) expect(referenceCondition(node, s, o), `${text}: ${p.message}`).toBe(claimed);
          });
          claims++;
        }
      }),
      { numRuns: runs(3000) },
    );
    expect(claims).toBeGreaterThan(50);
  });
});

describe("limits", () => {
  it(`refuses more than ${conditionLimits.maxLength} characters`, () => {
    const long = 'queue == "' + "a".repeat(conditionLimits.maxLength) + '"';
    expect(wellFormed(long).map((p) => `${p.code} ${p.start}-${p.end}`)).toEqual([`condition-syntax 0-${long.length}`]);
  });

  it(`takes nesting ${conditionLimits.maxDepth} deep and refuses one more`, () => {
    const depth = conditionLimits.maxDepth;
    expect(wellFormed("(".repeat(depth) + "anonymous" + ")".repeat(depth))).toEqual([]);
    expect(wellFormed("not ".repeat(depth) + "anonymous")).toEqual([]);
    expect(wellFormed("not (".repeat(depth / 2) + "anonymous" + ")".repeat(depth / 2))).toEqual([]);
    expect(wellFormed("(".repeat(depth + 1) + "anonymous" + ")".repeat(depth + 1)).map((p) => `${p.code} ${p.start}-${p.end}`)).toEqual([
      `condition-syntax ${depth}-${depth + 1}`,
    ]);
    expect(wellFormed("not ".repeat(depth + 1) + "anonymous").map((p) => p.code)).toEqual(["condition-syntax"]);
  });

  it("does not count siblings as nesting", () => {
    const wide = Array.from({ length: 200 }, () => "(not anonymous)").join(" or ");
    expect(wellFormed(wide).map((p) => p.code)).toEqual([]);
  });

  it("parses and checks a condition at the length limit quickly, whatever its shape", () => {
    const shapes = [
      Array.from({ length: 800 }, (_, i) => `queue == "q${i}"`).join(" or "),
      Array.from({ length: 1100 }, () => "anonymous").join(" and "),
      `queue in [${Array.from({ length: 1500 }, (_, i) => `"${i}"`).join(", ")}]`,
      Array.from({ length: 300 }, (_, i) => `(not queue startsWith "a${i}" or channel == "chat")`).join(" and "),
    ].map((text) => text.slice(0, conditionLimits.maxLength));
    for (const text of shapes) {
      const started = process.hrtime.bigint();
      analyzeCondition(text, catalog);
      // generous: about 100 ms on a laptop; this only catches a quadratic slip
      expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(3000);
    }
  });
});
