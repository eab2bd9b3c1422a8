// verify raises no false alarm: on random valid policies (every setting, every CRM, overrides)
// run by the real runtime, every invariant that applies holds. Its properties are stated as
// the engine's promises, so a failure here is a bug in verify or in the engine.
import fc from "fast-check";
import { expect, it } from "vitest";
import { stringify } from "yaml";
import { policiesUnderTest } from "../../verify/policy-under-test.js";
import { reportPolicy } from "../../verify/report.js";
import { verifyPolicy } from "../../verify/verify-policy.js";
import { policyArb } from "../support/arbitraries.js";

const runs = (base: number) => Math.max(base, Number(process.env["CRM_POLICY_RUNS"] ?? 0) / 1000);

it("every invariant holds for random valid policies", () => {
  fc.assert(
    fc.property(policyArb, (policy) => {
      const text = stringify(policy);
      const [p] = policiesUnderTest([{ file: "random.yaml", bytes: new TextEncoder().encode(text) }]).policies;
      expect(p, text).toBeDefined();
      if (p === undefined) return;
      const v = verifyPolicy(p, { runs: 60, seed: 1, maxEnumerated: 20_000 });
      expect(
        v.results.filter((r) => r.counterexample !== undefined),
        `${text}\n${reportPolicy(v)}`,
      ).toEqual([]);
    }),
    { numRuns: runs(25) },
  );
});
