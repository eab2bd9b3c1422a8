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

function inZone(format: Intl.DateTimeFormat, at: string): string {
  const ms = Math.floor(epochMs(at) / 1000) * 1000;
  const p: Record<string, string> = {};
  for (const part of format.formatToParts(ms)) p[part.type] = part.value;
  const year = Number(p["year"]);
  const local = Date.UTC(year, Number(p["month"]) - 1, Number(p["day"]), Number(p["hour"]), Number(p["minute"]), Number(p["second"]));
  const offset = Math.round((local - ms) / 60000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${pad(year, 4)}-${p["month"]}-${p["day"]}T${p["hour"]}:${p["minute"]}:${p["second"]}${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}

function utc(at: string): string {
  // Times are validated RFC 3339, so the common forms need no Date: `…:SSZ` is the answer
  // itself, and cutting the fraction off a `Z` time is its floor to the second.
  if (at.length === 20 && at.charCodeAt(19) === 90 /* Z */ && at.charCodeAt(10) === 84 /* T */ && at.charCodeAt(17) !== 54) return at;
  const last = at.charCodeAt(at.length - 1);
  if ((last === 90 || last === 122) /* Z or z */ && at.charCodeAt(17) !== 54 /* not a :60 leap second */) {
    return at.slice(0, 10) + "T" + at.slice(11, 19) + "Z";
  }
  if (at.charCodeAt(17) !== 54 /* not :60 */ && at.charCodeAt(0) + at.charCodeAt(1) !== 96 /* not year 00xx, which Date.UTC reads as 19xx */) {
    // `±HH:MM` offset: shift the fields by it with Date.UTC, which parses no text.
    const end = at.length;
    const sign = at.charCodeAt(end - 6) === 45 ? 1 : -1; // local = UTC + offset, so UTC = local - offset
    const offset = sign * (num(at, end - 5) * 60 + num(at, end - 2));
    const ms = Date.UTC(num(at, 0) * 100 + num(at, 2), num(at, 5) - 1, num(at, 8), num(at, 11), num(at, 14) + offset, num(at, 17));
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
