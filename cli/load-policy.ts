import { readFileSync } from "node:fs";
import { BundleError, loadBundle, readTrustedKeys, type TrustedKeys } from "@crm-policy/runtime";
import type { CompiledPolicy } from "../schemas/types/bundle.v1.js";
import { FileError, UsageError, fileProblem } from "./io.js";
import { escapeText } from "@crm-policy/runtime/toolchain";

/** The keys of `--trust DIR|FILE`; a trust configuration that cannot be used is a usage error. */
export function trustOption(path: string | undefined): TrustedKeys | undefined {
  if (path === undefined) return undefined;
  try {
    return readTrustedKeys(path);
  } catch (error) {
    if (error instanceof BundleError) throw new UsageError(`--trust: ${error.message}`);
    throw error;
  }
}

/**
 * A policy to run, from a compiled bundle or straight from a policy source file. With trusted
 * keys only a bundle signed by one of them is run; a source file is refused.
 */
export async function loadPolicy(
  path: string,
  name: string | undefined,
  trustedKeys?: TrustedKeys,
): Promise<{ ok: true; policy: CompiledPolicy; digest: string } | { ok: false; message: string }> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new FileError(`cannot read policy file \`${escapeText(path)}\`: ${fileProblem(error) ?? String(error)}`);
  }
  // a byte order mark is accepted in a bundle as in a policy
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (/^\s*\{[\s\S]*"format"\s*:\s*"crm-policy-bundle\//.test(text.slice(0, 4096)) || path.endsWith(".bundle.json")) {
    try {
      const bundle = loadBundle(text, trustedKeys === undefined ? {} : { trustedKeys });
      const chosen = name ?? (bundle.names.length === 1 ? bundle.names[0] : undefined);
      if (chosen === undefined) throw new UsageError(`the bundle has ${bundle.names.length} policies: choose one with --name (${bundle.names.join(", ")})`);
      return { ok: true, policy: bundle.policy(chosen), digest: bundle.digest };
    } catch (error) {
      if (error instanceof BundleError) return { ok: false, message: `${path}: ${error.message}` };
      throw error;
    }
  }
  if (trustedKeys !== undefined)
    return { ok: false, message: `${path}: not a bundle, and with --trust only a signed bundle runs: compile it with \`crm-policy compile --sign KEY\`` };
  // Only a source file needs the compiler; a bundle runs on the runtime alone.
  const { compileSources } = await import("../compiler/pipeline.js");
  const { formatHuman } = await import("../compiler/diagnostics/format-human.js");
  const result = compileSources([{ file: path, bytes }]);
  if (result.bundle === undefined) return { ok: false, message: formatHuman(result.diagnostics, new Map([[path, text]])).trimEnd() };
  const policy = result.bundle.value.policies[0];
  if (policy === undefined) return { ok: false, message: `${path}: no policy` };
  if (name !== undefined && policy.name !== name) return { ok: false, message: `${path}: the policy is \`${policy.name}\`, not \`${name}\`` };
  return { ok: true, policy, digest: result.bundle.value.digest };
}
