/**
 * RFC 3339 date-time with a zone, as the event schema reads it (its pattern plus ajv-formats'
 * `date-time`). Parsed by character codes: this runs on every event, so no regex, no allocation.
 */
export function isTime(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const s = value;
  const n = s.length;
  if (n < 20 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return false;
  const t = s.charCodeAt(10);
  if (t !== 84 && t !== 116) return false; // T or t
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0)
    return false;
  let i = 19;
  if (s.charCodeAt(i) === 46) {
    // fraction: at least one digit
    i++;
    const start = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === start) return false;
  }
  let offset = 0;
  const z = s.charCodeAt(i);
  if ((z === 90 || z === 122) && i + 1 === n) offset = 0;
  else if ((z === 43 || z === 45) && i + 6 === n && s.charCodeAt(i + 3) === 58) {
    const oh = digits(s, i + 1, 2);
    const om = digits(s, i + 4, 2);
    if (oh < 0 || oh > 23 || om < 0 || om > 59) return false;
    offset = (z === 45 ? -1 : 1) * (oh * 60 + om);
  } else return false;
  if (!inRange(year, month, day, hour * 60 + minute - offset)) return false;
  if (second <= 59) return true;
  // A leap second is valid only at 23:59:60 UTC.
  const utcMinutes = (((hour * 60 + minute - offset) % 1440) + 1440) % 1440;
  return second === 60 && utcMinutes === 23 * 60 + 59;
}

/**
 * The accepted range of times: instants from 0001-01-02T00:00:00Z to 9999-12-30T23:59:60Z.
 * A day inside years 1 to 9999 at both ends, so that the time read in any zone (offsets are
 * under a day) still has a four-digit year of the Gregorian calendar, which TIMESTAMP writes.
 */
export const timeRange = { from: "0001-01-02T00:00:00Z", to: "9999-12-30T23:59:59Z" } as const;

/** Whether the UTC day of a written date, `minutes` (local minutes minus the offset) into it, is in range. */
function inRange(year: number, month: number, day: number, minutes: number): boolean {
  if (year > 1 && year < 9999) return true;
  const utcDay = day + Math.floor(minutes / 1440); // day 0 or 32 still orders right against the bounds
  const ordinal = year * 10_000 + month * 100 + utcDay;
  return ordinal >= 1_01_02 && ordinal <= 9999_12_30;
}

/**
 * Milliseconds since the epoch of a valid time (isTime): a leap second counts as the next
 * second, digits of a fraction past the millisecond are dropped. By character codes, as isTime.
 */
export function epochMs(at: string): number {
  const s = at;
  const days = daysFromCivil(digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2));
  let ms = (((days * 24 + digits(s, 11, 2)) * 60 + digits(s, 14, 2)) * 60 + digits(s, 17, 2)) * 1000;
  let i = 19;
  if (s.charCodeAt(i) === 46) {
    i++;
    let scale = 100;
    while (isDigit(s.charCodeAt(i))) {
      ms += (s.charCodeAt(i) - 48) * scale;
      scale /= 10;
      i++;
    }
    ms = Math.floor(ms);
  }
  const z = s.charCodeAt(i);
  if (z === 43 || z === 45) ms -= (z === 45 ? -1 : 1) * (digits(s, i + 1, 2) * 60 + digits(s, i + 4, 2)) * 60_000;
  return ms;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The number written by `count` digits at `from`, or -1 if one is not a digit. */
function digits(s: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    value = value * 10 + c - 48;
  }
  return value;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
