import { it, vi } from "vitest";
import { compilingIsDeterministic } from "../properties.js";
import { expectCaught } from "./expect-caught.js";

// Planted bug: emit writes the policies in the order the files were read instead of sorting
// them by name, so the same policies under other file names give other bytes.
vi.mock("../../../compiler/passes/emit.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../../compiler/passes/emit.js")>();
  const { canonicalJson } = await import("../../../runtime/bundle/canonical-json.js");
  const { bundleDigest } = await import("../../../runtime/bundle/digest.js");
  const { bundleFormat } = await import("../../../runtime/bundle/format.js");
  type Policies = Parameters<typeof original.emit>[0];
  return {
    ...original,
    emit(policies: Policies): ReturnType<typeof original.emit> {
      const content = { format: bundleFormat, compiler: original.compilerVersion, policies: [...policies] };
      const bundle: ReturnType<typeof original.emit>["bundle"] = { ...content, format: bundleFormat, digest: bundleDigest(content) };
      return { bundle, text: canonicalJson(bundle) + "\n" };
    },
  };
});

it("planted bug (policies written in file order) is caught by: same policies, in any file order, give the same bytes", () => {
  expectCaught(compilingIsDeterministic, 500);
});
