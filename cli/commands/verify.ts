import { formatHuman } from "../../compiler/diagnostics/format-human.js";
import { policiesUnderTest } from "../../compiler/verify/policy-under-test.js";
import { failures, reportPolicy } from "../../compiler/verify/report.js";
import { defaultOptions, verifyPolicy } from "../../compiler/verify/verify-policy.js";
import { defineCommand, parseCommand } from "../command-spec.js";
import { UsageError, type Io } from "../io.js";
import { readSources } from "../source-files.js";

export const verifySpec = defineCommand({
  name: "verify",
  summary: "check each policy's invariants and `expect` properties on generated traces",
  description: "One line per policy and property; exit 1 on any violation or a policy that does not compile.",
  positionals: { name: "[PATH...]", description: "policy files or folders (default: policies)" },
  options: {
    runs: { type: "string", value: "N", default: String(defaultOptions.runs), description: "generated traces per property" },
    seed: { type: "string", value: "N", default: String(defaultOptions.seed), description: "seed of the trace generator; a failure prints the seed to replay it" },
  },
  examples: ["crm-policy verify policies --runs 2000"],
});

/**
 * `crm-policy verify`: for each policy, the invariants that apply to its settings and its own
 * `expect` properties, checked on the compiled policy against generated traces. One line per
 * policy and per property; exit 1 on any violation (or a policy that does not compile).
 */
export function verifyCommand(args: string[], io: Io): number {
  const { values, positionals } = parseCommand(verifySpec, args);
  const runs = count("--runs", values.runs);
  const seed = count("--seed", values.seed);
  const paths = positionals.length > 0 ? positionals : ["policies"];
  const sources = readSources(paths);
  if (sources.length === 0) throw new UsageError(`no policy files found in ${paths.map((p) => `\`${p}\``).join(", ")}`);
  const { policies, diagnostics } = policiesUnderTest(sources);
  if (diagnostics.length > 0) {
    const texts = new Map(sources.map((s) => [s.file, Buffer.from(s.bytes).toString("utf8")]));
    io.stderr.write(formatHuman(diagnostics, texts));
  }
  if (policies.length === 0) {
    io.stdout.write(`FAILED  the policies do not compile: nothing to verify\n`);
    return 1;
  }
  let failed = 0;
  let properties = 0;
  for (const policy of policies) {
    const verification = verifyPolicy(policy, { ...defaultOptions, runs, seed });
    io.stdout.write(reportPolicy(verification));
    failed += failures(verification);
    properties += verification.results.length;
  }
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
  io.stderr.write(`${plural(policies.length, "policy", "policies")}, ${plural(properties, "property", "properties")}, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

function count(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || (flag === "--runs" && n < 1)) throw new UsageError(`${flag} takes a whole number${flag === "--runs" ? " from 1" : ""}, not \`${text}\``);
  return n;
}
