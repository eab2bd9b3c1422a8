import { hasErrors, sortDiagnostics, type Diagnostic } from "./diagnostics/diagnostic.js";
import { defaultCatalog, type Catalog } from "./model/catalog.js";
import { check, type CheckedPolicy, type PartialPolicy } from "./passes/check.js";
import { parse, type SourceFile } from "./passes/parse.js";
import { checkSchema } from "./passes/schema.js";
import { lower } from "./passes/lower.js";
import { emit } from "./passes/emit.js";
import type { PolicyBundle } from "../schemas/types/bundle.v1.js";

export interface Validation {
  /** Policies that passed parse and schema (semantic errors may still be reported). */
  policies: CheckedPolicy[];
  /** Every problem of every file, sorted by file and position. */
  diagnostics: Diagnostic[];
  ok: boolean;
}

/**
 * The compiler's passes, in order; each is a pure function of its input:
 *   1. parse   bytes → YAML document with positions         passes/parse.ts
 *   2. schema  document → typed policy (JSON Schema, ajv)     passes/schema.ts
 *   3. check   policies → diagnostics for what JSON Schema cannot say   passes/check.ts
 *   4. lower   policy → CompiledPolicy for the runtime        passes/lower.ts
 *   5. emit    compiled policies → canonical, digested bundle passes/emit.ts
 */

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

export type Compilation = Validation & { bundle?: { value: PolicyBundle; text: string } };

/** All five passes; no bundle when any file has an error. */
export function compileSources(sources: readonly SourceFile[], catalog: Catalog = defaultCatalog()): Compilation {
  const validation = validateSources(sources, catalog);
  if (!validation.ok) return validation;
  const { bundle, text } = emit(validation.policies.map((p) => lower(p, catalog)));
  return { ...validation, bundle: { value: bundle, text } };
}
