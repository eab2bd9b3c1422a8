// Shared by the `crm-policy test` tests: where the fixtures are, and the CLI run in-process.
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { projectRoot } from "../../compiler/project-files.js";
import { runCli } from "../support/run-cli.js";

/** Paths as a user types them from the project root, so that reports show them the same way. */
const fromRoot = (...parts: string[]) => relative(process.cwd(), join(projectRoot, ...parts)) || ".";

export const policiesFolder = fromRoot("policies");
export const fixtures = {
  failing: fromRoot("test", "test-command", "fixtures", "failing"),
  invalid: fromRoot("test", "test-command", "fixtures", "invalid"),
  brokenPolicy: fromRoot("test", "test-command", "fixtures", "broken-policy"),
};

export function runTest(...args: string[]) {
  return runCli(["test", ...args]);
}

/** The case names of a test file, read plainly. */
export function caseNames(file: string): string[] {
  const doc = parse(readFileSync(file, "utf8")) as { tests: { name: string }[] };
  return doc.tests.map((t) => t.name);
}
