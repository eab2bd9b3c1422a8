import { createPublicKey, type KeyObject } from "node:crypto";
import { BundleError } from "./bundle-error.js";
import { keyIdOf, verifiesDigest, type BundleSignature } from "./signature.js";

/** Public keys a service accepts bundles from, by key id. Built once from the trust configuration. */
export class TrustedKeys {
  private readonly byId = new Map<string, KeyObject>();

  /** Each key a PEM text (SPKI public key) or a public KeyObject; anything else is refused. */
  constructor(keys: Iterable<string | KeyObject>, describe: (index: number) => string = (i) => `trusted key ${i + 1}`) {
    let index = 0;
    for (const key of keys) {
      const publicKey = asPublicKey(key, describe(index));
      this.byId.set(keyIdOf(publicKey), publicKey);
      index++;
    }
  }

  get ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  get(keyId: string): KeyObject | undefined {
    return this.byId.get(keyId);
  }
}

function asPublicKey(key: string | KeyObject, what: string): KeyObject {
  if (typeof key === "string" && /-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key)) {
    throw new BundleError(`${what} is a private key: trust only public keys (the .public.pem file)`);
  }
  let publicKey: KeyObject;
  try {
    publicKey = typeof key === "string" ? createPublicKey(key) : key;
  } catch {
    throw new BundleError(`${what} is not a PEM public key`);
  }
  if (publicKey.type !== "public") throw new BundleError(`${what} is a ${publicKey.type} key: trust only public keys`);
  if (publicKey.asymmetricKeyType !== "ed25519") throw new BundleError(`${what} is a ${publicKey.asymmetricKeyType ?? "non-asymmetric"} key, not Ed25519`);
  return publicKey;
}

/**
 * Refuses a bundle unless one of the trusted keys signed its digest. `digest` is the digest
 * recomputed from the bundle's content; the signature block is only read for the key id to
 * look up, the signature bytes, and (to explain a refusal) the digest it claims to cover.
 * No field of the bundle can turn the check off or choose the algorithm.
 */
export function checkSignature(signature: BundleSignature | undefined, digest: string, trust: TrustedKeys): void {
  const trusted = trust.ids.length === 0 ? "no keys are trusted" : `trusted: ${trust.ids.map((id) => `\`${id}\``).join(", ")}`;
  if (signature === undefined)
    throw new BundleError(`bundle is not signed, and this service runs only signed bundles (${trusted}); sign it with \`crm-policy compile --sign KEY\``);
  const key = trust.get(signature.keyId);
  if (key === undefined) throw new BundleError(`bundle is signed by key \`${signature.keyId}\`, which is not trusted here (${trusted})`);
  if (signature.digest !== digest) {
    throw new BundleError(
      `bundle signature by key \`${signature.keyId}\` is over digest ${signature.digest}, not this bundle's ${digest}: the bundle was changed after signing`,
    );
  }
  if (!verifiesDigest(key, digest, signature.value))
    throw new BundleError(`bundle signature by key \`${signature.keyId}\` does not verify: the signature is damaged or was not made with that key`);
}
