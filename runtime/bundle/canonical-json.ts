/** JSON with object keys sorted at every level: one text per value, so digests are stable. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return "[" + value.map(canonicalJson).join(",") + "]";
  const entries = Object.keys(value)
    .sort()
    .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
    .map((key) => JSON.stringify(key) + ":" + canonicalJson((value as Record<string, unknown>)[key]));
  return "{" + entries.join(",") + "}";
}
