import { dirname } from "node:path";
import { sortDiagnostics, type Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { compileSources } from "../../compiler/pipeline.js";
import { validateTestFile, type CheckedTestFile } from "../../compiler/policy-tests/validate-test-file.js";
import { pointerOf } from "../../compiler/source/yaml-document.js";
import type { CompiledPolicy } from "@crm-policy/runtime";
import { readFolderSources, readSource } from "../source-files.js";
import { compare } from "./compare.js";
import type { CaseResult, FileResult, TestRun } from "./results.js";
import { runCase } from "./run-case.js";

/**
 * Runs test files (paths as found on disk). The policies of each test file's folder (its
 * policy files, not its subfolders) are compiled once; an invalid test file, or a folder whose
 * policies do not compile, runs none of its cases and says why.
 */
export function runTests(testFiles: readonly string[]): TestRun {
  const texts = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const folders = new Map<string, PolicyFolder>();
  const files: FileResult[] = [];
  for (const path of testFiles) {
    const dir = dirname(path);
    let folder = folders.get(dir);
    if (folder === undefined) {
      folder = compileFolder(dir, texts);
      folders.set(dir, folder);
      diagnostics.push(...folder.diagnostics);
    }
    const source = readSource(path);
    texts.set(source.file, Buffer.from(source.bytes).toString("utf8"));
    const validation = validateTestFile(source, folder.policies === undefined ? undefined : [...folder.policies.keys()]);
    if (!validation.ok) {
      diagnostics.push(...validation.diagnostics);
      const errors = validation.diagnostics.length;
      files.push({
        file: source.file,
        cases: [],
        notRun: { reason: `the test file has ${errors} error${errors === 1 ? "" : "s"}`, diagnostics: validation.diagnostics },
      });
    } else if (folder.policies === undefined) {
      files.push({ file: source.file, cases: [], notRun: { reason: `the policies in \`${folder.display}\` have errors`, diagnostics: folder.diagnostics } });
    } else {
      files.push({ file: source.file, cases: runFile(validation.checked, folder.policies) });
    }
  }
  return { files, diagnostics: sortDiagnostics(diagnostics), texts };
}

interface PolicyFolder {
  display: string;
  /** By name; undefined when the folder's policies do not compile. */
  policies: Map<string, CompiledPolicy> | undefined;
  diagnostics: Diagnostic[];
}

function compileFolder(dir: string, texts: Map<string, string>): PolicyFolder {
  const sources = readFolderSources(dir);
  const result = compileSources(sources);
  const display = sources[0] === undefined ? dir : dirname(sources[0].file);
  if (result.bundle === undefined) {
    for (const s of sources) texts.set(s.file, Buffer.from(s.bytes).toString("utf8"));
    return { display, policies: undefined, diagnostics: result.diagnostics.filter((d) => d.severity === "error") };
  }
  return { display, policies: new Map(result.bundle.value.policies.map((p) => [p.name, p])), diagnostics: [] };
}

function runFile({ document, value }: CheckedTestFile, policies: ReadonlyMap<string, CompiledPolicy>): CaseResult[] {
  return value.tests.map((test, i) => {
    const where = document.locate(pointerOf("tests", i, "name"));
    const policy = policies.get(test.policy);
    // validateTestFile checked every case's policy against this folder's names
    if (policy === undefined) throw new Error(`policy \`${test.policy}\` vanished after validation`);
    const run = runCase(policy, test);
    return {
      name: test.name,
      line: where.line,
      column: where.column,
      differences: compare(test, run),
      decisions: run.decisions,
      expectLines: test.expect.map((_, k) => document.locate(pointerOf("tests", i, "expect", k)).line),
      eventLines: test.events.map((_, k) => document.locate(pointerOf("tests", i, "events", k)).line),
      warnings: run.warnings,
    };
  });
}
