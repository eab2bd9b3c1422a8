import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { keyIdOf } from "@crm-policy/runtime/toolchain";
import { defineCommand, parseCommand } from "../command-spec.js";
import { UsageError, type Io } from "../io.js";

export const keysSpec = defineCommand({
  name: "keys",
  summary: "make an Ed25519 key pair for signing bundles (`keys new`)",
  description: "Writes DIR/<key id>.private.pem (for `compile --sign`) and DIR/<key id>.public.pem (for `--trust`); never overwrites a file.",
  positionals: { name: "new", description: "the one action: make a new key pair" },
  options: {
    out: { type: "string", value: "DIR", required: true, description: "the folder to write the key pair to" },
  },
  examples: ["crm-policy keys new --out keys/"],
});

/**
 * `crm-policy keys new`: an Ed25519 key pair for signing bundles, as `DIR/<key id>.private.pem`
 * (PKCS#8; give it to the CI job that runs `compile --sign`) and `DIR/<key id>.public.pem`
 * (SPKI; give it to the services, e.g. `--trust`). Never overwrites a file.
 */
export function keysCommand(args: string[], io: Io): number {
  const { values, positionals } = parseCommand(keysSpec, args);
  if (positionals[0] !== "new" || positionals.length !== 1)
    throw new UsageError(
      positionals.length === 0 ? "say what to do: `keys new`" : `unknown keys action \`${positionals.join(" ")}\`: the one action is \`new\``,
    );
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const keyId = keyIdOf(publicKey);
  const privatePath = join(values.out, `${keyId}.private.pem`);
  const publicPath = join(values.out, `${keyId}.public.pem`);
  for (const path of [privatePath, publicPath]) if (existsSync(path)) throw new UsageError(`${path} exists: not overwriting it`);
  try {
    mkdirSync(values.out, { recursive: true });
    writeFileSync(privatePath, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600, flag: "wx" });
    writeFileSync(publicPath, publicKey.export({ type: "spki", format: "pem" }), { mode: 0o644, flag: "wx" });
  } catch (error) {
    io.stderr.write(`cannot write the key pair to ${values.out}: ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    return 1;
  }
  io.stdout.write(`${keyId}\n`);
  io.stderr.write(`key ${keyId}\n  private (sign with it: compile --sign): ${privatePath}\n  public (trust it: --trust):              ${publicPath}\n`);
  return 0;
}
