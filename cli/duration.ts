const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `30s`, `5m`, `2h`, `1d`, `500ms`, `1.5m` or `0` in milliseconds; undefined if it is none of those. */
export function parseDuration(text: string): number | undefined {
  if (text === "0") return 0;
  const match = /^(\d{1,9}(?:\.\d{1,3})?)(ms|s|m|h|d)$/.exec(text);
  if (match === null) return undefined;
  return Math.round(Number(match[1]) * units[match[2]!]!);
}
