// The printer: canonical text that parses back to the same tree, with spans that cover exactly
// what each node prints as.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equalIgnoringSpans, type Condition, type Literal } from "../../compiler/conditions/ast.js";
import { parseCondition } from "../../compiler/conditions/parse-condition.js";
import { printCondition, printLiteral, printString } from "../../compiler/conditions/print-condition.js";
import { conditionArb, renderLoosely, runs } from "./arbitraries.js";

function parsed(text: string): Condition {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(`${JSON.stringify(text)}: ${result.problems.map((p) => p.message).join("; ")}`);
  return result.ast;
}

/** Every node of a tree, operands and list items included. */
function nodes(c: Condition | Literal): (Condition | Literal)[] {
  switch (c.kind) {
    case "and":
    case "or":
      return [c, ...nodes(c.left), ...nodes(c.right)];
    case "not":
      return [c, ...nodes(c.operand)];
    case "comparison":
      return [c, ...nodes(c.left), ...nodes(c.right)];
    case "list":
      return [c, ...c.items.flatMap(nodes)];
    default:
      return [c];
  }
}

describe("printCondition", () => {
  it("prints a tree that parses back to the same tree", () => {
    fc.assert(
      fc.property(conditionArb({ unknownAttributes: true }), (tree) => {
        expect(equalIgnoringSpans(parsed(printCondition(tree)), tree)).toBe(true);
      }),
      { numRuns: runs(2000) },
    );
  });

  it("is canonical: however a condition is written, printing its parse twice gives the same text", () => {
    fc.assert(
      fc.property(conditionArb({ unknownAttributes: true }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 50 }), (tree, noise) => {
        const canonical = printCondition(parsed(renderLoosely(tree, noise)));
        expect(canonical).toBe(printCondition(tree));
        expect(printCondition(parsed(canonical))).toBe(canonical);
      }),
      { numRuns: runs(1000) },
    );
  });

  it("gives every node of a canonical text the span of its printed form, in parentheses where it has them", () => {
    fc.assert(
      fc.property(conditionArb({ unknownAttributes: true }), (tree) => {
        const text = printCondition(tree);
        for (const node of nodes(parsed(text))) {
          const printed =
            node.kind === "list" || node.kind === "string" || node.kind === "integer" || node.kind === "boolean" ? printLiteral(node) : printCondition(node);
          const slice = text.slice(node.start, node.end);
          expect([printed, `(${printed})`]).toContain(slice);
          if (slice !== printed) expect(node.kind === "and" || node.kind === "or").toBe(true);
        }
      }),
      { numRuns: runs(1000) },
    );
  });

  it.each([
    ['channel=="voice"', 'channel == "voice"'],
    ["not(a)", "not a"],
    ["((a and b)) and c", "a and b and c"],
    ["a and (b or c)", "a and (b or c)"],
    ["(a or b) or c", "a or b or c"],
    ["not (not a)", "not not a"],
    ["x   not\n in [ 1 ,2 ]", "x not in [1, 2]"],
    ['q == "\\u0041\\u00e9"', 'q == "Aé"'],
    ['q == "\\u0007"', 'q == "\\u0007"'],
    ["q == -0", "q == 0"],
    ["q == 007", "q == 7"],
    ["consumerMessages>=2", "consumerMessages >= 2"],
    ["n<-1 or (n>1)", "n < -1 or n > 1"],
    ["not(n <= 0)", "not n <= 0"],
  ])("prints %j as %j", (text, canonical) => {
    expect(printCondition(parsed(text))).toBe(canonical);
  });

  it("escapes what a string literal cannot hold as itself", () => {
    expect(printString('a"b\\c\nd\te')).toBe('"a\\"b\\\\c\\nd\\te"');
    expect(printString("\u0000\u001f\u007f\u0085\u2028")).toBe('"\\u0000\\u001f\\u007f\\u0085\\u2028"');
    expect(printString("🙂\ud800x\udc00")).toBe('"🙂\\ud800x\\udc00"');
    expect(printString("ü /*?")).toBe('"ü /*?"');
  });
});
