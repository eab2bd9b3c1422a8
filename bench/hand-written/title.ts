// The bench policy's title, `{{CALL_TYPE}} {{CALL_ID}} at {{TIMESTAMP}}` in UTC, by hand:
// plain concatenation, with the values made plain single-line text and the result cut to 255.

const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const controls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function handTitle(callType: string, sessionId: string, startedAt: string): string {
  return cut255(plain(callType) + " " + plain(sessionId) + " at " + utcSecond(startedAt));
}

/** Line breaks and tabs become a space, other control characters go. */
export function plain(value: string): string {
  if (!control.test(value)) return value;
  return value.replace(controls, (c) =>
    c === "\t" || c === "\n" || c === "\v" || c === "\f" || c === "\r" || c === "\u0085" || c === "\u2028" || c === "\u2029" ? " " : "",
  );
}

/** `2026-11-20T10:00:00Z`: the time in UTC to the second. */
export function utcSecond(at: string): string {
  if (at.length === 20 && at[19] === "Z" && at[10] === "T") return at;
  // A validated `Z` time with a fraction: dropping the fraction is the floor to the second.
  const zone = at[at.length - 1];
  if ((zone === "Z" || zone === "z") && at[17] !== "6") return at.slice(0, 10) + "T" + at.slice(11, 19) + "Z";
  let t = Date.parse(at);
  if (t !== t) t = Date.parse(at.replace(/:60(?=[.Zz+-])/, ":59")) + 1000;
  return new Date(t - (((t % 1000) + 1000) % 1000)).toISOString().slice(0, 19) + "Z";
}

/** At most 255 code points, never splitting a surrogate pair. */
function cut255(text: string): string {
  if (text.length <= 255) return text;
  let i = 0;
  for (let n = 0; n < 255 && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return text.slice(0, i);
}
