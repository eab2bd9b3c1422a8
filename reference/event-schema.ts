import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { readProjectJson } from "../compiler/project-files.js";

// ajv-formats is CommonJS; its default export arrives as the module object under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The event schema, compiled by ajv: the reference checks events against the schema itself. */
const matchesSchema = addFormats(new Ajv2020({ strict: false })).compile(readProjectJson("schemas", "session-event.v1.schema.json") as object);

/** The accepted range of event times (docs/semantics.md), which a JSON Schema cannot state. */
const from = Date.parse("0001-01-02T00:00:00Z");
const to = Date.parse("9999-12-30T23:59:59.999Z");

export function isValidEvent(value: unknown): boolean {
  if (!matchesSchema(value)) return false;
  // a leap second read as the :59 before it, which is in range exactly when it is
  const at = Date.parse((value as { at: string }).at.replace(/:60(?=[.Zz+-])/, ":59"));
  return at >= from && at <= to;
}
