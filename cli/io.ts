/** Where a command writes; tests pass buffers, the bin passes the process's streams. */
export interface Io {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: NodeJS.ReadableStream;
}

/** A mistake in how the command was called: exit status 2. */
export class UsageError extends Error {}
