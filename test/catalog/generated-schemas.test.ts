// The schemas' enums of CRM systems, tag styles, title variables and triggers, the session-event
// schema's and the policy-test schema's event definitions, and the runtime's modules of condition
// attributes and event shapes, are written from catalog/ by `npm run gen` (scripts/gen-catalog.ts).
// When this fails, run it and commit the result.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogProblems, readCatalogDocuments } from "../../compiler/model/catalog-files.js";
import { projectRoot } from "../../compiler/project-files.js";
import { attributesModule, attributesModuleFor, catalogFacts, eventTypesModule, eventTypesModuleFor, schemasFor } from "../../scripts/gen-catalog.js";

const catalogDir = join(projectRoot, "catalog");

describe("schemas written from the catalog", () => {
  it("are up to date with catalog/", () => {
    const generated = schemasFor(catalogFacts(catalogDir), join(projectRoot, "schemas"));
    expect([...generated.keys()].sort()).toEqual([
      "bundle.v1.schema.json",
      "decision.v1.schema.json",
      "policy-test.v1.schema.json",
      "policy.v1.schema.json",
      "session-event.v1.schema.json",
    ]);
    for (const [file, text] of generated) expect(readFileSync(join(projectRoot, "schemas", file), "utf8"), `${file} is stale: run \`npm run gen\``).toBe(text);
  });

  it("and the runtime's condition attributes are up to date with catalog/", () => {
    const text = attributesModuleFor(catalogFacts(catalogDir));
    expect(readFileSync(join(projectRoot, attributesModule), "utf8"), `${attributesModule} is stale: run \`npm run gen\``).toBe(text);
  });

  it("and the runtime's event shapes are up to date with catalog/", () => {
    const text = eventTypesModuleFor(catalogFacts(catalogDir));
    expect(readFileSync(join(projectRoot, eventTypesModule), "utf8"), `${eventTypesModule} is stale: run \`npm run gen\``).toBe(text);
  });

  it("a condition attribute added to the catalog reaches the runtime's module and the policy schema", () => {
    const facts = catalogFacts(catalogDir);
    const region = { name: "region", field: "region", reads: "value" as const, required: false, description: "the caller's region" };
    const more = { ...facts, conditionAttributes: [...facts.conditionAttributes, region] };
    const module = attributesModuleFor(more);
    expect(module).toContain('  region: { field: "region", reads: "value", required: false },');
    expect(module).toContain("  region?: string | undefined;");
    const policy = JSON.parse(schemasFor(more, join(projectRoot, "schemas")).get("policy.v1.schema.json") ?? "{}");
    expect(policy.properties.overrides.items.properties.when.description).toMatch(/phoneNumber, anonymous and region \(/);
  });

  it("an event type added to the catalog reaches the session-event schema, the policy-test schema and the trigger enums", () => {
    const facts = catalogFacts(catalogDir);
    const transferred = {
      type: "transferred",
      title: "Transferred",
      description: "The session was transferred to another queue.",
      session: true,
      trigger: true,
      fields: [{ name: "toQueue", description: "The queue it went to.", kind: "nonEmptyString" as const, required: true }],
    };
    const more = { ...facts, events: { ...facts.events, eventTypes: [...facts.events.eventTypes, transferred] } };
    const schemas = schemasFor(more, join(projectRoot, "schemas"));
    const json = (file: string) => JSON.parse(schemas.get(file) ?? "{}");
    const event = json("session-event.v1.schema.json");
    expect(event.oneOf).toContainEqual({ $ref: "#/$defs/Transferred" });
    expect(event.$defs.Transferred.required).toEqual(["type", "sessionId", "at", "toQueue"]);
    expect(event.$defs.Transferred.properties.eventId.maxLength).toBe(256);
    const test = json("policy-test.v1.schema.json");
    expect(test.$defs.TestEvent.properties.type.enum).toContain("transferred");
    expect(test.$defs.TestEvent.allOf).toContainEqual({
      if: { required: ["type"], properties: { type: { description: "A `transferred` event.", const: "transferred" } } },
      // biome-ignore lint/suspicious/noThenProperty: a JSON Schema's if/then
      then: { $ref: "#/$defs/TestTransferred" },
    });
    expect(test.$defs.TestTransferred.additionalProperties).toBe(false);
    expect(test.$defs.ExpectedDecision.properties.trigger.enum).toEqual(["assigned", "connected", "message", "ended", "transferred"]);
    expect(json("decision.v1.schema.json").$defs.Trigger.enum).toEqual(["assigned", "connected", "message", "ended", "transferred"]);
    expect(eventTypesModuleFor(more)).toContain(
      '  transferred: {\n    session: true,\n    fields: [\n      { name: "toQueue", kind: "nonEmptyString", required: true },\n    ],\n  },',
    );
  });
});

describe("the catalog's own schema", () => {
  it("accepts the shipped catalog", () => {
    expect(catalogProblems(catalogDir, readCatalogDocuments(catalogDir))).toEqual([]);
  });

  it("refuses a CRM with tags but no tag style, an unknown tag style, and tags limited on a CRM without tags", () => {
    const documents = readCatalogDocuments(catalogDir);
    const systems = structuredClone(documents.crmSystems) as { systems: Record<string, Record<string, unknown>> };
    delete systems.systems["zendesk"]!["tagStyle"];
    systems.systems["kustomer"]!["tagStyle"] = "kebab";
    systems.systems["salesforce"]!["tagLimit"] = 10;
    const problems = catalogProblems(catalogDir, { ...documents, crmSystems: systems });
    expect(problems.join("\n")).toMatch(/crm-systems\.json: \/systems\/zendesk: must have required property 'tagStyle'/);
    expect(problems.join("\n")).toMatch(/crm-systems\.json: \/systems\/kustomer\/tagStyle: must be equal to one of the allowed values/);
    expect(problems.join("\n")).toMatch(/crm-systems\.json: \/systems\/salesforce\/tagLimit: must be equal to constant/);
  });

  it("refuses a condition attribute that reads a field in no known way", () => {
    const documents = readCatalogDocuments(catalogDir);
    const problems = catalogProblems(catalogDir, {
      ...documents,
      conditionAttributes: { attributes: [{ name: "region", field: "region", reads: "length", required: false, description: "x" }] },
    });
    expect(problems).toEqual(["catalog/condition-attributes.json: /attributes/0/reads: must be equal to one of the allowed values"]);
  });

  it("refuses an event field of one of no values, and two event types of one name", () => {
    const documents = readCatalogDocuments(catalogDir);
    const events = structuredClone(documents.eventTypes) as { eventTypes: { type: string; fields: Record<string, unknown>[] }[] };
    delete events.eventTypes[3]!.fields[0]!["values"];
    expect(catalogProblems(catalogDir, { ...documents, eventTypes: events })).toEqual([
      "catalog/event-types.json: /eventTypes/3/fields/0: must have required property 'values'",
      'catalog/event-types.json: /eventTypes/3/fields/0: must match "then" schema',
    ]);
    const twice = structuredClone(documents.eventTypes) as { eventTypes: { type: string }[] };
    twice.eventTypes[4]!.type = "started";
    expect(catalogProblems(catalogDir, { ...documents, eventTypes: twice })).toEqual([
      "catalog/event-types.json: /eventTypes/4/type: `started` is already taken",
    ]);
  });

  it("refuses a title variable that is not a NAME and a session type without a channel", () => {
    const documents = readCatalogDocuments(catalogDir);
    const problems = catalogProblems(catalogDir, {
      ...documents,
      titleVariables: { variables: [{ name: "call id", description: "x" }] },
      sessionTypes: { sessionTypes: [{ name: "Voice Outbound" }] },
    });
    expect(problems).toEqual([
      "catalog/session-types.json: /sessionTypes/0: must have required property 'channel'",
      'catalog/title-variables.json: /variables/0/name: must match pattern "^[A-Z][A-Z_]*$"',
    ]);
  });
});
