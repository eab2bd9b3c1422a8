// schemas/policy-test.v1.schema.json: documented, and as strict as ajv's strict mode wants.
import { describe, expect, it } from "vitest";
import { schemaValidator } from "../../compiler/passes/schema.js";
import { readProjectJson } from "../../compiler/project-files.js";

type Schema = { [key: string]: unknown };
const schema = readProjectJson("schemas", "policy-test.v1.schema.json") as Schema;

/** JSON pointers of every property (and list item) schema without a description. */
function undocumented(node: unknown, pointer = ""): string[] {
  if (typeof node !== "object" || node === null) return [];
  const s = node as Schema;
  const own: string[] = [];
  for (const key of ["properties", "$defs"]) {
    const children = s[key];
    if (typeof children !== "object" || children === null) continue;
    for (const [name, child] of Object.entries(children as Schema)) {
      if (typeof (child as Schema)["description"] !== "string") own.push(`${pointer}/${key}/${name}`);
    }
  }
  const nested = Object.entries(s).flatMap(([key, value]) =>
    Array.isArray(value) ? value.flatMap((v, i) => undocumented(v, `${pointer}/${key}/${i}`)) : undocumented(value, `${pointer}/${key}`),
  );
  return [...own, ...nested];
}

describe("the test file schema", () => {
  it("is draft 2020-12 with an id beside the other schemas", () => {
    expect(schema["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema["$id"]).toBe("https://crm-policy.dev/schemas/policy-test.v1.schema.json");
  });

  it("describes every property and definition", () => {
    expect(undocumented(schema)).toEqual([]);
  });

  it("compiles in ajv's strict mode", () => {
    expect(() => schemaValidator("policy-test.v1.schema.json")).not.toThrow();
  });
});
