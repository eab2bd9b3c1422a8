import type { PolicyVerification } from "../../verify/verify-policy.js";
import { attribute, text } from "../policy-tests/report-junit.js";
import { counterexampleLines } from "./counterexample-lines.js";

/**
 * JUnit XML: a `testsuite` per policy, a `testcase` per property, a `failure` holding the
 * violation, the counterexample and the decisions.
 */
export function reportJunit(verifications: readonly PolicyVerification[]): string {
  const failures = (v: PolicyVerification) => v.results.filter((r) => r.counterexample !== undefined).length;
  const tests = verifications.reduce((n, v) => n + v.results.length, 0);
  const failed = verifications.reduce((n, v) => n + failures(v), 0);
  const out = [`<?xml version="1.0" encoding="UTF-8"?>`, `<testsuites name="crm-policy verify" tests="${tests}" failures="${failed}" errors="0">`];
  for (const v of verifications) {
    const name = attribute(v.policy.name);
    const file = attribute(v.policy.file);
    out.push(`  <testsuite name="${name}" tests="${v.results.length}" failures="${failures(v)}" errors="0">`);
    for (const { property, counterexample: c } of v.results) {
      const open = `    <testcase name="${attribute(property.title)}" classname="${name}" file="${file}"`;
      if (c === undefined) {
        out.push(`${open}/>`);
        continue;
      }
      const body = [c.violation.message, `counterexample (${c.foundBy}):`, ...counterexampleLines(c)].join("\n");
      out.push(`${open}>`, `      <failure message="${attribute(c.violation.message)}" type="violation">${text(body)}</failure>`, `    </testcase>`);
    }
    out.push(`  </testsuite>`);
  }
  out.push(`</testsuites>`);
  return out.join("\n") + "\n";
}
