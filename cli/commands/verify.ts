import { readFileSync } from "node:fs";
import { formatHuman } from "../../compiler/diagnostics/format-human.js";
import { policiesUnderTest } from "../../verify/policy-under-test.js";
import { failures, reportPolicy } from "../../verify/report.js";
import { defaultOptions, verifyPolicy, type PolicyVerification } from "../../verify/verify-policy.js";
import { formatGithub } from "../../compiler/diagnostics/format-github.js";
import { reportGithub } from "../verify-report/report-github.js";
import { reportJunit } from "../verify-report/report-junit.js";
import { BundleError, defaultLateness, loadBundle, type LoadedBundle } from "@crm-policy/runtime";
import { escapeText } from "@crm-policy/runtime/toolchain";
import { defineCommand, parseCommand } from "../command-spec.js";
import { parseDuration } from "../duration.js";
import { UsageError, type Io } from "../io.js";
import { trustOption } from "../load-policy.js";
import { readSources } from "../source-files.js";

export const verifySpec = defineCommand({
  name: "verify",
  summary: "check each policy's invariants and `expect` properties on generated traces",
  description: "One line per policy and property; exit 1 on any violation or a policy that does not compile.",
  positionals: { name: "[PATH...]", description: "policy files or folders (default: policies)" },
  options: {
    runs: { type: "string", value: "N", default: String(defaultOptions.runs), description: "generated traces per property, at most 10,000,000" },
    seed: {
      type: "string",
      value: "N",
      default: String(defaultOptions.seed),
      description: "seed of the trace generator; a failure prints the seed to replay it",
    },
    lateness: {
      type: "string",
      value: "DURATION",
      default: `${defaultLateness / 1000}s`,
      description:
        "as simulate --lateness: each trace is also delivered out of order within this lateness (events after their session's `ended`, before its `started`) and decided with it (0: in time order only)",
    },
    format: { type: "string", choices: ["human", "github", "junit"], default: "human", description: "how the results are printed" },
    bundle: { type: "string", value: "FILE", description: "run the policies of this shipped bundle, loaded as a service loads it" },
    trust: { type: "string", value: "DIR|FILE", description: "with --bundle: public keys, one of which must have signed it" },
  },
  examples: ["crm-policy verify policies --runs 2000", "crm-policy verify policies --bundle dist/policies.bundle.json --trust keys/"],
});

/**
 * `crm-policy verify`: for each policy, the invariants that apply to its settings and its own
 * `expect` properties, checked on the compiled policy against generated traces. One line per
 * policy and per property; exit 1 on any violation (or a policy that does not compile).
 * With `--bundle` the policies run are the bundle's, loaded as a service loads it (signed by a
 * key of `--trust`, when given), each of the same revision as its source here.
 */
export function verifyCommand(args: string[], io: Io): number {
  const { values, positionals } = parseCommand(verifySpec, args);
  const format = values.format;
  if (values.trust !== undefined && values.bundle === undefined) throw new UsageError("--trust checks a shipped bundle: give it with --bundle FILE");
  const trustedKeys = trustOption(values.trust);
  const runs = count("--runs", values.runs);
  const seed = count("--seed", values.seed);
  const lateness = parseDuration(values.lateness);
  if (lateness === undefined)
    throw new UsageError(`--lateness ${JSON.stringify(escapeText(values.lateness))}: a duration is a number with a unit, e.g. 30s, 5m, 500ms (or 0)`);
  const paths = positionals.length > 0 ? positionals : ["policies"];
  const sources = readSources(paths);
  if (sources.length === 0) throw new UsageError(`no policy files found in ${paths.map((p) => `\`${p}\``).join(", ")}`);
  const { policies, diagnostics } = policiesUnderTest(sources);
  if (diagnostics.length > 0) {
    const texts = new Map(sources.map((s) => [s.file, Buffer.from(s.bytes).toString("utf8")]));
    io.stderr.write(formatHuman(diagnostics, texts));
    if (format === "github") io.stdout.write(formatGithub(diagnostics));
  }
  if (policies.length === 0) {
    io.stdout.write(`FAILED  the policies do not compile: nothing to verify\n`);
    return 1;
  }
  let failed = 0;
  let properties = 0;
  if (values.bundle !== undefined) {
    const shipped = readBundle(values.bundle, trustedKeys === undefined ? {} : { trustedKeys });
    if (typeof shipped === "string") {
      io.stdout.write(`FAILED  ${escapeText(values.bundle)}: ${escapeText(shipped)}\n`);
      return 1;
    }
    for (const [i, policy] of policies.entries()) {
      const compiled = shipped.bundle.policies.find((p) => p.name === policy.name);
      if (compiled === undefined || compiled.revision !== policy.compiled.revision) {
        const found = compiled === undefined ? "has no such policy" : `has revision ${escapeText(compiled.revision)}, the source ${policy.compiled.revision}`;
        io.stdout.write(`FAILED  ${escapeText(policy.name)}: the bundle ${found}; recompile it\n`);
        failed++;
      } else policies[i] = { ...policy, compiled };
    }
    if (failed > 0) return 1;
  }
  const verifications: PolicyVerification[] = [];
  for (const policy of policies) {
    const verification = verifyPolicy(policy, { ...defaultOptions, runs, seed, lateness });
    verifications.push(verification);
    // human: each policy as soon as it is done; github: the same lines after the annotations
    if (format === "human") io.stdout.write(reportPolicy(verification));
    failed += failures(verification);
    properties += verification.results.length;
  }
  if (format === "github") io.stdout.write(reportGithub(verifications, sources) + verifications.map(reportPolicy).join(""));
  if (format === "junit") io.stdout.write(reportJunit(verifications));
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
  io.stderr.write(`${plural(policies.length, "policy", "policies")}, ${plural(properties, "property", "properties")}, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

/** The most sampled traces per policy: about an hour of work; more is a mistake, not a wish. */
export const maxRuns = 10_000_000;

function count(flag: string, text: string): number {
  const n = Number(text);
  const runs = flag === "--runs";
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || (runs && (n < 1 || n > maxRuns))) {
    throw new UsageError(`${flag} takes a whole number${runs ? ` from 1 to ${maxRuns.toLocaleString("en-US")}` : ""}, not \`${escapeText(text)}\``);
  }
  return n;
}

function readBundle(path: string, options: Parameters<typeof loadBundle>[1]): LoadedBundle | string {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read --bundle ${escapeText(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return loadBundle(text, options);
  } catch (error) {
    if (error instanceof BundleError) return error.message;
    throw error;
  }
}
