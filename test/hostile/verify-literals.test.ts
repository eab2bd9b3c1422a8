// Finding 5: `verify` with 20 literals per attribute ran for minutes (5 literals: seconds): it
// combined every value of every attribute to find the classes of starts. Values that no
// condition tells apart now stand for each other, and classes of different attributes are
// combined only while there are few enough to enumerate. The work is counted here (condition
// evaluations, starts), never timed.
import { describe, expect, it, vi } from "vitest";
import { alphabetOf } from "../../verify/alphabet.js";
import { policiesUnderTest, type PolicyUnderTest } from "../../verify/policy-under-test.js";
import { SessionSettings } from "../../verify/session-settings.js";
import { verifyPolicy } from "../../verify/verify-policy.js";

const evaluations = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../runtime/conditions/evaluate.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../runtime/conditions/evaluate.js")>();
  return {
    ...original,
    evaluateCondition: (...args: Parameters<typeof original.evaluateCondition>) => {
      evaluations.count++;
      return original.evaluateCondition(...args);
    },
  };
});

function policy(yaml: string): PolicyUnderTest {
  const { policies, diagnostics } = policiesUnderTest([{ file: "literals.yaml", bytes: Buffer.from(yaml) }]);
  const [p] = policies;
  if (p === undefined) throw new Error("does not compile: " + JSON.stringify(diagnostics));
  return p;
}

const head = `apiVersion: crm-policy/v1
kind: RecordCreationPolicy
metadata:
  name: literals
crm:
  system: salesforce
records:
  append: { toOpenRecord: true, closedWithinDays: 3 }
`;

/** `n` overrides, the i-th for the i-th literal of every text attribute: each literal its own class. */
function everyAttribute(n: number, expect = ""): string {
  const overrides = Array.from(
    { length: n },
    (_, i) => `  - when: 'queue == "Q${i}" or menuPath == "M${i}" or language == "L${i}" or phoneNumber == "P${i}" or sessionType == "Voice S${i}"'
    title: { template: "T${i} {{CALL_ID}}" }
`,
  );
  return `${head}overrides:\n${overrides.join("")}${expect}`;
}

function work(n: number): { evaluations: number; starts: number; complete: boolean } {
  const p = policy(everyAttribute(n));
  evaluations.count = 0;
  const alphabet = alphabetOf(p, new SessionSettings(p));
  return { evaluations: evaluations.count, starts: alphabet.profiles.length, complete: alphabet.complete };
}

describe("verify over many literals per attribute", () => {
  it("makes starts in proportion to the literals, and its work grows with the policy's size, not with their combinations", () => {
    const small = work(5);
    const big = work(20);
    // 21 classes for each of 5 attributes: 21^5 combinations, too many to enumerate
    expect(big.complete).toBe(false);
    // one start per class of each attribute's values: linear in the literals (about 4×)
    expect(big.starts / small.starts).toBeLessThan(5);
    // each start evaluates each condition once: starts × conditions, quadratic in the policy's
    // size (about 16×); combining every class (the old way) gives about (21/6)^5 ≈ 500×
    expect(big.evaluations / small.evaluations).toBeLessThan(25);
  });

  it("still finds a broken expectation that only the last literal of an attribute shows", () => {
    const p = policy(everyAttribute(20, `expect:\n  - name: no record for M19\n    for: 'menuPath == "M19"'\n    always: 'decision == "none"'\n`));
    const v = verifyPolicy(p, { runs: 300, seed: 7, maxEnumerated: 250_000 });
    expect(v.enumeration).toMatchObject({ done: false, atLeast: true });
    const result = v.results.find((r) => r.property.id === "expect:no record for M19");
    expect(result?.counterexample?.foundBy).toBe("sampling");
  });

  it("enumerates every literal's class when there are few enough: a queue named last is proved, not left out", () => {
    const overrides = Array.from({ length: 20 }, (_, i) => `  - when: 'queue == "Q${i}"'\n    title: { template: "T${i} {{CALL_ID}}" }\n`).join("");
    const p = policy(`${head}overrides:\n${overrides}expect:\n  - name: no record for Q19\n    for: 'queue == "Q19"'\n    always: 'decision == "none"'\n`);
    const v = verifyPolicy(p, { runs: 50, seed: 1, maxEnumerated: 250_000 });
    expect(v.enumeration.done).toBe(true);
    const result = v.results.find((r) => r.property.id === "expect:no record for Q19");
    expect(result?.counterexample?.foundBy).toBe("enumeration");
    expect(result?.counterexample?.trace.events[0]).toMatchObject({ type: "started", queue: "Q19" });
  });
});
