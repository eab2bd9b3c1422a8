/**
 * Text that leaves the system as a title or a tag: well-formed Unicode on one line, with
 * nothing a reader cannot see. Line breaks and tabs become a space; other control characters
 * (C0, DEL, C1) and format characters (Unicode category Cf: bidi overrides and isolates,
 * zero-width spaces and joiners, soft hyphens, the BOM, tag characters) are removed; a lone
 * surrogate becomes U+FFFD. One pass over the text, no regular expression on it.
 */
export function plainLine(value: string): string {
  const n = value.length;
  let i = 0;
  while (i < n) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || code === 0xad || (code >= 0x600 && suspect(code))) break;
    i++;
  }
  if (i === n) return value;
  let out = value.slice(0, i);
  while (i < n) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = i + 1 < n ? value.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        const point = (code - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        if (!isFormat(point)) out += value.slice(i, i + 2);
        i += 2;
        continue;
      }
      out += "\ufffd";
    } else if (code >= 0xdc00 && code <= 0xdfff) out += "\ufffd";
    else if (isSpacing(code)) out += " ";
    else if (!isControl(code) && !isFormat(code)) out += value[i];
    i++;
  }
  return out;
}

/** Cut to at most `limit` code points, never splitting a surrogate pair. */
export function cutTo(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let points = 0;
  let i = 0;
  while (i < text.length && points < limit) {
    const code = text.charCodeAt(i);
    const low = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    i += code >= 0xd800 && code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
    points++;
  }
  return text.slice(0, i);
}

/** A UTF-16 unit at or above U+0600 that may need work: a surrogate or a format character. */
function suspect(code: number): boolean {
  return (code >= 0xd800 && code <= 0xdfff) || isFormat(code) || code === 0x2028 || code === 0x2029;
}

function isSpacing(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x85 || code === 0x2028 || code === 0x2029;
}

function isControl(code: number): boolean {
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
}

/** Unicode's format characters (general category Cf, Unicode 15.1). */
export function isFormat(point: number): boolean {
  if (point < 0xad) return false;
  if (point < 0x10000) {
    return (
      point === 0xad ||
      (point >= 0x600 && point <= 0x605) ||
      point === 0x61c ||
      point === 0x6dd ||
      point === 0x70f ||
      (point >= 0x890 && point <= 0x891) ||
      point === 0x8e2 ||
      point === 0x180e ||
      (point >= 0x200b && point <= 0x200f) ||
      (point >= 0x202a && point <= 0x202e) ||
      (point >= 0x2060 && point <= 0x2064) ||
      (point >= 0x2066 && point <= 0x206f) ||
      point === 0xfeff ||
      (point >= 0xfff9 && point <= 0xfffb)
    );
  }
  return (
    point === 0x110bd ||
    point === 0x110cd ||
    (point >= 0x13430 && point <= 0x1343f) ||
    (point >= 0x1bca0 && point <= 0x1bca3) ||
    (point >= 0x1d173 && point <= 0x1d17a) ||
    point === 0xe0001 ||
    (point >= 0xe0020 && point <= 0xe007f)
  );
}
