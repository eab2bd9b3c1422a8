import type { CompiledPolicy, PolicyBundle } from "../../schemas/types/bundle.v1.js";
import { bundleDigest, emittedTextDigest } from "./digest.js";
import { bundleFormat } from "./format.js";

/** A bundle the runtime will not run, with what to do about it. */
export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BundleError";
  }
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

  policy(name: string): CompiledPolicy {
    const found = this.byName.get(name);
    if (found === undefined) throw new BundleError(`no policy \`${name}\` in the bundle; it has: ${this.names.join(", ") || "none"}`);
    return found;
  }
}

/**
 * Parses and checks a bundle: the format this runtime reads (else says which side to
 * upgrade), then the digest (a bundle changed after compiling is refused).
 */
export function loadBundle(text: string): LoadedBundle {
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
  if (typeof bundle.digest !== "string" || !Array.isArray(bundle.policies)) throw new BundleError("bundle has no digest or no policies");
  // A match of the text as written proves its content; otherwise recompute from the parsed value.
  const actual = emittedTextDigest(text, bundle.digest) === bundle.digest ? bundle.digest : bundleDigest(bundle);
  if (actual !== bundle.digest) throw new BundleError(`bundle digest mismatch: the file says ${bundle.digest}, its content hashes to ${actual}; the bundle was changed after compiling`);
  return new LoadedBundle(bundle as PolicyBundle);
}
