// The runtime's glob matcher: it agrees with the reference's plain dynamic programming, and its
// work grows with the subject's length, not exponentially with the stars (counted, not timed).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { referenceGlob } from "../../reference/conditions.js";
import { globMatch, type GlobMeter } from "../../runtime/conditions/glob.js";
import { runs } from "./arbitraries.js";

const steps = (pattern: string, subject: string) => {
  const meter: GlobMeter = { steps: 0 };
  const matched = globMatch(pattern, subject, meter);
  return { matched, steps: meter.steps };
};

describe("globMatch", () => {
  it("agrees with the reference on patterns and subjects over a small alphabet", () => {
    const text = (chars: string[], maxLength: number) => fc.array(fc.constantFrom(...chars), { maxLength }).map((cs) => cs.join(""));
    fc.assert(
      fc.property(text(["a", "b", "/", "*", "?", "🙂"], 8), text(["a", "b", "/", "🙂"], 12), (pattern, subject) => {
        expect(globMatch(pattern, subject)).toBe(referenceGlob(pattern, subject));
      }),
      { numRuns: runs(20_000) },
    );
  });

  it("agrees with the reference on segments longer than one 32-bit word", () => {
    const text = (chars: string[], minLength: number, maxLength: number) =>
      fc.array(fc.constantFrom(...chars), { minLength, maxLength }).map((cs) => cs.join(""));
    let matched = 0;
    fc.assert(
      // the subject holds the segment (its `?`s filled in), then maybe one character is changed
      fc.property(text(["a", "a", "?", "b"], 30, 70), text(["a", "b"], 0, 40), text(["a", "b"], 0, 40), fc.option(fc.nat()), (middle, before, after, flip) => {
        let subject = before + middle.replace(/\?/g, "b") + after;
        if (flip !== null)
          subject = subject.slice(0, flip % subject.length) + (subject[flip % subject.length] === "a" ? "b" : "a") + subject.slice((flip % subject.length) + 1);
        for (const pattern of ["*" + middle + "*", "*" + middle, middle + "*", "a*" + middle + "*b", "*" + middle + "*" + middle.slice(0, 33)]) {
          const inside = globMatch(pattern, subject);
          expect(inside).toBe(referenceGlob(pattern, subject));
          if (inside) matched++;
        }
      }),
      { numRuns: runs(1_000) },
    );
    expect(matched).toBeGreaterThan(runs(1_000) / 4);
  });

  it("agrees with the reference on any strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 6, unit: "binary" }), fc.string({ maxLength: 10, unit: "binary" }), (pattern, subject) => {
        expect(globMatch(pattern, subject)).toBe(referenceGlob(pattern, subject));
        expect(globMatch(pattern.replace(/[*?]/g, ""), subject)).toBe(pattern.replace(/[*?]/g, "") === subject);
      }),
      { numRuns: runs(2_000) },
    );
  });

  it.each<[string, string, boolean]>([
    ["Billing/*", "Billing/EU", true],
    ["Billing/*", "Billing/", true],
    ["Billing/*", "Billing", false],
    ["*", "", true],
    ["", "", true],
    ["", "a", false],
    ["?", "", false],
    ["?", "🙂", true],
    ["??", "🙂", false],
    ["*/EU/*", "Billing/EU/VIP", true],
    ["*/EU/*", "Billing/EU", false],
    ["a*a", "a", false],
    ["a*a", "aa", true],
    ["*ab*ab*", "abab", true],
    ["*ab*ab*", "aab", false],
    ["*aab", "aaab", true],
    ["a?c*", "abcdef", true],
    ["*?", "", false],
  ])("%j matches %j: %s", (pattern, subject, expected) => {
    expect(globMatch(pattern, subject)).toBe(expected);
    expect(referenceGlob(pattern, subject)).toBe(expected);
  });
});

describe("globMatch work", () => {
  const n = 100_000;
  const as = "a".repeat(n);

  it.each([
    ["*a*a*a*a*a*b", as],
    ["*a*a*a*a*a*b*", as],
    ["a*a*a*a*a*a*a*a*a*a*b", as],
    ["*aaaaaaaaaaaaaaaaaaab*", as],
    ["*" + "a".repeat(50) + "b*", as],
    ["*ab*ab*ab*ab*ab*c", "ab".repeat(n / 2)],
    ["*a?a?a?b*", as],
    ["*????????????????????????????????b*", as],
    ["*?a*?a*?a*?a*?b", as],
  ])("%j against a %#-th long subject: linear in the subject's length", (pattern, subject) => {
    const { matched, steps: work } = steps(pattern, subject);
    expect(matched).toBe(false);
    expect(work).toBeLessThanOrEqual(4 * (subject.length + pattern.length));
  });

  it("does the work of one pass however many stars the pattern has", () => {
    const few = steps("*a*b", as).steps;
    const many = steps("*a".repeat(200) + "*b", as).steps;
    expect(many).toBeLessThanOrEqual(few * 2 + 1000);
  });

  it("reads a segment longer than 32 characters a word of 32 at a time", () => {
    const segment = "a?".repeat(40) + "b";
    const { matched, steps: work } = steps("*" + segment + "*", as);
    expect(matched).toBe(false);
    expect(work).toBeLessThanOrEqual(Math.ceil(segment.length / 32) * n + 4 * segment.length);
  });

  it("finds a late match without rescanning", () => {
    const subject = "a".repeat(n) + "b";
    const { matched, steps: work } = steps("*a*a*a*a*a*b", subject);
    expect(matched).toBe(true);
    expect(work).toBeLessThanOrEqual(4 * subject.length);
  });
});
