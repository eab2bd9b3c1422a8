/** Line breaks and tabs become a space; other control characters are removed. */
const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const spacing = /^[\t\n\v\f\r\u0085\u2028\u2029]$/;

/** A value as plain single-line text; returns the same string when it is already clean. */
export function plainLine(value: string): string {
  if (!control.test(value)) return value;
  return value.replace(controls, (c) => (spacing.test(c) ? " " : ""));
}

/** Cut to at most `limit` code points, never splitting a surrogate pair. */
export function cutTo(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let points = 0;
  let i = 0;
  while (i < text.length && points < limit) {
    const code = text.charCodeAt(i);
    i += code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? 2 : 1;
    points++;
  }
  return text.slice(0, i);
}
