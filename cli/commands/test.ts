import { parseArgs } from "node:util";
import { UsageError, type Io } from "../io.js";
import { reportGithub } from "../policy-tests/report-github.js";
import { reportHuman } from "../policy-tests/report-human.js";
import { reportJunit } from "../policy-tests/report-junit.js";
import { counts, summaryLine } from "../policy-tests/results.js";
import { runTests } from "../policy-tests/run-tests.js";
import { findFiles, isTestFile } from "../source-files.js";

export const testUsage = "crm-policy test [PATH...] [--format human|junit|github]";

const reports = { human: reportHuman, junit: reportJunit, github: reportGithub };

/**
 * `crm-policy test`: runs the example cases of `*.test.yaml` files against the policies beside
 * them (docs/policy-tests.md). The report goes to stdout, a summary to stderr. Exit 1 on any
 * failed case, invalid test file or policy error, or when no test file is found.
 */
export function testCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string", default: "human" } },
  });
  const format = values.format;
  if (format !== "human" && format !== "junit" && format !== "github") {
    throw new UsageError(`unknown --format \`${format}\`: use human, junit or github`);
  }
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
