// Writes the catalog's facts into schemas/*.schema.json: the enums of CRM systems, tag styles,
// title variables and triggers, and the descriptions that list them; the definition of each event
// type in the session-event schema and in the policy-test schema (catalog/event-types.json); and
// the condition attributes into runtime/conditions/session-attributes.generated.ts (their names,
// the union of them, what each reads of a `started` event) and the event types' shapes into
// runtime/events/event-types.generated.ts. The catalog is validated first
// against catalog/catalog.schema.json. `npm run gen` runs it before gen-types.ts, which turns the
// schemas into TypeScript types and unions; `--check` (and test/catalog/generated-schemas.test.ts)
// only compares.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { catalogProblems, readCatalogDocuments } from "../compiler/model/catalog-files.js";
import { projectRoot } from "../compiler/project-files.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface CrmEntry {
  label: string;
  closedStatuses: string[];
  reopenStatus: string;
  tags: boolean;
  platformTag: string;
}

interface EventField {
  name: string;
  description: string;
  kind: "string" | "nonEmptyString" | "oneOf";
  values?: string[];
  required: boolean;
}

interface EventTypeEntry {
  type: string;
  title: string;
  description: string;
  session: boolean;
  trigger: boolean;
  at?: string;
  fields: EventField[];
}

interface EventTypes {
  idLimit: number;
  eventId: string;
  eventTypes: EventTypeEntry[];
}

interface AttributeEntry {
  name: string;
  field: string;
  reads: "value" | "absence";
  required: boolean;
  description: string;
}

/** What the schemas are written from, read from a catalog folder. */
export interface CatalogFacts {
  crms: [string, CrmEntry][];
  tagStyles: string[];
  titleVariables: string[];
  conditionAttributes: AttributeEntry[];
  events: EventTypes;
}

/** A catalog that cannot be written into the schemas: its message is the whole report. */
export class CatalogError extends Error {}

export function catalogFacts(catalogDir: string): CatalogFacts {
  const documents = readCatalogDocuments(catalogDir);
  const problems = catalogProblems(catalogDir, documents);
  if (problems.length > 0) throw new CatalogError(`invalid catalog:\n  ${problems.join("\n  ")}`);
  const schema = JSON.parse(readFileSync(join(catalogDir, "catalog.schema.json"), "utf8")) as { $defs: { TagStyle: { enum: string[] } } };
  return {
    crms: Object.entries((documents.crmSystems as { systems: Record<string, CrmEntry> }).systems),
    tagStyles: schema.$defs.TagStyle.enum,
    titleVariables: (documents.titleVariables as { variables: { name: string }[] }).variables.map((v) => v.name),
    conditionAttributes: (documents.conditionAttributes as { attributes: AttributeEntry[] }).attributes,
    events: documents.eventTypes as EventTypes,
  };
}

/** The schema files, as they must read for these facts: file name → text. */
export function schemasFor(facts: CatalogFacts, schemaDir: string): Map<string, string> {
  const out = new Map<string, string>();
  const edit = (file: string, change: (schema: JsonObject) => void) => {
    const schema = JSON.parse(readFileSync(join(schemaDir, file), "utf8")) as JsonObject;
    change(schema);
    out.set(file, JSON.stringify(schema, null, 2) + "\n");
  };
  const names = facts.crms.map(([name]) => name);
  const perSystem = (value: (crm: CrmEntry) => string) => facts.crms.map(([name, crm]) => `${name} ${value(crm)}`).join("; ");
  const tagged = facts.crms.filter(([, crm]) => crm.tags).map(([, crm]) => crm);

  edit("policy.v1.schema.json", (schema) => {
    const crm = at(schema, "properties", "crm", "properties");
    Object.assign(at(crm, "system"), { description: `The CRM system: ${series(names, "or")}.`, enum: names });
    at(crm, "closedStatuses")["description"] = `Statuses that count as closed. Default per system: ${perSystem((c) => `[${c.closedStatuses.join(", ")}]`)}.`;
    at(crm, "reopenStatus")["description"] =
      `Status a closed record is set to after a session is appended to it. Default per system: ${perSystem((c) => c.reopenStatus)}.`;
    at(schema, "properties", "overrides", "items", "properties", "when")["description"] = `Condition on the session's attributes ${series(
      facts.conditionAttributes.map((a) => a.name),
      "and",
    )} (README: Override conditions), e.g. channel == "chat" and queue matches "Billing/*".`;
    at(schema, "properties", "title", "properties", "template")["description"] = `Title template; only the variables ${series(
      facts.titleVariables.map((v) => `{{${v}}}`),
      "and",
    )}.`;
    const tags = at(schema, "properties", "tags");
    tags["description"] = `Tags added to records (${series(
      tagged.map((c) => c.label),
      "and",
    )} only).`;
    at(tags, "properties", "platform")["description"] = `Add the platform tag ${platformTags(tagged)} to every record.`;
  });
  edit("bundle.v1.schema.json", (schema) => {
    const crm = at(schema, "$defs", "Crm", "properties");
    // The runtime reads a CRM's capabilities, never its name: a bundle for a CRM added to the
    // catalog loads in a runtime built before it, so the name is not an enum here.
    delete at(crm, "system")["enum"];
    at(crm, "tagStyle")["enum"] = ["none", ...facts.tagStyles];
    for (const variable of nodesWith(schema, (node) => isObject(node["properties"]) && isObject(node["properties"]["var"]))) {
      at(variable, "properties", "var")["enum"] = facts.titleVariables;
    }
  });
  edit("decision.v1.schema.json", (schema) => {
    at(schema, "$defs", "Trigger")["enum"] = triggers(facts.events);
  });
  edit("session-event.v1.schema.json", (schema) => {
    schema["oneOf"] = facts.events.eventTypes.map((e) => ({ $ref: `#/$defs/${e.title}` }));
    const defs = handWritten(at(schema, "$defs"));
    schema["$defs"] = beside(defs, eventDefinitions(facts.events, "", at(defs, "Time")), "session-event.v1.schema.json");
  });
  edit("policy-test.v1.schema.json", (schema) => {
    const defs = at(schema, "$defs");
    const types = facts.events.eventTypes.map((e) => e.type);
    const testEvent = at(defs, "TestEvent");
    testEvent["tsType"] = `{ type: ${types.map((t) => JSON.stringify(t)).join(" | ")}; [field: string]: unknown }`;
    at(testEvent, "properties", "type")["enum"] = types;
    testEvent["allOf"] = facts.events.eventTypes.map((e) => ({
      if: { required: ["type"], properties: { type: { description: `A \`${e.type}\` event.`, const: e.type } } },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema's if/then, never awaited
      then: { $ref: `#/$defs/Test${e.title}` },
    }));
    at(defs, "ExpectedDecision", "properties", "trigger")["enum"] = triggers(facts.events);
    schema["$defs"] = beside(handWritten(defs), eventDefinitions(facts.events, "Test", { $ref: "#/$defs/Time" }), "policy-test.v1.schema.json");
  });
  return out;
}

/** Marks the definitions written from catalog/event-types.json, which the next run replaces. */
const generatedComment = "Written from catalog/event-types.json by `npm run gen`; do not edit.";

function handWritten(defs: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(defs).filter(([, def]) => !isObject(def) || def["$comment"] !== generatedComment));
}

/** The generated definitions beside the hand-written ones, whose names an event type's title may not take. */
function beside(handWrittenDefs: JsonObject, generated: JsonObject, file: string): JsonObject {
  const taken = Object.keys(generated).filter((name) => Object.hasOwn(handWrittenDefs, name));
  if (taken.length > 0)
    throw new CatalogError(
      `catalog/event-types.json: an event type's title would replace the hand-written definition ${taken.map((n) => `\`$defs/${n}\``).join(", ")} of schemas/${file}; choose another title`,
    );
  return { ...handWrittenDefs, ...generated };
}

function triggers(events: EventTypes): string[] {
  return events.eventTypes.filter((e) => e.trigger).map((e) => e.type);
}

/**
 * One definition per event type, named by its title: for the session-event schema (prefix ""),
 * which `simulate` reads leniently (other fields ignored, eventId and id limits checked), or for
 * the policy-test schema (prefix "Test"), which refuses fields the type does not have. `at` is
 * `time`: the schema's own `$defs/Time`, copied or referred to.
 */
function eventDefinitions(events: EventTypes, prefix: string, time: JsonObject): JsonObject {
  const lenient = prefix === "";
  const limit = lenient ? ` At most ${events.idLimit} characters.` : "";
  const out: JsonObject = {};
  for (const e of events.eventTypes) {
    const properties: JsonObject = { type: { description: "Event type.", const: e.type } };
    if (e.session)
      properties["sessionId"] = {
        description: `The session id (CALL_ID).${limit}`,
        type: "string",
        minLength: 1,
        ...(lenient ? { maxLength: events.idLimit } : {}),
      };
    const { title: _, description: __, ...timeSchema } = time;
    properties["at"] = { description: `${e.at ?? "When."}${lenient ? " RFC 3339 date-time with a zone." : ""}`, ...timeSchema };
    for (const f of e.fields)
      properties[f.name] =
        f.kind === "oneOf"
          ? { description: f.description, enum: f.values ?? [] }
          : { description: f.description, type: "string", ...(f.kind === "nonEmptyString" ? { minLength: 1 } : {}) };
    if (lenient) properties["eventId"] = { description: `${events.eventId}${limit}`, type: "string", minLength: 1, maxLength: events.idLimit };
    const required = ["type", ...(e.session ? ["sessionId"] : []), "at", ...e.fields.filter((f) => f.required).map((f) => f.name)];
    out[`${prefix}${e.title}`] = {
      title: `${prefix}${e.title}`,
      description: e.description,
      $comment: generatedComment,
      type: "object",
      ...(lenient ? {} : { additionalProperties: false }),
      required,
      properties,
    };
  }
  return out;
}

/** Where the condition attributes' module is written, from the project's root. */
export const attributesModule = "runtime/conditions/session-attributes.generated.ts";

/** The runtime's module of condition attributes: what each reads of the `started` event, and the fields as a type. */
export function attributesModuleFor(facts: CatalogFacts): string {
  const entries = facts.conditionAttributes.map(
    (a) => `  /** ${a.description} */\n  ${a.name}: { field: "${a.field}", reads: "${a.reads}", required: ${a.required} },`,
  );
  const fields = new Map<string, boolean>();
  for (const a of facts.conditionAttributes) fields.set(a.field, (fields.get(a.field) ?? true) && a.required);
  const members = [...fields].map(([field, required]) => `  ${field}${required ? ": string" : "?: string | undefined"};`);
  return [
    "/* Generated from catalog/condition-attributes.json by `npm run gen`; do not edit. */",
    "",
    "/**",
    " * The session attributes a condition reads, each from a field of the session's `started` event:",
    ' * `value` reads its text ("" when absent), `absence` is true when the field is absent;',
    " * `required`: every `started` event has the field.",
    " */",
    "export const sessionAttributeReads = {",
    ...entries,
    "} as const;",
    "",
    "export type ConditionAttribute = keyof typeof sessionAttributeReads;",
    "",
    "/** What a condition can see of a session: the fields of its `started` event that attributes read. */",
    "export interface SessionAttributes {",
    ...members,
    "}",
    "",
  ].join("\n");
}

/** Where the event types' module is written, from the project's root. */
export const eventTypesModule = "runtime/events/event-types.generated.ts";

/** The runtime's module of event types: what each carries, which runtime/events/check-event.ts checks. */
export function eventTypesModuleFor(facts: CatalogFacts): string {
  const { idLimit, eventTypes } = facts.events;
  // Laid out for reading, not by Biome (biome.json leaves generated files alone): one line per field.
  const field = (f: EventField) =>
    `{ name: ${JSON.stringify(f.name)}, kind: "${f.kind}", ${f.kind === "oneOf" ? `values: [${(f.values ?? []).map((v) => JSON.stringify(v)).join(", ")}], ` : ""}required: ${f.required} }`;
  const fields = (list: EventField[]) => (list.length === 0 ? ["    fields: [],"] : ["    fields: [", ...list.map((f) => `      ${field(f)},`), "    ],"]);
  const shapes = eventTypes.flatMap((e) => [
    `  ${/^[A-Za-z_$][\w$]*$/.test(e.type) ? e.type : JSON.stringify(e.type)}: {`,
    `    session: ${e.session},`,
    ...fields(e.fields),
    "  },",
  ]);
  return [
    "/* Generated from catalog/event-types.json by `npm run gen`; do not edit. */",
    "",
    "/** Longest session id and event id, in characters (code points): memory per remembered id stays bounded. */",
    `export const idLimit = ${idLimit};`,
    "",
    "/**",
    " * What each event type carries besides `type`, `at` and the optional `eventId`: `session`, a",
    " * `sessionId`; then its fields, in the order they are checked. `string`: any string;",
    " * `nonEmptyString`; `oneOf`: one of `values`.",
    " */",
    "export const eventShapes = {",
    ...shapes,
    "} as const;",
    "",
  ].join("\n");
}

/** `UJET (ujet on Zendesk)`: the commonest form, then each exception. */
function platformTags(crms: CrmEntry[]): string {
  const counts = new Map<string, number>();
  for (const crm of crms) counts.set(crm.platformTag, (counts.get(crm.platformTag) ?? 0) + 1);
  const common = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  const others = crms.filter((c) => c.platformTag !== common).map((c) => `${c.platformTag} on ${c.label}`);
  return others.length === 0 ? common : `${common} (${others.join(", ")})`;
}

function series(items: string[], last: string): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function at(node: JsonObject, ...path: string[]): JsonObject {
  let current: JsonObject = node;
  for (const key of path) {
    const next = current[key];
    if (!isObject(next)) throw new Error(`schema has no object at ${path.join("/")}`);
    current = next;
  }
  return current;
}

function nodesWith(node: Json, test: (node: JsonObject) => boolean): JsonObject[] {
  if (Array.isArray(node)) return node.flatMap((item) => nodesWith(item, test));
  if (!isObject(node)) return [];
  return [...(test(node) ? [node] : []), ...Object.values(node).flatMap((value) => nodesWith(value, test))];
}

async function main(): Promise<void> {
  const schemaDir = join(projectRoot, "schemas");
  const facts = catalogFacts(join(projectRoot, "catalog"));
  const outputs = new Map([...schemasFor(facts, schemaDir)].map(([file, text]) => [join(schemaDir, file), text]));
  outputs.set(join(projectRoot, attributesModule), attributesModuleFor(facts));
  outputs.set(join(projectRoot, eventTypesModule), eventTypesModuleFor(facts));
  const stale: string[] = [];
  for (const [path, text] of outputs) {
    if (readText(path) === text) continue;
    if (process.argv.includes("--check")) stale.push(path);
    else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
  if (stale.length > 0) {
    console.error(`schemas out of date with catalog/ (run \`npm run gen\`): ${stale.join(", ")}`);
    process.exitCode = 1;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await main();
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
