/** RFC 3339 date-time with a zone, as JSON Schema's `date-time` format (ajv-formats) reads it. */
const shape = /^(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d):(\d\d)(?:\.\d+)?(?:[Zz]|([+-])(\d\d):(\d\d))$/;
const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isTime(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const m = shape.exec(value);
  if (m === null) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > (days[month - 1] ?? 0)) return false;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) return false;
  if (m[7] !== undefined && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  if (hour > 23 || minute > 59) return false;
  // A leap second is valid only at 23:59:60 UTC.
  if (second === 60) {
    const offset = m[7] === undefined ? 0 : (m[7] === "-" ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9]));
    const utcMinutes = (((hour * 60 + minute - offset) % 1440) + 1440) % 1440;
    return utcMinutes === 23 * 60 + 59;
  }
  return second <= 59;
}

/** Milliseconds since the epoch of a valid time (a leap second counts as the next second). */
export function epochMs(at: string): number {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? Date.parse(at.replace(/:60(?=[.Zz+-])/, ":59")) + 1000 : ms;
}
