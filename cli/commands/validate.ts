import { parseArgs } from "node:util";
import { formatGithub } from "../../compiler/diagnostics/format-github.js";
import { formatHuman, summary } from "../../compiler/diagnostics/format-human.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { validateSources } from "../../compiler/pipeline.js";
import { UsageError, type Io } from "../io.js";
import { readSources } from "../source-files.js";

export const validateUsage = "crm-policy validate [PATH...] [--format human|json|github]";

/** `crm-policy validate`: every problem of every policy file; exit 1 on any error. */
export function validateCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { format: { type: "string", default: "human" } },
  });
  const format = values.format;
  if (format !== "human" && format !== "json" && format !== "github") {
    throw new UsageError(`unknown --format \`${format}\`: use human, json or github`);
  }
  const sources = readSources(positionals.length > 0 ? positionals : ["policies"]);
  const result = validateSources(sources);
  const texts = new Map(sources.map((s) => [s.file, Buffer.from(s.bytes).toString("utf8")]));
  writeDiagnostics(io, result.diagnostics, format, texts, sources.length);
  return result.ok ? 0 : 1;
}

export function writeDiagnostics(
  io: Io,
  diagnostics: Diagnostic[],
  format: "human" | "json" | "github",
  texts: Map<string, string>,
  files: number,
): void {
  if (format === "json") io.stdout.write(JSON.stringify(diagnostics, null, 2) + "\n");
  else if (format === "github") io.stdout.write(formatGithub(diagnostics));
  else {
    io.stdout.write(formatHuman(diagnostics, texts));
    io.stderr.write(summary(diagnostics, files));
  }
}
