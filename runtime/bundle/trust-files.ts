import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { BundleError } from "./bundle-error.js";
import { TrustedKeys } from "./trust.js";

/**
 * The trust configuration of a service from disk: a PEM file of one public key, or a folder
 * whose `*.pem` files are each one (several at once while keys rotate). A folder with no key,
 * a file that is not an Ed25519 public key, or a private key is refused with its path.
 */
export function readTrustedKeys(path: string): TrustedKeys {
  let files: string[];
  try {
    files = statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((name) => name.endsWith(".pem"))
          .sort()
          .map((name) => join(path, name))
      : [path];
  } catch (error) {
    throw new BundleError(`cannot read trusted keys at ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (files.length === 0) throw new BundleError(`no trusted keys in ${path}: put the public key files (*.pem) there`);
  const texts = files.map((file) => {
    try {
      return readFileSync(file, "utf8");
    } catch (error) {
      throw new BundleError(`cannot read trusted key ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  });
  return new TrustedKeys(texts, (i) => files[i] ?? path);
}
