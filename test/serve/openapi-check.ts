import { readFileSync } from "node:fs";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const read = (path: string) => JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: unknown }> }>;
}

export const openapi = read("docs/serve.openapi.json") as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

const ajv = addFormats(new Ajv2020({ allErrors: true, strict: false }));
ajv.addSchema(read("schemas/decision.v1.schema.json"));
ajv.addSchema(read("schemas/session-event.v1.schema.json"));
ajv.addSchema({ $id: "https://crm-policy.dev/openapi/serve", components: openapi.components, paths: openapi.paths });
const compiled = new Map<string, ValidateFunction>();

/**
 * Why a response does not match the OpenAPI document (docs/serve.openapi.json), or [] when it
 * does: the operation must list the status, the content type, and the body must match its schema.
 * `route` is the path template, e.g. `/v1/sessions/{id}`.
 */
export function responseProblems(method: string, route: string, status: number, contentType: string | null, body: string): string[] {
  const operation = openapi.paths[route]?.[method.toLowerCase()];
  if (operation === undefined) return [`${method} ${route} is not in the document`];
  const response = operation.responses[String(status)];
  if (response === undefined) return [`${method} ${route} does not document status ${status}`];
  const type = (contentType ?? "").split(";")[0]!.trim();
  const media = response.content?.[type];
  if (media === undefined) return [`${method} ${route} ${status} does not document content type ${type}`];
  const key = `${route} ${method} ${status} ${type}`;
  let validate = compiled.get(key);
  if (validate === undefined) {
    const pointer = ["paths", route, method.toLowerCase(), "responses", String(status), "content", type, "schema"]
      .map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1"))
      .join("/");
    validate = ajv.compile({ $ref: `https://crm-policy.dev/openapi/serve#/${pointer}` });
    compiled.set(key, validate);
  }
  const value: unknown = type === "application/json" ? JSON.parse(body) : body;
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

/** The document's schema for error bodies, for answers of routes the document does not have (404). */
export function errorBodyProblems(body: string): string[] {
  const validate = ajv.getSchema("https://crm-policy.dev/openapi/serve#/components/schemas/Error")!;
  return validate(JSON.parse(body)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}
