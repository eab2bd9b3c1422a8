import type { CompiledPolicy, PolicyBundle } from "../../schemas/types/bundle.v1.js";
import { BundleError } from "./bundle-error.js";
import { bundleDigest, emittedTextDigest } from "./digest.js";
import { bundleFormat } from "./format.js";
import { semanticProblem } from "./check-semantics.js";
import { structureProblem } from "./check-structure.js";
import { checkSignature, TrustedKeys } from "./trust.js";

export { BundleError };

/** How a service loads bundles. */
export interface LoadBundleOptions {
  /**
   * The public keys (PEM text or KeyObjects, or a TrustedKeys) whose signatures are accepted.
   * When given, even empty, only a bundle signed by one of them loads. When left out, only
   * the digest is checked: that proves the bundle is intact, not who wrote it.
   */
  trustedKeys?: TrustedKeys | Iterable<string | import("node:crypto").KeyObject>;
}

/** A verified bundle: its policies by name. */
export class LoadedBundle {
  private readonly byName: Map<string, CompiledPolicy>;

  constructor(readonly bundle: PolicyBundle) {
    this.byName = new Map(bundle.policies.map((p) => [p.name, p]));
  }

  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** The digest of the bundle's content, e.g. for a service's logs. */
  get digest(): string {
    return this.bundle.digest;
  }

  policy(name: string): CompiledPolicy {
    const found = this.byName.get(name);
    if (found === undefined) throw new BundleError(`no policy \`${name}\` in the bundle; it has: ${this.names.join(", ") || "none"}`);
    return found;
  }
}

/**
 * Parses and checks a bundle: the format this runtime reads (else says which side to
 * upgrade), its whole structure (schemas/bundle.v1.schema.json) and what the schema cannot say
 * (./check-semantics.ts), then the digest (a bundle changed after compiling is refused), then,
 * when the service trusts keys, the signature over that digest. Every refusal is a BundleError;
 * a bundle that loads runs without throwing.
 */
export function loadBundle(text: string, options: LoadBundleOptions = {}): LoadedBundle {
  const trust =
    options.trustedKeys === undefined ? undefined : options.trustedKeys instanceof TrustedKeys ? options.trustedKeys : new TrustedKeys(options.trustedKeys);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BundleError(`bundle is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new BundleError("bundle is not a JSON object");
  const bundle = value as Partial<PolicyBundle>;
  if (bundle.format !== bundleFormat) {
    const found = typeof bundle.format === "string" ? bundle.format : "none";
    const newer = typeof bundle.format === "string" && /^crm-policy-bundle\/v(\d+)$/.exec(bundle.format);
    const advice =
      newer && Number(newer[1]) > 1
        ? "the bundle is newer than this runtime: upgrade the service's crm-policy runtime"
        : "recompile the policies with this version of crm-policy";
    throw new BundleError(`bundle format \`${found}\` is not \`${bundleFormat}\`: ${advice}`);
  }
  // Structure before anything walks the value: past this point it is a PolicyBundle, no deeper
  // than the schema and the condition limit allow, so nothing below (or later) can throw on it.
  const structure = structureProblem(bundle);
  if (structure !== undefined) throw new BundleError(`bundle structure: ${structure}; the bundle was not written by \`crm-policy compile\`, or was changed`);
  const valid = bundle as PolicyBundle;
  const semantic = semanticProblem(valid);
  if (semantic !== undefined) throw new BundleError(`bundle content: ${semantic}`);
  // A match of the text as written proves its content; otherwise recompute from the parsed value.
  const actual = emittedTextDigest(text, valid.digest, valid.signature) === valid.digest ? valid.digest : bundleDigest(valid);
  if (actual !== valid.digest)
    throw new BundleError(`bundle digest mismatch: the file says ${valid.digest}, its content hashes to ${actual}; the bundle was changed after compiling`);
  if (trust !== undefined) checkSignature(valid.signature, actual, trust);
  return new LoadedBundle(valid);
}
