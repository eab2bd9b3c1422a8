import { didYouMean } from "../diagnostics/suggest.js";
import { report, settingSections, type Check } from "./check.js";

/** TIMESTAMP is written in an IANA zone the runtime's Intl knows. */
export const unknownTimeZone: Check = (context) =>
  settingSections(context.policy).flatMap(({ at, title }) => {
    const zone = title?.timeZone;
    if (zone === undefined || isTimeZone(zone)) return [];
    return [
      report(context, "unknown-time-zone", `unknown time zone \`${zone}\``, `${at}/title/timeZone`, {
        help: didYouMean(zone, Intl.supportedValuesOf("timeZone")) ?? "use an IANA zone such as `Europe/Berlin` or `UTC`",
      }),
    ];
  });

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
