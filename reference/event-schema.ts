import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { readProjectJson } from "../compiler/project-files.js";

// ajv-formats is CommonJS; its default export arrives as the module object under NodeNext.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** The event schema, compiled by ajv: the reference checks events against the schema itself. */
export const isValidEvent = addFormats(new Ajv2020({ strict: false })).compile(readProjectJson("schemas", "session-event.v1.schema.json") as object);
