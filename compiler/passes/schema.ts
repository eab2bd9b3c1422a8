import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { readProjectJson } from "../project-files.js";
import type { ParsedDocument } from "../source/yaml-document.js";
import { describe } from "./schema-messages.js";

const validators = new Map<string, ValidateFunction>();

/**
 * ajv, compiled once per process from one of schemas/*.schema.json. `tsType` is an annotation
 * for json-schema-to-typescript (scripts/gen-types.ts) that ajv's strict mode would refuse.
 */
export function schemaValidator(file: string): ValidateFunction {
  let validator = validators.get(file);
  if (validator === undefined) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true });
    ajv.addKeyword({ keyword: "tsType", schemaType: "string" });
    validator = ajv.compile(readProjectJson("schemas", file) as object);
    validators.set(file, validator);
  }
  return validator;
}

/** Pass 2: the document against the JSON Schema; every violation becomes a located diagnostic. */
export function checkSchema(document: ParsedDocument): { ok: true; policy: RecordCreationPolicy } | { ok: false; diagnostics: Diagnostic[] } {
  const validate = schemaValidator("policy.v1.schema.json");
  if (validate(document.value)) return { ok: true, policy: document.value as RecordCreationPolicy };
  return { ok: false, diagnostics: schemaDiagnostics(validate.errors ?? [], document, "policy") };
}

/**
 * ajv's errors for a document as located diagnostics, one per mistake. `rootName` names the
 * whole document in messages (`policy`, `test file`). Also used for test files
 * (compiler/policy-tests/validate-test-file.ts).
 */
export function schemaDiagnostics(errors: readonly ErrorObject[], document: ParsedDocument, rootName: string): Diagnostic[] {
  const file = document.source.file;
  // an `if` error only says that its `then` failed; the `then`'s own errors say what is wrong
  const diagnostics = relevant(errors.filter((e) => e.keyword !== "if")).map((error) => {
    const problem = describe(error, rootName);
    const span = document.locate(problem.pointer, problem.part);
    return diagnostic(problem.code, problem.message, { file, pointer: problem.pointer, span }, problem.help, problem.params);
  });
  return dropMisspelledRequired(dedupe(diagnostics));
}

/**
 * ajv reports every failed branch of an `anyOf`. When exactly one branch has the right shape
 * for the value (its errors are all deeper than the value itself), its errors are the ones
 * that help; otherwise the single anyOf error, which quotes the allowed forms, does.
 */
function relevant(errors: ErrorObject[]): ErrorObject[] {
  let result = errors;
  for (const anyOf of errors.filter((e) => e.keyword === "anyOf")) {
    const prefix = anyOf.schemaPath + "/";
    const inside = result.filter((e) => e.schemaPath.startsWith(prefix) && e.instancePath.startsWith(anyOf.instancePath));
    const branches = new Map<string, ErrorObject[]>();
    for (const e of inside) {
      const branch = e.schemaPath.slice(prefix.length).split("/")[0] ?? "";
      branches.set(branch, [...(branches.get(branch) ?? []), e]);
    }
    const shaped = [...branches.values()].filter((list) =>
      list.every((e) => e.instancePath !== anyOf.instancePath || !["type", "enum", "const"].includes(e.keyword)),
    );
    const keep = shaped.length === 1 ? (shaped[0] ?? []) : [anyOf];
    result = result.filter((e) => (e === anyOf ? keep.includes(e) : !inside.includes(e) || keep.includes(e)));
  }
  return result;
}

function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.code}|${d.pointer}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `minConsumerMessage: 2` is one mistake, not two: the unknown-property help already says it. */
function dropMisspelledRequired(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter(
    (d) =>
      d.code !== "missing-property" ||
      !diagnostics.some((u) => u.code === "unknown-property" && u.pointer.startsWith(d.pointer + "/") && u.params?.["didYouMean"] === d.params?.["property"]),
  );
}
