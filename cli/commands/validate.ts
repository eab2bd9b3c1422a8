import { formatGithub } from "../../compiler/diagnostics/format-github.js";
import { formatHuman, summary } from "../../compiler/diagnostics/format-human.js";
import { diagnostic, type Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { validateSources } from "../../compiler/pipeline.js";
import { defineCommand, parseCommand } from "../command-spec.js";
import type { Io } from "../io.js";
import { readSources } from "../source-files.js";

export const validateSpec = defineCommand({
  name: "validate",
  summary: "check policy files and print every problem, located in its file",
  description: "Exit 1 when any policy has an error.",
  positionals: { name: "[PATH...]", description: "policy files or folders (default: policies)" },
  options: {
    format: { type: "string", choices: ["human", "json", "github"], default: "human", description: "how diagnostics are printed" },
  },
  examples: ["crm-policy validate policies/acme-support.yaml"],
});

/** `crm-policy validate`: every problem of every policy file; exit 1 on any error. */
export function validateCommand(args: string[], io: Io): number {
  const { values, positionals } = parseCommand(validateSpec, args);
  const format = values.format;
  const paths = positionals.length > 0 ? positionals : ["policies"];
  const sources = readSources(paths);
  const result = validateSources(sources);
  const texts = new Map(sources.map((s) => [s.file, Buffer.from(s.bytes).toString("utf8")]));
  const diagnostics = sources.length > 0 ? result.diagnostics : [noPolicies(paths)];
  writeDiagnostics(io, diagnostics, format, texts, sources.length);
  return result.ok ? 0 : 1;
}

/** A folder without policy files is most likely the wrong folder: say so rather than pass silently. */
function noPolicies(paths: readonly string[]): Diagnostic {
  return diagnostic(
    "no-policies",
    `no policy files found in ${paths.map((p) => `\`${p}\``).join(", ")}`,
    { file: paths[0] ?? "", pointer: "", span: { line: 1, column: 1, endLine: 1, endColumn: 1 } },
    "policy files end in `.yaml`, `.yml` or `.json`",
  );
}

export function writeDiagnostics(io: Io, diagnostics: Diagnostic[], format: "human" | "json" | "github", texts: Map<string, string>, files: number): void {
  if (format === "json") io.stdout.write(JSON.stringify(diagnostics, null, 2) + "\n");
  else if (format === "github") io.stdout.write(formatGithub(diagnostics));
  else {
    io.stdout.write(formatHuman(diagnostics, texts));
    io.stderr.write(summary(diagnostics, files));
  }
}
