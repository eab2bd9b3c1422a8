import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";

/** The catalog's files, each with the part of catalog/catalog.schema.json it must satisfy. */
export const catalogFiles = {
  crmSystems: { file: "crm-systems.json", def: "CrmSystems" },
  sessionTypes: { file: "session-types.json", def: "SessionTypes" },
  titleVariables: { file: "title-variables.json", def: "TitleVariables" },
  conditionAttributes: { file: "condition-attributes.json", def: "ConditionAttributes" },
  eventTypes: { file: "event-types.json", def: "EventTypes" },
} as const;

export type CatalogPart = keyof typeof catalogFiles;

/** The catalog's JSON, as read from a folder, before any checking. */
export type CatalogDocuments = Record<CatalogPart, unknown>;

export function readCatalogDocuments(dir: string): CatalogDocuments {
  const read = (part: CatalogPart): unknown => JSON.parse(readFileSync(join(dir, catalogFiles[part].file), "utf8"));
  return {
    crmSystems: read("crmSystems"),
    sessionTypes: read("sessionTypes"),
    titleVariables: read("titleVariables"),
    conditionAttributes: read("conditionAttributes"),
    eventTypes: read("eventTypes"),
  };
}

/**
 * Every way the documents break catalog/catalog.schema.json, as `file: /pointer: message`;
 * empty when they are valid. `npm run gen` and the compiler's loader both refuse an invalid catalog.
 */
export function catalogProblems(dir: string, documents: CatalogDocuments): string[] {
  const schema = JSON.parse(readFileSync(join(dir, "catalog.schema.json"), "utf8")) as { $id: string };
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addSchema(schema);
  const problems: string[] = [];
  for (const part of Object.keys(catalogFiles) as CatalogPart[]) {
    const { file, def } = catalogFiles[part];
    const validate = ajv.getSchema(`${schema.$id}#/$defs/${def}`);
    if (validate === undefined) throw new Error(`catalog.schema.json has no $defs/${def}`);
    if (validate(documents[part])) continue;
    for (const error of validate.errors ?? []) problems.push(`catalog/${file}: ${error.instancePath || "/"}: ${error.message ?? error.keyword}`);
  }
  if (problems.length === 0) problems.push(...duplicateEventTypes(documents.eventTypes as { eventTypes: { type: string; title: string }[] }));
  return problems;
}

/** Two event types with one `type` or one `title`, which a JSON Schema cannot refuse. */
function duplicateEventTypes(document: { eventTypes: { type: string; title: string }[] }): string[] {
  const problems: string[] = [];
  for (const key of ["type", "title"] as const) {
    const seen = new Set<string>();
    document.eventTypes.forEach((entry, index) => {
      if (seen.has(entry[key])) problems.push(`catalog/${catalogFiles.eventTypes.file}: /eventTypes/${index}/${key}: \`${entry[key]}\` is already taken`);
      seen.add(entry[key]);
    });
  }
  return problems;
}
