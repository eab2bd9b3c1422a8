import { createHash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/** `sha256:<hex>` of a bundle's canonical content, its digest and signature fields left out. */
export function bundleDigest(bundle: object): string {
  const { digest: _digest, signature: _signature, ...content } = bundle as Record<string, unknown>;
  return sha256(canonicalJson(content));
}

/**
 * The same digest read straight off the text the compiler wrote: that text is the canonical
 * JSON with the digest member inserted (and the signature member, the last key, appended), so
 * cutting those members out gives what was hashed. Undefined when the text is not in that form
 * (e.g. re-indented): then use bundleDigest.
 */
export function emittedTextDigest(text: string, declared: string, signature?: unknown): string | undefined {
  const member = `"digest":${JSON.stringify(declared)},`;
  const at = text.indexOf(member);
  if (at < 0) return undefined;
  let body = text.endsWith("\n") ? text.slice(0, -1) : text;
  if (signature !== undefined) {
    const last = `,"signature":${canonicalJson(signature)}}`;
    if (!body.endsWith(last)) return undefined;
    body = body.slice(0, -last.length) + "}";
  }
  return sha256(body.slice(0, at) + body.slice(at + member.length));
}

function sha256(text: string): string {
  return "sha256:" + createHash("sha256").update(text).digest("hex");
}
