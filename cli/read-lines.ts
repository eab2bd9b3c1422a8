import { createReadStream } from "node:fs";

/** A line that could not be read as text: why, for a `line N: rejected: …` message. */
export class UnreadableLine {
  constructor(readonly reason: string) {}
}

export type Line = string | UnreadableLine;

/** Longer lines are refused and skipped unread: no event is anywhere near this long. */
export const maxLineBytes = 1 << 20;

/**
 * The lines of a file or of stdin ("-"), streamed in chunks so memory stays flat on long logs,
 * and yielded a chunk's worth at a time so the per-line cost is a plain loop. Lines are split
 * on bytes and each byte is looked at a bounded number of times, so time is linear however
 * long a line is; a line over `maxLineBytes` is not kept, and a line that is not UTF-8 is not
 * mended: both come back as an `UnreadableLine` in their place, so line numbers stay right.
 */
export async function* readLineBatches(path: string, stdin: NodeJS.ReadableStream): AsyncGenerator<Line[]> {
  const stream = path === "-" ? stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  const reader = new LineSplitter();
  for await (const chunk of stream) {
    const lines = reader.push(typeof chunk === "string" ? Buffer.from(chunk, "utf8") : (chunk as Buffer));
    if (lines.length > 0) yield lines;
  }
  const last = reader.end();
  if (last !== undefined) yield [last];
}

const strict = new TextDecoder("utf-8", { fatal: true });

/** Bytes in, complete lines out; the unfinished line is kept as a list of pieces. */
export class LineSplitter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private tooLong = false;

  push(chunk: Buffer): Line[] {
    const out: Line[] = [];
    let start = 0;
    if (this.pendingBytes > 0 || this.tooLong) {
      const newline = chunk.indexOf(10);
      if (newline < 0) {
        this.keep(chunk);
        return out;
      }
      out.push(this.finish(chunk.subarray(0, newline)));
      start = newline + 1;
    }
    const last = chunk.lastIndexOf(10);
    if (last >= start) {
      // the chunk's complete lines, decoded in one go; one by one only when one is not UTF-8
      let text: string | undefined;
      try {
        text = strict.decode(chunk.subarray(start, last));
      } catch {
        text = undefined;
      }
      if (text !== undefined) {
        for (const line of text.split("\n")) out.push(line.length * 3 > maxLineBytes && Buffer.byteLength(line) > maxLineBytes ? tooLongLine() : line);
      } else {
        for (let from = start; from <= last; ) {
          const newline = chunk.indexOf(10, from);
          out.push(this.finish(chunk.subarray(from, newline)));
          from = newline + 1;
        }
      }
      start = last + 1;
    }
    if (start < chunk.length) this.keep(chunk.subarray(start));
    return out;
  }

  /** The last line, if the input does not end with a newline. */
  end(): Line | undefined {
    if (this.pendingBytes === 0 && !this.tooLong) return undefined;
    return this.finish(Buffer.alloc(0));
  }

  private keep(piece: Buffer): void {
    if (this.tooLong) return;
    this.pendingBytes += piece.length;
    if (this.pendingBytes > maxLineBytes) {
      this.tooLong = true;
      this.pending = [];
    } else this.pending.push(Buffer.from(piece)); // a copy: the stream may reuse its chunk
  }

  private finish(tail: Buffer): Line {
    const tooLong = this.tooLong || this.pendingBytes + tail.length > maxLineBytes;
    const bytes = this.pending.length === 0 ? tail : Buffer.concat([...this.pending, tail]);
    this.pending = [];
    this.pendingBytes = 0;
    this.tooLong = false;
    if (tooLong) return tooLongLine();
    try {
      return strict.decode(bytes);
    } catch {
      return new UnreadableLine(`not UTF-8 (invalid byte at column ${firstInvalid(bytes) + 1})`);
    }
  }
}

function tooLongLine(): UnreadableLine {
  return new UnreadableLine(`longer than ${maxLineBytes} bytes`);
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
function firstInvalid(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const size = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (size === 0 || i + size > bytes.length) return i;
    if (size > 1) {
      try {
        strict.decode(bytes.subarray(i, i + size));
      } catch {
        return i;
      }
    }
    i += size;
  }
  return i;
}
