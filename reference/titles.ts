import Handlebars from "handlebars";
import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { TitleVariable } from "../compiler/template/variables.js";
import type { Started } from "../schemas/types/session-event.v1.js";
import { clean } from "./plain-text.js";

/** The title, rendered by Handlebars itself (no escaping: titles are plain text). */
export function referenceTitle(policy: ResolvedPolicy, start: Started, callType: string): string {
  const render = cached("template " + policy.title.template, () => Handlebars.compile(policy.title.template, { noEscape: true, knownHelpersOnly: true }));
  const values: { [name in TitleVariable]: string } = {
    CALL_TYPE: clean(callType),
    CALL_ID: clean(start.sessionId),
    MENU_PATH: clean(start.menuPath ?? ""),
    PHONE_NUMBER: clean(start.phoneNumber ?? ""),
    LANGUAGE: clean(start.language ?? ""),
    TIMESTAMP: timestamp(start.at, policy.title.timeZone),
  };
  const text = render(values);
  return Array.from(text).slice(0, policy.crm.subjectLimit).join("");
}

/** ISO 8601 to the second, `Z` in UTC, else the zone's offset at that instant. */
function timestamp(at: string, timeZone: string): string {
  const date = new Date(Math.floor(instant(at) / 1000) * 1000);
  if (timeZone === "UTC") return date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const local = cached(
    "local " + timeZone,
    () =>
      new Intl.DateTimeFormat("sv-SE", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        hourCycle: "h23",
      }),
  ).format(date);
  const zone =
    cached("offset " + timeZone, () => new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }))
      .formatToParts(date)
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const offset = zone === "GMT" ? "+00:00" : zone.slice(3);
  return local.replace(" ", "T") + offset;
}

/** Milliseconds of an RFC 3339 time; a leap second :60 is the first moment of the next minute. */
export function instant(at: string): number {
  const leap = /:60(?=[.Zz+-])/;
  return leap.test(at) ? Date.parse(at.replace(leap, ":59")) + 1000 : Date.parse(at);
}

const cache = new Map<string, unknown>();

/** Building Intl formats and compiling templates is slow; the results are pure, so keep them. */
function cached<T>(key: string, make: () => T): T {
  if (!cache.has(key)) cache.set(key, make());
  return cache.get(key) as T;
}
