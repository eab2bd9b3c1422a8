import type { Crm } from "../../schemas/types/bundle.v1.js";
import { cutTo, plainLine } from "../title/plain-text.js";

/**
 * A session type name as a tag, in the CRM's form (docs/domain.md, "Record tags"). The name is
 * cleaned as title values are (no control or format characters, well-formed) for every CRM,
 * then shaped, then cut at code points to the CRM's tag limit. Linear in the name's length.
 */
export function sessionTypeTag(name: string, crm: Pick<Crm, "tagStyle" | "tagLimit">): string | undefined {
  let tag: string;
  switch (crm.tagStyle) {
    case "none":
      return undefined;
    case "snake_case": // Voice Inbound (IVR) → voice_inbound_ivr
      tag = snake(name);
      break;
    case "parentheses_as_dash": // Voice Inbound (IVR) → Voice Inbound - IVR
      tag = dash(plainLine(name));
      break;
    case "verbatim": // unchanged
      tag = plainLine(name);
      break;
  }
  return crm.tagLimit > 0 ? cutTo(tag, crm.tagLimit) : tag;
}

/** All tags of a record for one session type: the session type tag, then the platform tag. */
export function recordTags(name: string, crm: Pick<Crm, "tagStyle" | "tagLimit">, tags: { sessionType: boolean; platform: string | null }): string[] {
  const out: string[] = [];
  if (tags.sessionType) {
    const tag = sessionTypeTag(name, crm);
    if (tag !== undefined && tag !== "") out.push(tag);
  }
  if (tags.platform !== null && crm.tagStyle !== "none") out.push(tags.platform);
  return out;
}

/** Lower case, each run of characters other than `a-z0-9` one `_`, none at either end. */
function snake(name: string): string {
  const lower = name.toLowerCase();
  let out = "";
  let gap = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out !== "") out += "_";
      out += lower[i];
      gap = false;
    } else gap = true;
  }
  return out;
}

/**
 * Each `(…)` written as ` - …`, the white space before it dropped, then trimmed: what
 * `name.replace(/\s*\(([^)]*)\)/g, " - $1").trim()` gives, without that regex's quadratic
 * retries on a name with many `(` and no `)`. A `(` matches the first `)` after it.
 */
function dash(name: string): string {
  let out = "";
  let done = 0;
  let from = 0;
  for (;;) {
    const open = name.indexOf("(", from);
    if (open < 0) break;
    const close = name.indexOf(")", open + 1);
    if (close < 0) break; // no `)` after this `(`, so none after any later `(` either
    let start = open;
    while (start > done && isSpace(name.charCodeAt(start - 1))) start--;
    out += name.slice(done, start) + " - " + name.slice(open + 1, close);
    done = from = close + 1;
  }
  return (out + name.slice(done)).trim();
}

/** JavaScript's `\s`. */
function isSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
