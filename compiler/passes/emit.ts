import type { CompiledPolicy, PolicyBundle } from "../../schemas/types/bundle.v1.js";
import { canonicalJson } from "@crm-policy/runtime/toolchain";
import { bundleDigest } from "@crm-policy/runtime/toolchain";
import { bundleFormat } from "@crm-policy/runtime";
import { readProjectJson } from "../project-files.js";

export const compilerVersion = `crm-policy ${(readProjectJson("package.json") as { version: string }).version}`;

/** Pass 5: the bundle's bytes. Policies sorted by name and canonical JSON: same input, same bytes. */
export function emit(policies: readonly CompiledPolicy[]): { bundle: PolicyBundle; text: string } {
  const sorted = [...policies].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const content = { format: bundleFormat, compiler: compilerVersion, policies: sorted };
  const bundle: PolicyBundle = { ...content, format: bundleFormat, digest: bundleDigest(content) };
  return { bundle, text: canonicalJson(bundle) + "\n" };
}
