// `crm-policy validate` as a real process (the built bin/crm-policy.js: `npm test` builds first),
// because what reaches the process's stderr from elsewhere (a library's process.emitWarning) is
// invisible to the in-process tests. Each file here is an example of a template or a key that
// was once accepted or misplaced: one located diagnostic each, stderr only the summary.
import { execFile } from "node:child_process";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../compiler/project-files.js";
import { invalidFolder } from "./support.js";

const run = promisify(execFile);

/** [fixture, `<code> <line>:<column>`] */
const examples: [string, string][] = [
  ["template-whitespace-control.yaml", "template-whitespace-control 8:18"],
  ["template-whitespace-control-open.yaml", "template-whitespace-control 8:16"],
  ["template-whitespace-control-close.yaml", "template-whitespace-control 8:25"],
  ["template-brackets.yaml", "template-brackets 8:16"],
  ["template-brackets-whitespace-control.yaml", "template-whitespace-control 8:16"],
  ["template-inner-spaces.yaml", "template-inner-whitespace 8:21"],
  ["template-inner-tab.yaml", "template-inner-whitespace 8:16"],
  ["template-inner-no-break-space.yaml", "template-inner-whitespace 8:23"],
  ["template-inner-line-break.yaml", "template-multiline 8:16"],
  ["template-inner-crlf.yaml", "template-multiline 8:23"],
  ["read-collection-key.yaml", "yaml-syntax 7:3"],
  ["schema-alias-key.yaml", "unknown-property 6:3"],
  ["read-duplicate-key-alias.yaml", "duplicate-key 7:1"],
  ["read-unquoted-template.yaml", "yaml-syntax 8:14"],
];

async function validate(files: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = [join(projectRoot, "bin", "crm-policy.js"), "validate", ...files.map((f) => join(invalidFolder, f))];
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** The diagnostics' first lines: `<file>:<line>:<column>: <severity>[<code>]: …` */
function located(stdout: string): string[] {
  return [...stdout.matchAll(/^(.+?):(\d+):(\d+): (?:error|warning)\[([a-z0-9-]+)\]:/gm)].map(
    ([, file = "", line, column, code]) => `${basename(file)} ${code} ${line}:${column}`,
  );
}

describe("crm-policy validate, run as a process", () => {
  it("reports one located diagnostic per example and nothing but the summary on stderr", async () => {
    const { code, stdout, stderr } = await validate(examples.map(([file]) => file));
    expect(code).toBe(1);
    expect(located(stdout).sort()).toEqual(examples.map(([file, at]) => `${file} ${at}`).sort());
    expect(stderr).toBe(`${examples.length} errors, 0 warnings in ${examples.length} files\n`);
  });

  it("gives no Node warning for a key that is a list, the first thing that would print one", async () => {
    const { code, stdout, stderr } = await validate(["read-collection-key.yaml"]);
    expect(code).toBe(1);
    expect(located(stdout)).toEqual(["read-collection-key.yaml yaml-syntax 7:3"]);
    expect(stderr).toBe("1 error, 0 warnings in 1 file\n");
  });
});
