import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";

/**
 * A bundle's signature: Ed25519 over its digest. `digest` repeats what was signed so that a
 * signature carried over from another bundle is reported as such; acceptance never rests on it.
 */
export interface BundleSignature {
  keyId: string;
  digest: string;
  value: string;
}

/** The bytes signed for a digest: the format name keeps these signatures from meaning anything else. */
export function signedMessage(digest: string): Buffer {
  return Buffer.from(`crm-policy-bundle/v1 digest ${digest}`, "utf8");
}

/** A key's id: the first 16 hex digits of the SHA-256 of its public key (SPKI, DER). */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash("sha256")
    .update(publicKey.export({ type: "spki", format: "der" }))
    .digest("hex")
    .slice(0, 16);
}

/** An Ed25519 private key from PEM (PKCS#8); throws an Error saying what the text is otherwise. */
export function signingKey(privateKeyPem: string): KeyObject {
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(privateKeyPem);
  } catch {
    throw new Error("not a PEM private key");
  }
  if (privateKey.asymmetricKeyType !== "ed25519") throw new Error(`a ${privateKey.asymmetricKeyType ?? "non-asymmetric"} key, not Ed25519`);
  return privateKey;
}

/** Signs a digest with an Ed25519 private key (see signingKey). */
export function signDigest(digest: string, privateKey: KeyObject): BundleSignature {
  const keyId = keyIdOf(createPublicKey(privateKey));
  return { keyId, digest, value: sign(null, signedMessage(digest), privateKey).toString("base64") };
}

/** Whether `signature` (base64) is the key's Ed25519 signature of `digest`. Never throws. */
export function verifiesDigest(publicKey: KeyObject, digest: string, signature: string): boolean {
  const bytes = Buffer.from(signature, "base64");
  if (bytes.length !== 64 || bytes.toString("base64") !== signature) return false;
  try {
    return verify(null, signedMessage(digest), publicKey, bytes);
  } catch {
    return false;
  }
}
