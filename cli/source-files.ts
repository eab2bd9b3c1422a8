import { readdirSync, readFileSync, realpathSync, statSync, type Dirent } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { SourceFile } from "../compiler/passes/parse.js";
import { UsageError } from "./io.js";

/** Test files (`crm-policy test`) sit beside the policies they test but are not policies. */
export const isTestFile = (name: string): boolean => /\.test\.ya?ml$/.test(name);
const isPolicyFile = (name: string): boolean => /\.(ya?ml|json)$/.test(name) && !isTestFile(name);

/** The policy files named by PATHs: files as given, folders searched recursively, sorted. */
export function readSources(paths: readonly string[]): SourceFile[] {
  return findEntries(paths, isPolicyFile).map((entry) =>
    entry.readError === undefined ? readSource(entry.path) : { file: display(entry.path), bytes: new Uint8Array(), readError: entry.readError },
  );
}

/** The policy files of one folder, not its subfolders, sorted. */
export function readFolderSources(dir: string): SourceFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !isFolder(join(dir, entry.name), entry) && isPolicyFile(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort()
    .map(readSource);
}

/** Files named by PATHs: files as given, folders searched recursively for names `accept`s, sorted. */
export function findFiles(paths: readonly string[], accept: (name: string) => boolean): string[] {
  return findEntries(paths, accept).map((entry) => entry.path);
}

/** A file found, or a folder that could not be read (so that it is reported, not skipped). */
interface Entry {
  path: string;
  readError?: string;
}

/**
 * Files named by PATHs, sorted: folders are searched recursively, following symbolic links to
 * folders (a folder reached twice, as by a link loop, is read once); a folder that cannot be
 * read is an entry with its reason; a file named twice, under any spelling, is read once.
 */
function findEntries(paths: readonly string[], accept: (name: string) => boolean): Entry[] {
  const found = new Map<string, Entry>(); // by real path
  const folders = new Set<string>();
  const add = (entry: Entry) => {
    const key = realPath(entry.path);
    if (!found.has(key)) found.set(key, entry);
  };
  const walk = (dir: string): void => {
    const real = realPath(dir);
    if (folders.has(real)) return;
    folders.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      add({ path: dir, readError: (error as NodeJS.ErrnoException).code ?? String(error) });
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (isFolder(path, entry)) walk(path);
      else if (accept(entry.name)) add({ path });
    }
  };
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (stat.isDirectory()) walk(path);
    else add({ path });
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** A folder, or a symbolic link to one (a dangling link is not: it is reported as a file). */
function isFolder(path: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
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

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith("..") ? file : rel;
}
