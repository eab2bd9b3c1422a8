// What an engineer would write by hand to validate events for one service: the same checks as
// the event schema (and so as the runtime), written out per event type, the time check that runs
// on every event done by character codes.

const monthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why a parsed value is not a valid event, or undefined. */
export function checkEvent(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "an event must be a JSON object";
  const e = value as Record<string, unknown>;
  const type = e["type"];
  if (type === undefined) return "missing field `type`";
  if (typeof type !== "string") return "field `type` must be a string";
  if (type !== "started" && type !== "assigned" && type !== "connected" && type !== "message" && type !== "ended" && type !== "record.status")
    return `unknown event type \`${type}\``;
  const at = e["at"];
  if (!isTime(at)) return at === undefined ? "missing field `at`" : "field `at` must be an RFC 3339 time with a zone";
  const eventId = e["eventId"];
  if (eventId !== undefined && (typeof eventId !== "string" || eventId === "" || [...eventId].length > 256))
    return "field `eventId` must be a non-empty string of at most 256 characters";
  if (type === "record.status") return text(e, "recordId") ?? text(e, "status");
  const bad = text(e, "sessionId");
  if (bad !== undefined) return bad;
  if ((e["sessionId"] as string).length > 256 && [...(e["sessionId"] as string)].length > 256) return "field `sessionId` must be at most 256 characters";
  switch (type) {
    case "started": {
      const channel = e["channel"];
      if (channel !== "voice" && channel !== "chat") return channel === undefined ? "missing field `channel`" : "field `channel` must be `voice` or `chat`";
      return (
        text(e, "sessionType") ??
        text(e, "queue") ??
        maybeString(e, "menuPath") ??
        maybeString(e, "phoneNumber") ??
        maybeString(e, "language") ??
        (e["endUser"] === undefined ? undefined : text(e, "endUser"))
      );
    }
    case "assigned":
      return maybeString(e, "agent");
    case "message": {
      const from = e["from"];
      return from === "consumer" || from === "agent" ? undefined : from === undefined ? "missing field `from`" : "field `from` must be `consumer` or `agent`";
    }
    default:
      return undefined;
  }
}

/**
 * RFC 3339 with a zone, a real calendar day, and a leap second only at 23:59:60 UTC. It runs on
 * every event, so it scans character codes rather than matching a regex.
 */
export function isTime(value: unknown): value is string {
  if (typeof value !== "string" || value.length < 20) return false;
  const s = value;
  if (s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || (s.charCodeAt(10) | 32) !== 116 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  const year = num(s, 0, 4);
  const month = num(s, 5, 2);
  const day = num(s, 8, 2);
  const hour = num(s, 11, 2);
  const minute = num(s, 14, 2);
  const second = num(s, 17, 2);
  if (
    year < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > monthDays[month - 1]! ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 60
  )
    return false;
  if (month === 2 && day === 29 && (year % 4 !== 0 || (year % 100 === 0 && year % 400 !== 0))) return false;
  let i = 19;
  if (s.charCodeAt(i) === 46) {
    const first = ++i;
    while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
    if (i === first) return false;
  }
  let offset = 0;
  const zone = s.charCodeAt(i);
  if ((zone | 32) === 122) {
    if (i + 1 !== s.length) return false;
  } else {
    if ((zone !== 43 && zone !== 45) || i + 6 !== s.length || s.charCodeAt(i + 3) !== 58) return false;
    const h = num(s, i + 1, 2);
    const m = num(s, i + 4, 2);
    if (h < 0 || h > 23 || m < 0 || m > 59) return false;
    offset = (zone === 45 ? -1 : 1) * (h * 60 + m);
  }
  return second < 60 || (((hour * 60 + minute - offset) % 1440) + 1440) % 1440 === 1439;
}

/** The decimal number in `count` characters from `at`, or -1. */
function num(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Milliseconds of a valid time; a leap second is the first moment of the next minute. */
export function ms(at: string): number {
  const t = Date.parse(at);
  return t === t ? t : Date.parse(at.replace(/:60(?=[.Zz+-])/, ":59")) + 1000;
}

function text(e: Record<string, unknown>, field: string): string | undefined {
  const v = e[field];
  if (typeof v === "string" && v !== "") return undefined;
  return v === undefined ? `missing field \`${field}\`` : `field \`${field}\` must be a non-empty string`;
}

function maybeString(e: Record<string, unknown>, field: string): string | undefined {
  const v = e[field];
  return v === undefined || typeof v === "string" ? undefined : `field \`${field}\` must be a string`;
}
