import fc from "fast-check";
import { expect, it, vi } from "vitest";
import { Disagreement, plainFormProperty } from "../plain-form-property.js";

// Planted bug: the check of how a variable is written forgets whitespace control, as it once
// did; `a {{~CALL_ID~}} b` is accepted and Handlebars renders it without its spaces.
vi.mock("../../../compiler/template/mustache-form.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../compiler/template/mustache-form.js")>();
  return {
    ...original,
    departures: (written: string, name: string) => original.departures(written, name)?.filter((d) => d.kind !== "whitespace-control"),
  };
});

it("planted bug (whitespace control not checked) is caught by: accepted exactly when plain", () => {
  const result = fc.check(plainFormProperty, { numRuns: 10_000, endOnFailure: true });
  if (process.env["CRM_POLICY_MUTANT_STATS"] !== undefined)
    console.log(`caught after ${result.numRuns} runs (seed ${result.seed}): ${String(result.errorInstance)}`);
  expect(result.failed, `the planted bug went unnoticed (seed ${result.seed})`).toBe(true);
  expect(result.errorInstance).toBeInstanceOf(Disagreement);
});
