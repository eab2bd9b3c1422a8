import { epochMs } from "../events/time.js";

/** TIMESTAMP: the session start to the second, `2026-11-20T10:00:00Z` or with the zone's offset. */
export type TimestampFormat = (at: string) => string;

const formats = new Map<string, Intl.DateTimeFormat>();

export function timestampFormat(timeZone: string | null): TimestampFormat {
  if (timeZone === null || timeZone === "UTC") return utc;
  const format = formats.get(timeZone) ?? zoneFormat(timeZone);
  return (at) => inZone(format, at);
}

/** Intl formats are costly to build: one per zone per process. */
function zoneFormat(timeZone: string): Intl.DateTimeFormat {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  });
  formats.set(timeZone, format);
  return format;
}

/**
 * The instant with the zone's offset at it, rounded to the minute (RFC 3339 has no seconds in
 * offsets; a few zones' old local mean times have them), and the local time written from that
 * same offset, so the text always names the instant. Any year of the accepted range (0001–9999).
 */
function inZone(format: Intl.DateTimeFormat, at: string): string {
  const ms = Math.floor(epochMs(at) / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(ms)) p[part.type] = part.value;
  const local = utcMs(Number(p["year"]), Number(p["month"]), Number(p["day"]), Number(p["hour"]), Number(p["minute"]), Number(p["second"]));
  const offset = Math.round((local - ms) / 60000);
  const shown = new Date(ms + offset * 60000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return (
    `${pad(shown.getUTCFullYear(), 4)}-${pad(shown.getUTCMonth() + 1, 2)}-${pad(shown.getUTCDate(), 2)}` +
    `T${pad(shown.getUTCHours(), 2)}:${pad(shown.getUTCMinutes(), 2)}:${pad(shown.getUTCSeconds(), 2)}${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`
  );
}

/** 400 Gregorian years, in milliseconds: the calendar repeats after them. */
const fourCenturies = 146_097 * 86_400_000;

/** Date.UTC for every year: Date.UTC reads years 0–99 as 1900–1999, so those go 400 years up and back. */
function utcMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second);
  return Date.UTC(year + 400, month - 1, day, hour, minute, second) - fourCenturies;
}

function utc(at: string): string {
  // Times are validated RFC 3339, so the common forms need no Date: `…:SSZ` is the answer
  // itself, and cutting the fraction off a `Z` time is its floor to the second.
  if (at.length === 20 && at.charCodeAt(19) === 90 /* Z */ && at.charCodeAt(10) === 84 /* T */ && at.charCodeAt(17) !== 54) return at;
  const last = at.charCodeAt(at.length - 1);
  if ((last === 90 || last === 122) /* Z or z */ && at.charCodeAt(17) !== 54 /* not a :60 leap second */) {
    return at.slice(0, 10) + "T" + at.slice(11, 19) + "Z";
  }
  if (at.charCodeAt(17) !== 54 /* not :60 */) {
    // `±HH:MM` offset: shift the fields by it with Date.UTC, which parses no text.
    const end = at.length;
    const sign = at.charCodeAt(end - 6) === 45 ? 1 : -1; // local = UTC + offset, so UTC = local - offset
    const offset = sign * (num(at, end - 5) * 60 + num(at, end - 2));
    const ms = utcMs(num(at, 0) * 100 + num(at, 2), num(at, 5), num(at, 8), num(at, 11), num(at, 14) + offset, num(at, 17));
    return new Date(ms).toISOString().slice(0, 19) + "Z";
  }
  return new Date(Math.floor(epochMs(at) / 1000) * 1000).toISOString().slice(0, 19) + "Z";
}

/** The two-digit number at `i` of a validated time. */
function num(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}
