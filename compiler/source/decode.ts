import type { Span } from "../diagnostics/diagnostic.js";

export type Decoded = { ok: true; text: string } | { ok: false; message: string; help: string; span: Span };

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Bytes to text: UTF-8 only (a BOM is dropped); otherwise where the first bad byte is. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const byteOrderMark = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // Without a byte order mark, UTF-16 text that starts with an ASCII character has one zero byte in its first pair.
  const zeroInFirstPair = bytes.length >= 2 && (bytes[0] === 0) !== (bytes[1] === 0);
  if (byteOrderMark || zeroInFirstPair) {
    return {
      ok: false,
      message: "file is UTF-16, not UTF-8",
      help: "save the file as UTF-8",
      span: { line: 1, column: 1, endLine: 1, endColumn: 1 },
    };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    const bad = firstInvalidByte(bytes);
    const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
    const lines = before.split("\n");
    const line = lines.length;
    const column = (lines[lines.length - 1] ?? "").length + 1;
    return {
      ok: false,
      message: `file is not valid UTF-8: byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, "0")} at offset ${bad}`,
      help: "save the file as UTF-8",
      span: { line, column, endLine: line, endColumn: column + 1 },
    };
  }
}

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const length = sequenceLength(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return bytes.length;
}

function sequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  if (b0 < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}
