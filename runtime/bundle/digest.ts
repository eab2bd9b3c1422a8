import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/** `sha256:<hex>` of a bundle's canonical content, its own digest field left out. */
export function bundleDigest(bundle: object): string {
  const { digest: _digest, ...content } = bundle as Record<string, unknown>;
  return "sha256:" + createHash("sha256").update(canonicalJson(content)).digest("hex");
}
