// Shared by the validator's tests: where the fixtures are, how to read a folder of them, and an
// in-memory Io for running the CLI in-process.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import type { Io } from "../../cli/io.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import type { SourceFile } from "../../compiler/passes/parse.js";
import { projectRoot } from "../../compiler/project-files.js";

export const invalidFolder = join(projectRoot, "test", "fixtures", "invalid");
export const validFolder = join(projectRoot, "test", "fixtures", "valid");
export const policiesFolder = join(projectRoot, "policies");

/** The manifest of the invalid folder, not a fixture itself. */
export const manifestName = "expected.yaml";

/** Every fixture of a folder (not recursive), named by file name only, sorted. */
export function fixtureSources(folder: string): SourceFile[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name !== manifestName)
    .map((entry) => entry.name)
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(folder, file)) }));
}

/** A source from text, the way a test writes a policy inline. */
export function source(file: string, text: string): SourceFile {
  return { file, bytes: new TextEncoder().encode(text) };
}

/** How the manifest writes a diagnostic: `<code> <line>:<column>`. */
export function brief(d: Diagnostic): string {
  return `${d.code} ${d.line}:${d.column}`;
}

export interface CapturedIo extends Io {
  out(): string;
  err(): string;
}

export function captureIo(): CapturedIo {
  let stdout = "";
  let stderr = "";
  return {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([]),
    out: () => stdout,
    err: () => stderr,
  };
}

/** A minimal valid policy, to build variations on. */
export function minimalPolicy(name: string, system = "zendesk"): string {
  return `apiVersion: crm-policy/v1\nkind: RecordCreationPolicy\nmetadata:\n  name: ${name}\ncrm:\n  system: ${system}\n`;
}
