import type { CompiledPolicy } from "../../schemas/types/bundle.v1.js";
import { cutTo, plainLine } from "./plain-text.js";
import { timestampFormat, type TimestampFormat } from "./timestamp.js";

/** What a title is filled from. */
export interface TitleInput {
  callType: string;
  sessionId: string;
  menuPath: string | undefined;
  phoneNumber: string | undefined;
  language: string | undefined;
  startedAt: string;
}

export type RenderTitle = (input: TitleInput) => string;

type Part = (input: TitleInput) => string;

type Variable = Exclude<CompiledPolicy["title"]["segments"][number], string>["var"];

/** One getter per variable (the bundle schema's enum), chosen once per policy: no per-call dispatch. */
const getters: { readonly [name in Variable]: (timestamp: TimestampFormat) => Part } = {
  CALL_TYPE: () => (input) => plainLine(input.callType),
  CALL_ID: () => (input) => plainLine(input.sessionId),
  MENU_PATH: () => (input) => (input.menuPath === undefined ? "" : plainLine(input.menuPath)),
  PHONE_NUMBER: () => (input) => (input.phoneNumber === undefined ? "" : plainLine(input.phoneNumber)),
  LANGUAGE: () => (input) => (input.language === undefined ? "" : plainLine(input.language)),
  TIMESTAMP: (timestamp) => (input) => timestamp(input.startedAt),
};

function getter(name: Variable, timestamp: TimestampFormat): Part {
  if (!Object.hasOwn(getters, name)) throw new Error(`unknown title variable \`${String(name)}\``);
  return getters[name](timestamp);
}

/**
 * Builds the title function once per policy. Literal segments are already plain text (the
 * compiler checked them), so only the session's values are cleaned per call. Titles have few
 * parts, so the common lengths are written out as one concatenation each.
 */
export function titleRenderer(policy: CompiledPolicy): RenderTitle {
  const timestamp = timestampFormat(policy.title.timeZone);
  const parts: Part[] = [];
  let pending = "";
  for (const segment of policy.title.segments) {
    if (typeof segment === "string") pending += segment;
    else {
      if (pending !== "") {
        const literal = pending;
        parts.push(() => literal);
      }
      parts.push(getter(segment.var, timestamp));
      pending = "";
    }
  }
  if (pending !== "") {
    const literal = pending;
    parts.push(() => literal);
  }
  const limit = policy.crm.subjectLimit;
  // The `!`s below are safe: each case reads only the parts its length guarantees.
  const [a, b, c, d, e, f] = parts;
  switch (parts.length) {
    case 0:
      return () => "";
    case 1:
      return (x) => cutTo(a!(x), limit);
    case 2:
      return (x) => cutTo(a!(x) + b!(x), limit);
    case 3:
      return (x) => cutTo(a!(x) + b!(x) + c!(x), limit);
    case 4:
      return (x) => cutTo(a!(x) + b!(x) + c!(x) + d!(x), limit);
    case 5:
      return (x) => cutTo(a!(x) + b!(x) + c!(x) + d!(x) + e!(x), limit);
    case 6:
      return (x) => cutTo(a!(x) + b!(x) + c!(x) + d!(x) + e!(x) + f!(x), limit);
    default:
      return (x) => {
        let title = "";
        for (const part of parts) title += part(x);
        return cutTo(title, limit);
      };
  }
}
