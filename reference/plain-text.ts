/**
 * Plain text as docs/domain.md asks of titles and tags, written with Unicode's own categories:
 * line breaks and tabs become spaces, other control (Cc) and format (Cf) characters go, a lone
 * surrogate (Cs) becomes U+FFFD.
 */
export function clean(value: string): string {
  let out = "";
  for (const c of value) {
    if ("\t\n\v\f\r\u0085\u2028\u2029".includes(c)) out += " ";
    else if (/\p{Cs}/u.test(c)) out += "\ufffd";
    else if (!/[\p{Cc}\p{Cf}]/u.test(c)) out += c;
  }
  return out;
}
