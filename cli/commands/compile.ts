import type { KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { signBundle } from "../../compiler/passes/sign.js";
import { signingKey } from "@crm-policy/runtime/toolchain";
import { compileSources } from "../../compiler/pipeline.js";
import type { PolicyBundle } from "../../schemas/types/bundle.v1.js";
import { defineCommand, parseCommand } from "../command-spec.js";
import { UsageError, type Io } from "../io.js";
import { readSources } from "../source-files.js";
import { writeDiagnostics } from "./validate.js";

export const compileSpec = defineCommand({
  name: "compile",
  summary: "validate policy files and write the bundle that services load",
  description: "Nothing is written when a policy has an error; the diagnostics are printed as by `validate`.",
  positionals: { name: "[PATH...]", description: "policy files or folders (default: policies)" },
  options: {
    out: { type: "string", value: "FILE", default: "dist/policies.bundle.json", description: "where to write the bundle" },
    sign: { type: "string", value: "KEY", description: "sign the bundle with this Ed25519 private key (PEM, from `crm-policy keys new`)" },
    format: { type: "string", choices: ["human", "json", "github"], default: "human", description: "how diagnostics are printed" },
  },
  examples: ["crm-policy compile policies --out dist/policies.bundle.json"],
});

/** `crm-policy compile`: validate, then write the bundle; nothing is written on error. */
export function compileCommand(args: string[], io: Io): number {
  const { values, positionals } = parseCommand(compileSpec, args);
  const format = values.format;
  const key = values.sign === undefined ? undefined : readKey(values.sign);
  const sources = readSources(positionals.length > 0 ? positionals : ["policies"]);
  const result = compileSources(sources);
  const texts = new Map(sources.map((s) => [s.file, Buffer.from(s.bytes).toString("utf8")]));
  if (result.diagnostics.length > 0 || result.bundle === undefined) writeDiagnostics(io, result.diagnostics, format, texts, sources.length);
  if (result.bundle === undefined) {
    io.stderr.write(`no bundle written\n`);
    return 1;
  }
  const bundle = key === undefined ? result.bundle : sign(result.bundle.value, key);
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, bundle.text);
  const { policies, digest, signature } = bundle.value;
  const signed = signature === undefined ? "" : `, signed by key ${signature.keyId}`;
  io.stderr.write(`wrote ${values.out}: ${policies.length} ${policies.length === 1 ? "policy" : "policies"}, ${digest}${signed}\n`);
  return 0;
}

/** The signing key, read and checked before anything is compiled. */
function readKey(path: string): KeyObject {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the signing key ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return signingKey(text);
  } catch (error) {
    throw new UsageError(
      `--sign takes an Ed25519 private key (PEM, as \`crm-policy keys new\` writes); ${path} is ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function sign(bundle: PolicyBundle, key: KeyObject): { value: PolicyBundle; text: string } {
  const signed = signBundle(bundle, key);
  return { value: signed.bundle, text: signed.text };
}
