import type { ErrorObject } from "ajv";
import type { Code } from "../diagnostics/codes.js";
import { quote, type DiagnosticParams } from "../diagnostics/diagnostic.js";
import { closest, didYouMean } from "../diagnostics/suggest.js";
import { pointerOf } from "../source/yaml-document.js";

/** What one ajv error means to a policy author: code, wording, and which text to underline. */
export interface SchemaProblem {
  code: Code;
  message: string;
  pointer: string;
  part: "key" | "value";
  help?: string;
  params?: DiagnosticParams;
}

/** `rootName` is what the whole document is called when the error is about it: `policy`, `test file`. */
export function describe(error: ErrorObject, rootName = "policy"): SchemaProblem {
  const at = error.instancePath;
  const name = propertyName(at, rootName);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const missing = String(params["missingProperty"]);
      return {
        code: "missing-property",
        message: `missing required property \`${missing}\`${at === "" ? "" : ` in \`${name}\``}`,
        pointer: at,
        part: "key",
        help: `add \`${missing}:\``,
        params: { property: missing },
      };
    }
    case "additionalProperties": {
      const extra = String(params["additionalProperty"]);
      const allowed = Object.keys((error.parentSchema?.["properties"] as object | undefined) ?? {});
      const meant = closest(extra, allowed);
      const help = meant === undefined ? `allowed here: ${allowed.map((a) => `\`${a}\``).join(", ")}` : `did you mean \`${meant}\`?`;
      const found = meant === undefined ? { property: extra } : { property: extra, didYouMean: meant };
      return { code: "unknown-property", message: `unknown property \`${extra}\``, pointer: at + pointerOf(extra), part: "key", help, params: found };
    }
    case "type":
      return {
        code: "wrong-type",
        message: `\`${name}\` must be ${article(String(params["type"]))}, found ${typeName(error.data)} ${quote(error.data)}`,
        pointer: at,
        part: "value",
      };
    case "const": {
      const wanted = String(params["allowedValue"]);
      if (at === "/apiVersion")
        return {
          code: "unsupported-api-version",
          message: `unsupported apiVersion ${quote(error.data)}`,
          pointer: at,
          part: "value",
          help: `this version of crm-policy reads \`${wanted}\``,
        };
      if (at === "/kind") return { code: "unknown-kind", message: `unknown kind ${quote(error.data)}`, pointer: at, part: "value", help: `use \`${wanted}\`` };
      return { code: "invalid-value", message: `\`${name}\` must be \`${wanted}\``, pointer: at, part: "value" };
    }
    case "enum": {
      const allowed = (params["allowedValues"] as unknown[]).map(String);
      const help = (typeof error.data === "string" ? didYouMean(error.data, allowed) : undefined) ?? `use one of ${allowed.map((a) => `\`${a}\``).join(", ")}`;
      return { code: "invalid-value", message: `${quote(error.data)} is not a valid \`${name}\``, pointer: at, part: "value", help };
    }
    case "pattern":
      if (at === "/metadata/name")
        return {
          code: "invalid-name",
          message: `policy name ${quote(error.data)} must be lowercase letters, digits and dashes`,
          pointer: at,
          part: "value",
          help: `try \`${slug(String(error.data))}\``,
        };
      if (typeof error.parentSchema?.["description"] === "string")
        return {
          code: "invalid-value",
          message: `${quote(error.data)} is not a valid \`${name}\``,
          pointer: at,
          part: "value",
          help: error.parentSchema["description"],
        };
      return { code: "invalid-value", message: `\`${name}\` does not match \`${String(params["pattern"])}\``, pointer: at, part: "value" };
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum":
      return {
        code: "out-of-range",
        message: `\`${name}\` must be ${String(params["comparison"])} ${String(params["limit"])}, found ${String(error.data)}`,
        pointer: at,
        part: "value",
      };
    case "minItems":
      return { code: "invalid-value", message: `\`${name}\` must list at least ${String(params["limit"])} item`, pointer: at, part: "value" };
    case "uniqueItems":
      // ajv's `i` is the first of the two equal items, `j` the repeat: underline the repeat
      return { code: "invalid-value", message: `\`${name}\` lists the same item twice`, pointer: at + pointerOf(String(params["j"])), part: "value" };
    case "minLength":
      return { code: "invalid-value", message: `\`${name}\` must not be empty`, pointer: at, part: "value" };
    case "maxLength":
      if (at === "/metadata/name")
        return {
          code: "invalid-name",
          message: `policy name ${quote(error.data)} must be at most ${String(params["limit"])} characters`,
          pointer: at,
          part: "value",
        };
      return { code: "invalid-value", message: `\`${name}\` must be at most ${String(params["limit"])} characters`, pointer: at, part: "value" };
    case "anyOf":
      return {
        code: "invalid-value",
        message: `${quote(error.data)} is not a valid \`${name}\``,
        pointer: at,
        part: "value",
        help: String(error.parentSchema?.["description"] ?? "see the schema"),
      };
    default:
      return { code: "invalid-value", message: `\`${name}\` ${error.message ?? "is invalid"}`, pointer: at, part: "value" };
  }
}

function propertyName(pointer: string, rootName: string): string {
  const last = pointer
    .slice(pointer.lastIndexOf("/") + 1)
    .replace(/~1/g, "/")
    .replace(/~0/g, "~");
  return last === "" ? rootName : /^\d+$/.test(last) ? pointer.split("/").slice(-2).join("[") + "]" : last;
}

function article(type: string): string {
  const names: Record<string, string> = {
    object: "a mapping",
    array: "a list",
    string: "a string",
    boolean: "true or false",
    integer: "a whole number",
    number: "a number",
  };
  return type
    .split(",")
    .map((t) => names[t] ?? t)
    .join(" or ");
}

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "number") return "the number";
  return `a ${typeof value}`;
}

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "my-policy"
  );
}
