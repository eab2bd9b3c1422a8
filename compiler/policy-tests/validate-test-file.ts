import type { PolicyTestFile } from "../../schemas/types/policy-test.v1.js";
import { hasErrors, sortDiagnostics, type Diagnostic } from "../diagnostics/diagnostic.js";
import { parse, type SourceFile } from "../passes/parse.js";
import { schemaDiagnostics, schemaValidator } from "../passes/schema.js";
import type { ParsedDocument } from "../source/yaml-document.js";
import { checkTestFile } from "./check-test-file.js";

export interface CheckedTestFile {
  document: ParsedDocument;
  value: PolicyTestFile;
}

export type TestFileValidation = { ok: true; checked: CheckedTestFile } | { ok: false; diagnostics: Diagnostic[] };

/**
 * A `*.test.yaml` file (`crm-policy test`), through the policy compiler's own front half:
 *   1. parse   bytes → YAML document with positions           passes/parse.ts
 *   2. schema  schemas/policy-test.v1.schema.json, located     passes/schema.ts
 *   3. check   what the schema cannot say (policy names, …)   tests/check-test-file.ts
 * Every problem of the file is reported, sorted. `policies`: the names of the policies beside
 * the test file, or undefined when they do not compile (names are then not checked).
 */
export function validateTestFile(source: SourceFile, policies: readonly string[] | undefined): TestFileValidation {
  const parsed = parse(source);
  if (!parsed.ok) return { ok: false, diagnostics: parsed.diagnostics.map(forTestFile) };
  const document = parsed.document;
  const validate = schemaValidator("policy-test.v1.schema.json");
  const valid = validate(document.value);
  const diagnostics = sortDiagnostics([
    ...(valid ? [] : schemaDiagnostics(validate.errors ?? [], document, "test file").map(forTestFile)),
    ...checkTestFile(document, policies),
  ]);
  if (!valid || hasErrors(diagnostics)) return { ok: false, diagnostics };
  return { ok: true, checked: { document, value: document.value as PolicyTestFile } };
}

/** The shared passes speak of policies; a few of their messages say so. */
function forTestFile(d: Diagnostic): Diagnostic {
  if (d.code === "multiple-documents") return { ...d, message: "a test file holds one YAML document, found more" };
  if (d.code === "wrong-type" && d.pointer === "") return { ...d, help: "a test file is a mapping with the list of cases under `tests:`" };
  return d;
}
