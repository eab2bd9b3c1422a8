import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/** `sha256:<hex>` of a bundle's canonical content, its own digest field left out. */
export function bundleDigest(bundle: object): string {
  const { digest: _digest, ...content } = bundle as Record<string, unknown>;
  return sha256(canonicalJson(content));
}

/**
 * The same digest read straight off the text the compiler wrote: that text is the canonical
 * JSON with the digest member inserted, so cutting the member out gives what was hashed.
 * Undefined when the text is not in that form (e.g. re-indented): then use bundleDigest.
 */
export function emittedTextDigest(text: string, declared: string): string | undefined {
  const member = `"digest":${JSON.stringify(declared)},`;
  const at = text.indexOf(member);
  if (at < 0) return undefined;
  const body = text.endsWith("\n") ? text.slice(0, -1) : text;
  return sha256(body.slice(0, at) + body.slice(at + member.length));
}

function sha256(text: string): string {
  return "sha256:" + createHash("sha256").update(text).digest("hex");
}
