import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SourceFile } from "../compiler/passes/parse.js";
import { UsageError } from "./io.js";

const policyFile = /\.(ya?ml|json)$/;

/** The policy files named by PATHs: files as given, folders searched recursively, sorted. */
export function readSources(paths: readonly string[]): SourceFile[] {
  const files = new Set<string>();
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (stat.isDirectory()) for (const file of walk(path)) files.add(file);
    else files.add(path);
  }
  return [...files].sort().map(read);
}

/** A file that cannot be read becomes a source that says why, and is reported like any problem. */
function read(file: string): SourceFile {
  try {
    return { file: display(file), bytes: readFileSync(file) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { file: display(file), bytes: new Uint8Array(), readError: reason };
  }
}

function walk(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(path));
    else if (policyFile.test(entry.name)) found.push(path);
  }
  return found;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
