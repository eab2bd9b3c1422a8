/**
 * A line with nothing but JSON's own white space (space, tab, CR) is skipped as blank. Other
 * white space (NBSP, U+2028, a vertical tab) is not JSON, so such a line is rejected like any.
 */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}
