import type { KeyObject } from "node:crypto";
import type { PolicyBundle } from "../../schemas/types/bundle.v1.js";
import { canonicalJson } from "@crm-policy/runtime/toolchain";
import { signDigest } from "@crm-policy/runtime/toolchain";

/** After emit, when asked: the bundle with an Ed25519 signature of its digest (the digest is unchanged). */
export function signBundle(bundle: PolicyBundle, privateKey: KeyObject): { bundle: PolicyBundle; text: string } {
  const signed: PolicyBundle = { ...bundle, signature: signDigest(bundle.digest, privateKey) };
  return { bundle: signed, text: canonicalJson(signed) + "\n" };
}
