import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { compileSources } from "../../compiler/pipeline.js";
import { defineCommand, parseCommand } from "../command-spec.js";
import type { Io } from "../io.js";
import { readSources } from "../source-files.js";
import { writeDiagnostics } from "./validate.js";

export const compileSpec = defineCommand({
  name: "compile",
  summary: "validate policy files and write the bundle that services load",
  description: "Nothing is written when a policy has an error; the diagnostics are printed as by `validate`.",
  positionals: { name: "[PATH...]", description: "policy files or folders (default: policies)" },
  options: {
    out: { type: "string", value: "FILE", default: "dist/policies.bundle.json", description: "where to write the bundle" },
    format: { type: "string", choices: ["human", "json", "github"], default: "human", description: "how diagnostics are printed" },
  },
  examples: ["crm-policy compile policies --out dist/policies.bundle.json"],
});

/** `crm-policy compile`: validate, then write the bundle; nothing is written on error. */
export function compileCommand(args: string[], io: Io): number {
  const { values, positionals } = parseCommand(compileSpec, args);
  const format = values.format;
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
