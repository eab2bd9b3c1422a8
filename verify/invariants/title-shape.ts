import Handlebars from "handlebars";
import type { Catalog } from "../../compiler/model/catalog.js";
import { isTitleVariable, type TitleVariable } from "../../compiler/template/variables.js";
import type { Started } from "../../schemas/types/session-event.v1.js";
import type { SessionRun } from "../observe.js";

const controlCharacter = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** The catalog's title variables; `values` below must have a reading of each (the build fails until it does). */
type Variable = TitleVariable;
type Piece = { text: string } | { variable: Variable };

const shapes = new Map<string, Piece[] | string>();

/** A template as Handlebars reads it: literal text and `{{NAME}}`s; a string says what else it holds. */
function templateShape(template: string): Piece[] | string {
  let shape = shapes.get(template);
  if (shape !== undefined) return shape;
  const pieces: Piece[] = [];
  for (const statement of Handlebars.parse(template).body) {
    if (statement.type === "ContentStatement") {
      pieces.push({ text: (statement as hbs.AST.ContentStatement).value });
      continue;
    }
    const path = statement.type === "MustacheStatement" ? (statement as hbs.AST.MustacheStatement).path : undefined;
    const name = path?.type === "PathExpression" ? (path as hbs.AST.PathExpression).original : "";
    if (!isTitleVariable(name)) {
      shape = `template ${JSON.stringify(template)} holds ${statement.type} ${JSON.stringify(name)}, not a declared variable`;
      break;
    }
    pieces.push({ variable: name });
  }
  shape ??= pieces;
  shapes.set(template, shape);
  return shape;
}

/** A session value as plain single-line text (docs/semantics.md, "Titles"). */
function plain(value: string): string {
  let out = "";
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (!(code <= 0x1f || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029)) out += c;
    else if ("\t\n\v\f\r\u0085\u2028\u2029".includes(c)) out += " ";
  }
  return out;
}

function callType(start: Started, catalog: Catalog): string {
  const type = catalog.sessionTypes.find((t) => t.name === start.sessionType);
  return start.channel === "voice" && type?.channel === "voice" ? (type.callType ?? type.name) : start.sessionType;
}

const offsets = new Map<string, Intl.DateTimeFormat>();

/** `+01:00` for the zone's offset at that instant. */
function offsetIn(timeZone: string, ms: number): string {
  let format = offsets.get(timeZone);
  if (format === undefined) offsets.set(timeZone, (format = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" })));
  const name = format.formatToParts(ms).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  return name === "GMT" ? "+00:00" : name.slice(3);
}

const timestampPattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})/;

/**
 * What is wrong with a created record's title, if anything: it must be a string with no control
 * character, at most the CRM's limit in code points, and made of the template's own text and the
 * session's values of the declared variables only, in template order (cut at the limit).
 * TIMESTAMP is checked by what it denotes: the start, to the second, `Z` in UTC, else the zone's offset.
 */
export function titleProblem(title: unknown, s: SessionRun, catalog: Catalog): string | undefined {
  if (typeof title !== "string") return `title is not a string: ${JSON.stringify(title)}`;
  const control = controlCharacter.exec(title);
  if (control !== null) return `title has control character U+${control[0].charCodeAt(0).toString(16).padStart(4, "0")}`;
  const limit = s.settings.crm.subjectLimit;
  const points = [...title].length;
  if (points > limit || points > 255) return `title is ${points} code points, over the limit of ${Math.min(limit, 255)}`;
  const shape = templateShape(s.settings.title.template);
  if (typeof shape === "string") return shape;
  const { start } = s;
  const values: Record<Exclude<Variable, "TIMESTAMP">, string> = {
    CALL_TYPE: plain(callType(start, catalog)),
    CALL_ID: plain(s.callId),
    MENU_PATH: plain(start.menuPath ?? ""),
    PHONE_NUMBER: plain(start.phoneNumber ?? ""),
    LANGUAGE: plain(start.language ?? ""),
  };
  const full = points === limit; // a title at the limit may have been cut anywhere
  let rest = title;
  for (const piece of shape) {
    if ("variable" in piece && piece.variable === "TIMESTAMP") {
      const match = timestampPattern.exec(rest);
      if (match === null) {
        if (full && rest.length < 25 && /^[0-9T:+Z-]*$/.test(rest)) return undefined;
        return `title ${JSON.stringify(title)}: no TIMESTAMP at ${JSON.stringify(rest)}`;
      }
      const stamp = match[0];
      const second = Math.floor(Date.parse(start.at) / 1000) * 1000;
      if (Date.parse(stamp) !== second) return `title ${JSON.stringify(title)}: TIMESTAMP ${stamp} is not the start ${start.at} to the second`;
      const zone = s.settings.title.timeZone;
      const suffix = zone === "UTC" ? "Z" : offsetIn(zone, second);
      if (!stamp.endsWith(suffix)) return `title ${JSON.stringify(title)}: TIMESTAMP ${stamp} should end in ${suffix} (${zone})`;
      rest = rest.slice(stamp.length);
      continue;
    }
    const text = "text" in piece ? piece.text : values[piece.variable as Exclude<Variable, "TIMESTAMP">];
    if (rest.startsWith(text)) rest = rest.slice(text.length);
    else if (full && text.startsWith(rest)) return undefined;
    else
      return `title ${JSON.stringify(title)}: expected ${JSON.stringify(text)} (${"text" in piece ? "template text" : piece.variable}) at ${JSON.stringify(rest)}`;
  }
  return rest === "" ? undefined : `title ${JSON.stringify(title)}: ${JSON.stringify(rest)} is neither template text nor a declared variable`;
}
