import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { SourceFile } from "../compiler/passes/parse.js";
import { UsageError } from "./io.js";

/** Test files (`crm-policy test`) sit beside the policies they test but are not policies. */
export const isTestFile = (name: string): boolean => /\.test\.ya?ml$/.test(name);
const isPolicyFile = (name: string): boolean => /\.(ya?ml|json)$/.test(name) && !isTestFile(name);

/** The policy files named by PATHs: files as given, folders searched recursively, sorted. */
export function readSources(paths: readonly string[]): SourceFile[] {
  return findFiles(paths, isPolicyFile).map(readSource);
}

/** The policy files of one folder, not its subfolders, sorted. */
export function readFolderSources(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.isDirectory() && isPolicyFile(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort()
    .map(readSource);
}

/** Files named by PATHs: files as given, folders searched recursively for names `accept`s, sorted. */
export function findFiles(paths: readonly string[], accept: (name: string) => boolean): string[] {
  const files = new Set<string>();
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (stat.isDirectory()) for (const file of walk(path, accept)) files.add(file);
    else files.add(path);
  }
  return [...files].sort();
}

/** A file that cannot be read becomes a source that says why, and is reported like any problem. */
export function readSource(file: string): SourceFile {
  try {
    return { file: display(file), bytes: readFileSync(file) };
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { file: display(file), bytes: new Uint8Array(), readError: reason };
  }
}

function walk(dir: string, accept: (name: string) => boolean): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(path, accept));
    else if (accept(entry.name)) found.push(path);
  }
  return found;
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
