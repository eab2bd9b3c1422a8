/** The query of GET /v1/decisions: after a sequence number, at most `limit`, waiting up to `wait` seconds. */
export interface OutboxQuery {
  after: number;
  limit: number;
  wait: number;
}

export const maxLimit = 1_000;
export const maxWaitSeconds = 25;

export function outboxQuery(query: Record<string, unknown>): OutboxQuery | { error: string } {
  const after = integer(query["after"], "after", 0, Number.MAX_SAFE_INTEGER, 0);
  const limit = integer(query["limit"], "limit", 1, maxLimit, 100);
  const wait = integer(query["wait"], "wait", 0, maxWaitSeconds, 0);
  for (const v of [after, limit, wait]) if (typeof v === "string") return { error: v };
  return { after: after as number, limit: limit as number, wait: wait as number };
}

function integer(value: unknown, name: string, min: number, max: number, fallback: number): number | string {
  if (value === undefined) return fallback;
  if (typeof value !== "string" || !/^\d{1,16}$/.test(value)) return `\`${name}\` must be a whole number from ${min} to ${max}`;
  const n = Number(value);
  return n < min || n > max ? `\`${name}\` must be a whole number from ${min} to ${max}` : n;
}
