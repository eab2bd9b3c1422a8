/** Where a command writes; tests pass buffers, the bin passes the process's streams. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream;
}

/** A mistake in how the command was called: exit status 2. */
export class UsageError extends Error {}

/** A file named on the command line that cannot be read: one line, exit status 2. */
export class FileError extends Error {}

const reasons: Record<string, string> = {
  ENOENT: "no such file or folder",
  EISDIR: "it is a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a folder",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files",
  EIO: "input/output error",
};

/** Why a file operation failed, in words, or undefined when the error is not a file system error. */
export function fileProblem(error: unknown): string | undefined {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  if (typeof code !== "string" || !/^E[A-Z]+$/.test(code)) return undefined;
  return `${reasons[code] ?? "cannot be read"} (${code})`;
}
