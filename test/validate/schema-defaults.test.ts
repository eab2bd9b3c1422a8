// The JSON Schema is the documentation of the language: the defaults it states are the ones the
// compiler applies, and every property says what it means.
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { defaults, resolvePolicy } from "../../compiler/model/resolved-policy.js";
import { readProjectJson } from "../../compiler/project-files.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";

type Schema = { [key: string]: unknown };

const schema = readProjectJson("schemas", "policy.v1.schema.json") as Schema;

function isSchema(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The schema a `#/$defs/...` reference names. */
function resolveRef(node: Schema): Schema {
  const ref = node["$ref"];
  if (typeof ref !== "string") return node;
  const target = ref
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((at, key) => (isSchema(at) ? at[key] : undefined), schema);
  if (!isSchema(target)) throw new Error(`unresolved $ref ${ref}`);
  return target;
}

/** Every `default` reachable from the root through `properties` (following $ref), by property path. */
function statedDefaults(node: Schema, path: string[] = []): [string[], unknown][] {
  const found: [string[], unknown][] = [];
  const here = resolveRef(node);
  if ("default" in node) found.push([path, node["default"]]);
  else if ("default" in here) found.push([path, here["default"]]);
  const properties = here["properties"];
  if (isSchema(properties)) {
    for (const [name, child] of Object.entries(properties)) if (isSchema(child)) found.push(...statedDefaults(child, [...path, name]));
  }
  return found;
}

const minimal: RecordCreationPolicy = {
  apiVersion: "crm-policy/v1",
  kind: "RecordCreationPolicy",
  metadata: { name: "defaults" },
  crm: { system: "zendesk" },
};

describe("schema defaults", () => {
  it("are the compiler's defaults for the title and abandoned chats", () => {
    const properties = schema["properties"] as Record<string, Schema>;
    const title = (properties["title"]?.["properties"] ?? {}) as Record<string, Schema>;
    expect(title["template"]?.["default"]).toBe(defaults.template);
    expect(title["timeZone"]?.["default"]).toBe(defaults.timeZone);
    const abandoned = (schema["$defs"] as Record<string, Schema>)["AbandonedChats"]?.["default"];
    expect(abandoned).toBe(defaults.abandoned);
  });

  it("are what a policy that leaves every setting out resolves to", () => {
    const resolved = resolvePolicy(minimal, defaultCatalog()) as unknown as Schema;
    const stated = statedDefaults(schema);
    // the sections and their leaves: title, tags, overrides, records and all below
    expect(stated.map(([path]) => path.join("."))).toEqual(
      expect.arrayContaining([
        "title",
        "title.template",
        "tags.platform",
        "overrides",
        "records",
        "records.chats.abandoned",
        "records.chats.minConsumerMessages",
      ]),
    );
    for (const [path, value] of stated) {
      const actual = path.reduce<unknown>((at, key) => (isSchema(at) ? at[key] : undefined), resolved);
      if (isSchema(value)) expect(isSchema(actual), path.join(".")).toBe(true);
      else expect(actual, path.join(".")).toEqual(value);
    }
  });

  it("leave closedWithinDays and shortAbandonSeconds unset, which the compiler reads as off", () => {
    const resolved = resolvePolicy(minimal, defaultCatalog());
    const chats = resolveRef({ $ref: "#/$defs/Chats" })["properties"] as Record<string, Schema>;
    const append = resolveRef({ $ref: "#/$defs/Append" })["properties"] as Record<string, Schema>;
    expect("default" in (append["closedWithinDays"] ?? {})).toBe(false);
    expect("default" in (chats["shortAbandonSeconds"] ?? {})).toBe(false);
    expect(resolved.records.append.closedWithinDays).toBeNull();
    expect(resolved.records.chats.shortAbandonSeconds).toBeNull();
  });
});

/** Every property of every object schema, anywhere in the document (incl. $defs and anyOf branches). */
function allProperties(node: unknown, path: string): [string, Schema][] {
  if (Array.isArray(node)) return node.flatMap((item, i) => allProperties(item, `${path}/${i}`));
  if (!isSchema(node)) return [];
  const found: [string, Schema][] = [];
  for (const [key, child] of Object.entries(node)) {
    if (key === "properties" && isSchema(child)) {
      for (const [name, property] of Object.entries(child)) {
        if (isSchema(property)) found.push([`${path}/properties/${name}`, property]);
        found.push(...allProperties(property, `${path}/properties/${name}`));
      }
    } else {
      found.push(...allProperties(child, `${path}/${key}`));
    }
  }
  return found;
}

describe("schema descriptions", () => {
  it("describe every property, directly or through the definition it refers to", () => {
    const properties = allProperties(schema, "#");
    expect(properties.length).toBeGreaterThan(20);
    const undocumented = properties
      .filter(([, property]) => typeof property["description"] !== "string" && typeof resolveRef(property)["description"] !== "string")
      .map(([path]) => path);
    expect(undocumented).toEqual([]);
  });

  it("describe the document and every definition", () => {
    expect(typeof schema["description"]).toBe("string");
    for (const [name, definition] of Object.entries(schema["$defs"] as Record<string, Schema>)) {
      expect(typeof definition["description"], name).toBe("string");
    }
  });

  it("are sentences of their own, not placeholders", () => {
    for (const [path, property] of allProperties(schema, "#")) {
      const description = String(property["description"] ?? resolveRef(property)["description"]);
      expect(description.length, path).toBeGreaterThan(10);
    }
  });
});
