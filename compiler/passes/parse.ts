import type { Code } from "../diagnostics/codes.js";
import { diagnostic, type Diagnostic } from "../diagnostics/diagnostic.js";
import { decodeUtf8 } from "../source/decode.js";
import { SourceText } from "../source/source-text.js";
import { parseYaml, type ParsedDocument } from "../source/yaml-document.js";

/** A policy file as read from disk (or given by a test). */
export interface SourceFile {
  file: string;
  bytes: Uint8Array;
  /** Set when the file could not be read (e.g. `EACCES`, a dangling symlink's `ENOENT`). */
  readError?: string;
}

const kinds: Record<string, Code> = {
  syntax: "yaml-syntax",
  "duplicate-key": "duplicate-key",
  "multiple-documents": "multiple-documents",
  empty: "empty-file",
  "out-of-range": "out-of-range",
};

/** Pass 1: bytes to a YAML document with positions (JSON files are YAML too). */
export function parse(input: SourceFile): { ok: true; document: ParsedDocument } | { ok: false; diagnostics: Diagnostic[] } {
  if (input.readError !== undefined) {
    const span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { ok: false, diagnostics: [diagnostic("read-error", `cannot read the file: ${input.readError}`, { file: input.file, pointer: "", span })] };
  }
  const decoded = decodeUtf8(input.bytes);
  if (!decoded.ok) {
    return { ok: false, diagnostics: [diagnostic("not-utf8", decoded.message, { file: input.file, pointer: "", span: decoded.span }, decoded.help)] };
  }
  const text = decoded.text.replace(/^\uFEFF/, "");
  if (isBundle(text)) {
    const span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return {
      ok: false,
      diagnostics: [
        diagnostic(
          "bundle-skipped",
          "a compiled bundle, not a policy: skipped",
          { file: input.file, pointer: "", span },
          "write bundles outside the policy folders (e.g. `--out dist/policies.bundle.json`)",
        ),
      ],
    };
  }
  const source = new SourceText(input.file, text);
  const result = parseYaml(source);
  if (result.ok) return result;
  return {
    ok: false,
    diagnostics: result.problems.map((p) =>
      diagnostic(kinds[p.kind] ?? "yaml-syntax", p.message, { file: input.file, pointer: p.pointer ?? "", span: p.span }, p.help),
    ),
  };
}

/** A compiled bundle (JSON with a `crm-policy-bundle/…` format) rather than a policy. */
function isBundle(text: string): boolean {
  if (!text.trimStart().startsWith("{") || !text.includes('"crm-policy-bundle/')) return false;
  try {
    const value = JSON.parse(text) as { format?: unknown };
    return typeof value.format === "string" && value.format.startsWith("crm-policy-bundle/");
  } catch {
    return false;
  }
}
