import { defineCommand, parseCommand } from "../command-spec.js";
import { UsageError, type Io } from "../io.js";
import { reportGithub } from "../policy-tests/report-github.js";
import { reportHuman } from "../policy-tests/report-human.js";
import { reportJunit } from "../policy-tests/report-junit.js";
import { counts, summaryLine } from "../policy-tests/results.js";
import { runTests } from "../policy-tests/run-tests.js";
import { findFiles, isTestFile } from "../source-files.js";

export const testSpec = defineCommand({
  name: "test",
  summary: "run the example cases of `*.test.yaml` files against their policies",
  description: "The report goes to stdout, a summary to stderr. Exit 1 on a failed case, an invalid test file or policy, or no test file.",
  positionals: { name: "[PATH...]", description: "test files or folders (default: policies)" },
  options: {
    format: { type: "string", choices: ["human", "junit", "github"], default: "human", description: "how the report is printed" },
  },
  examples: ["crm-policy test policies --format junit > report.xml"],
});

const reports = { human: reportHuman, junit: reportJunit, github: reportGithub };

/**
 * `crm-policy test`: runs the example cases of `*.test.yaml` files against the policies beside
 * them (docs/policy-tests.md). The report goes to stdout, a summary to stderr. Exit 1 on any
 * failed case, invalid test file or policy error, or when no test file is found.
 */
export function testCommand(args: string[], io: Io): number {
  const { values, positionals } = parseCommand(testSpec, args);
  const format = values.format;
  const paths = positionals.length > 0 ? positionals : ["policies"];
  const files = findFiles(paths, isTestFile);
  const notTests = files.filter((f) => paths.includes(f) && !isTestFile(f));
  if (notTests.length > 0) throw new UsageError(`\`${notTests[0]}\` is not a test file: test files are named \`*.test.yaml\``);
  if (files.length === 0) {
    io.stderr.write(`no test files found in ${paths.map((p) => `\`${p}\``).join(", ")}: test files are named \`*.test.yaml\`\n`);
    return 1;
  }
  const run = runTests(files);
  io.stdout.write(reports[format](run));
  io.stderr.write(summaryLine(run));
  const { failed, notRun } = counts(run);
  return failed > 0 || notRun > 0 ? 1 : 0;
}
