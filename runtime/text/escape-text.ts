import { isFormat } from "../title/plain-text.js";

/**
 * Outside text made safe to echo on one line of a terminal or a log, as `git` and `cargo` do:
 * tab, line feed and carriage return as `\t` `\n` `\r`, every other control character, line
 * or paragraph separator, format character (bidi overrides, zero-width characters) and lone
 * surrogate as `\u{…}`. Nothing can start a new line, move the cursor, colour the output or
 * reorder what follows. Returns the same string when there is nothing to escape.
 */
export function escapeText(text: string): string {
  const n = text.length;
  let i = 0;
  while (i < n && !needsWork(text.charCodeAt(i))) i++;
  if (i === n) return text;
  let out = text.slice(0, i);
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < n) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        out += isFormat(point) ? hex(point) : text.slice(i, i + 2);
        i += 2;
        continue;
      }
    }
    if (code === 0x09) out += "\\t";
    else if (code === 0x0a) out += "\\n";
    else if (code === 0x0d) out += "\\r";
    else if (needsWork(code)) out += hex(code);
    else out += text[i];
    i++;
  }
  return out;
}

function needsWork(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code < 0xa0) ||
    (code >= 0xad && (code === 0x2028 || code === 0x2029 || (code >= 0xd800 && code <= 0xdfff) || isFormat(code)))
  );
}

function hex(point: number): string {
  return `\\u{${point.toString(16)}}`;
}
