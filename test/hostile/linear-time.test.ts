// Finding 5: quadratic or worse on hostile text. Each input is timed against one of the same
// shape 16 times smaller: linear work gives a ratio near 16, quadratic near 256. The bound is
// a generous 64 (never an absolute time).
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { compare } from "../../cli/policy-tests/compare.js";
import type { CaseRun } from "../../cli/policy-tests/run-case.js";
import { readLineBatches, UnreadableLine, type Line } from "../../cli/read-lines.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { formatHuman } from "../../compiler/diagnostics/format-human.js";
import type { Decision } from "../../runtime/index.js";
import { sessionTypeTag } from "../../runtime/tags/tag-forms.js";
import type { TestCase } from "../../schemas/types/policy-test.v1.js";
import { bestRatio, msPerCall, timeRatio } from "./support.js";

const factor = 16;
const bound = 64;

describe("linear in the size of hostile input", () => {
  it("the Kustomer tag form of a session type of many `(` and no `)`", () => {
    const tag = (n: number) => () => sessionTypeTag(" (".repeat(n), { tagStyle: "parentheses_as_dash", tagLimit: 0 });
    expect(bestRatio(tag(4_000), tag(4_000 * factor), bound)).toBeLessThan(bound);
    // and the form itself is still docs/domain.md's
    expect(sessionTypeTag("Voice Inbound (IVR) (x", { tagStyle: "parentheses_as_dash", tagLimit: 0 })).toBe("Voice Inbound - IVR (x");
  });

  it("one very long event line on stdin", async () => {
    const chunk = Buffer.alloc(1 << 16, "x".charCodeAt(0));
    const read = async (bytes: number): Promise<Line[]> => {
      function* chunks() {
        for (let sent = 0; sent < bytes; sent += chunk.length) yield chunk;
        yield Buffer.from('\n{"next":1}\n');
      }
      const lines: Line[] = [];
      for await (const batch of readLineBatches("-", Readable.from(chunks()))) lines.push(...batch);
      return lines;
    };
    const time = async (bytes: number) => {
      let best = Infinity;
      for (let round = 0; round < 3; round++) {
        const start = performance.now();
        await read(bytes);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const small = 2 << 20;
    let ratio = Infinity;
    for (let attempt = 0; attempt < 3 && ratio >= bound; attempt++) ratio = Math.min(ratio, (await time(small * factor)) / (await time(small)));
    expect(ratio).toBeLessThan(bound);
    const lines = await read(small * factor);
    expect(lines[0]).toBeInstanceOf(UnreadableLine);
    expect(lines.slice(1)).toEqual(['{"next":1}']);
  });

  it("human output of many diagnostics in one file", () => {
    const make = (n: number) => {
      const text = Array.from({ length: n }, (_, i) => `  - when: 'bogus${i} == "x"'`).join("\n");
      const diagnostics: Diagnostic[] = Array.from({ length: n }, (_, i) => ({
        code: "condition-unknown-attribute",
        severity: "error",
        message: `unknown attribute \`bogus${i}\``,
        file: "big.yaml",
        line: i + 1,
        column: 12,
        endLine: i + 1,
        endColumn: 17,
        pointer: "",
      }));
      const texts = new Map([["big.yaml", text]]);
      return () => formatHuman(diagnostics, texts);
    };
    expect(bestRatio(make(1_250), make(1_250 * factor), bound)).toBeLessThan(bound);
  });

  it("a policy test case with thousands of decisions, expected as made or all different", () => {
    const decision = (i: number): Decision => ({
      sessionId: `s${i}`,
      decision: "none",
      reason: "abandoned_call",
      at: "2026-11-20T10:00:00Z",
      policy: "big",
      revision: "sha256:0",
      overrides: [],
    });
    const make = (n: number, differ: boolean) => {
      const decisions = Array.from({ length: n }, (_, i) => decision(i));
      const test = {
        name: "big",
        events: [],
        expect: decisions.map((d, i) => (differ && i % 2 === 0 ? { ...d, reason: "abandoned_chat" } : { ...d })),
      } as unknown as TestCase;
      const run: CaseRun = { decisions, rejections: [], warnings: [] };
      return () => compare(test, run);
    };
    expect(bestRatio(make(250, false), make(250 * factor, false), bound)).toBeLessThan(bound);
    expect(bestRatio(make(250, true), make(250 * factor, true), bound)).toBeLessThan(bound);
    expect(make(4_000, true)()).toHaveLength(2_000);
    expect(make(4_000, false)()).toEqual([]);
  });
});

// the helpers themselves: a quadratic loop is told from a linear one
it("timeRatio tells quadratic from linear work", () => {
  const work = (n: number) => () => {
    let x = 0;
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) x += i ^ j;
    return x;
  };
  // the mirror of bestRatio: a busy machine can blur one measurement, so the largest of three
  let ratio = 0;
  for (let i = 0; i < 3 && ratio <= 8; i++) ratio = Math.max(ratio, timeRatio(work(200), work(800)));
  expect(ratio).toBeGreaterThan(8);
  expect(msPerCall(() => 1)).toBeLessThan(1);
});
