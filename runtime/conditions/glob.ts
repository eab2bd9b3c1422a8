/**
 * Glob matching for `matches`: `*` stands for any run of characters (none, and `/` included),
 * `?` for exactly one character, every other character for itself; the whole subject must match.
 * Characters are Unicode code points, so `?` matches one emoji.
 *
 * No backtracking: the pattern is cut at its stars into segments. The first segment must match
 * at the start, the last at the end, and each middle one is taken at its leftmost place after the
 * previous one; a star absorbs whatever lies between, so the leftmost place never loses a match.
 * A middle segment is found in one left-to-right pass (Shift-And: one bit a segment position,
 * so `?` costs nothing extra). Work: O(|pattern| + |subject| x ceil(k / 32)), k the longest
 * segment; linear in the subject for segments up to 32 characters, whatever the stars.
 */

/** Counts character comparisons, so tests can bound the work without timing it. */
export interface GlobMeter {
  steps: number;
}

export function globMatch(pattern: string, subject: string, meter: GlobMeter = { steps: 0 }): boolean {
  const p = Array.from(pattern);
  const s = Array.from(subject);
  const segments = split(p);
  const first = segments[0] ?? [];
  if (segments.length === 1) return s.length === first.length && matchesAt(first, s, 0, meter);
  const last = segments[segments.length - 1] ?? [];
  const limit = s.length - last.length;
  if (first.length > limit) return false;
  if (!matchesAt(first, s, 0, meter) || !matchesAt(last, s, limit, meter)) return false;
  let position = first.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const segment = segments[i] ?? [];
    if (segment.length === 0) continue;
    const found = find(segment, s, position, limit, meter);
    if (found === -1) return false;
    position = found + segment.length;
  }
  return true;
}

function split(pattern: readonly string[]): string[][] {
  const segments: string[][] = [[]];
  for (const c of pattern) {
    if (c === "*") segments.push([]);
    else segments[segments.length - 1]?.push(c);
  }
  return segments;
}

function same(p: string | undefined, c: string | undefined, meter: GlobMeter): boolean {
  meter.steps++;
  return p === "?" ? c !== undefined : p === c;
}

function matchesAt(segment: readonly string[], s: readonly string[], at: number, meter: GlobMeter): boolean {
  for (let i = 0; i < segment.length; i++) if (!same(segment[i], s[at + i], meter)) return false;
  return true;
}

/**
 * Leftmost `at` with the segment at [at, at + length) inside [from, limit): Shift-And. Bit i of
 * `state` says the last i + 1 characters read match the segment's first i + 1; reading a
 * character shifts a 1 in and keeps the bits whose segment character it is (or `?`).
 */
function find(segment: readonly string[], s: readonly string[], from: number, limit: number, meter: GlobMeter): number {
  const length = segment.length;
  const words = Math.ceil(length / 32);
  const wildcard = new Uint32Array(words);
  const masks = new Map<string, Uint32Array>();
  for (let i = 0; i < length; i++) {
    meter.steps++;
    const c = segment[i] ?? "";
    let mask = c === "?" ? wildcard : masks.get(c);
    if (mask === undefined) masks.set(c, (mask = new Uint32Array(words)));
    mask[i >>> 5] = (mask[i >>> 5] ?? 0) | (1 << (i & 31));
  }
  const state = new Uint32Array(words);
  const lastWord = words - 1;
  const lastBit = 1 << ((length - 1) & 31);
  for (let at = from; at < limit; at++) {
    const mask = masks.get(s[at] ?? "");
    let carry = 1;
    for (let w = 0; w < words; w++) {
      meter.steps++;
      const word = state[w] ?? 0;
      state[w] = ((word << 1) | carry) & ((mask?.[w] ?? 0) | (wildcard[w] ?? 0));
      carry = word >>> 31;
    }
    if (((state[lastWord] ?? 0) & lastBit) !== 0) return at - length + 1;
  }
  return -1;
}
