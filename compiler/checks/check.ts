import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import type { Code } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic, type DiagnosticParams, type Span } from "../diagnostics/diagnostic.js";
import type { Catalog } from "../model/catalog.js";
import type { ParsedDocument } from "../source/yaml-document.js";

/** What a semantic check sees: one schema-valid policy, where it came from, and the catalog. */
export interface CheckContext {
  document: ParsedDocument;
  policy: RecordCreationPolicy;
  catalog: Catalog;
}

export type Check = (context: CheckContext) => Diagnostic[];

/** A diagnostic at a pointer of the context's document. */
export function report(
  context: CheckContext,
  code: Code,
  message: string,
  pointer: string,
  options: { help?: string; part?: "key" | "value"; span?: Span; params?: DiagnosticParams } = {},
): Diagnostic {
  const span = options.span ?? context.document.locate(pointer, options.part ?? "value");
  return diagnostic(code, message, { file: context.document.source.file, pointer, span }, options.help, options.params);
}

/** The base settings and each override's: where they are, and what they say. */
export function settingSections(policy: RecordCreationPolicy): { at: string; title: RecordCreationPolicy["title"]; tags: RecordCreationPolicy["tags"] }[] {
  return [
    { at: "", title: policy.title, tags: policy.tags },
    ...(policy.overrides ?? []).map((o, i) => ({ at: `/overrides/${i}`, title: o.title, tags: o.tags })),
  ];
}
