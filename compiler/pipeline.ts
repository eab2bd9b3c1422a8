import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { defaultCatalog, type Catalog } from "./model/catalog.js";
import { check, type CheckedPolicy, type PartialPolicy } from "./passes/check.js";
import { parse, type SourceFile } from "./passes/parse.js";
import { checkSchema } from "./passes/schema.js";

export interface Validation {
  /** Policies that passed parse and schema (semantic errors may still be reported). */
  policies: CheckedPolicy[];
  /** Every problem of every file, sorted by file and position. */
  diagnostics: Diagnostic[];
  ok: boolean;
}

/** The front half of the compiler: parse, schema, check. `validate` and `compile` share it. */
export function validateSources(sources: readonly SourceFile[], catalog: Catalog = defaultCatalog()): Validation {
  const diagnostics: Diagnostic[] = [];
  const policies: CheckedPolicy[] = [];
  const partial: PartialPolicy[] = [];
  const ordered = [...sources].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const source of ordered) {
    const parsed = parse(source);
    if (!parsed.ok) {
      diagnostics.push(...parsed.diagnostics);
      continue;
    }
    const schema = checkSchema(parsed.document);
    if (!schema.ok) {
      diagnostics.push(...schema.diagnostics);
      if (isRecord(parsed.document.value) && isRecord(parsed.document.value["crm"]) && isRecord(parsed.document.value["metadata"])) {
        const policy = parsed.document.value as unknown as CheckedPolicy["policy"];
        partial.push({ document: parsed.document, policy, schemaErrors: schema.diagnostics.map((d) => d.pointer) });
      }
      continue;
    }
    policies.push({ document: parsed.document, policy: schema.policy });
  }
  diagnostics.push(...check(policies, catalog, partial));
  const sorted = sortDiagnostics(diagnostics);
  return { policies, diagnostics: sorted, ok: !hasErrors(sorted) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
