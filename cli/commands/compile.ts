import type { KeyObject } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { parseArgs } from "node:util";
import { signBundle } from "../../compiler/passes/sign.js";
import { signingKey } from "../../runtime/bundle/signature.js";
import { compileSources } from "../../compiler/pipeline.js";
import type { PolicyBundle } from "../../schemas/types/bundle.v1.js";
import { UsageError, type Io } from "../io.js";
import { readSources } from "../source-files.js";
import { writeDiagnostics } from "./validate.js";

export const compileUsage = "crm-policy compile [PATH...] [--out FILE] [--sign KEY] [--format human|json|github]";

/** `crm-policy compile`: validate, then write the bundle; nothing is written on error. */
export function compileCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: "string", default: "dist/policies.bundle.json" }, format: { type: "string", default: "human" }, sign: { type: "string" } },
  });
  const format = values.format;
  if (format !== "human" && format !== "json" && format !== "github") throw new UsageError(`unknown --format \`${format}\`: use human, json or github`);
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
    throw new UsageError(`--sign takes an Ed25519 private key (PEM, as \`crm-policy keys new\` writes); ${path} is ${error instanceof Error ? error.message : String(error)}`);
  }
}

function sign(bundle: PolicyBundle, key: KeyObject): { value: PolicyBundle; text: string } {
  const signed = signBundle(bundle, key);
  return { value: signed.bundle, text: signed.text };
}
