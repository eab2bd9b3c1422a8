import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { compileSources } from "../../compiler/pipeline.js";
import { UsageError, type Io } from "../io.js";
import { readSources } from "../source-files.js";
import { writeDiagnostics } from "./validate.js";

export const compileUsage = "crm-policy compile [PATH...] [--out FILE] [--format human|json|github]";

/** `crm-policy compile`: validate, then write the bundle; nothing is written on error. */
export function compileCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: "string", default: "dist/policies.bundle.json" }, format: { type: "string", default: "human" } },
  });
  const format = values.format;
  if (format !== "human" && format !== "json" && format !== "github") throw new UsageError(`unknown --format \`${format}\`: use human, json or github`);
  const sources = readSources(positionals.length > 0 ? positionals : ["policies"]);
  const result = compileSources(sources);
  const texts = new Map(sources.map((s) => [s.file, Buffer.from(s.bytes).toString("utf8")]));
  if (result.diagnostics.length > 0 || result.bundle === undefined) writeDiagnostics(io, result.diagnostics, format, texts, sources.length);
  if (result.bundle === undefined) {
    io.stderr.write(`no bundle written\n`);
    return 1;
  }
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, result.bundle.text);
  const { policies, digest } = result.bundle.value;
  io.stderr.write(`wrote ${values.out}: ${policies.length} ${policies.length === 1 ? "policy" : "policies"}, ${digest}\n`);
  return 0;
}
