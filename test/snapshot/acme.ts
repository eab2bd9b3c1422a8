import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { compileSources } from "../../compiler/pipeline.js";
import { loadBundle, type LoadedBundle } from "../../runtime/index.js";

/** policies/acme-support.yaml compiled, and a second revision of it with one setting changed. */
export function acmeRevisions(): { v1: LoadedBundle; v2: LoadedBundle } {
  const text = readFileSync("policies/acme-support.yaml", "utf8");
  const changed = parse(text) as { records: { chats?: Record<string, unknown> } };
  changed.records.chats = { ...changed.records.chats, minConsumerMessages: 5 };
  const compile = (file: string, source: string) => {
    const compiled = compileSources([{ file, bytes: Buffer.from(source) }]);
    if (compiled.bundle === undefined) throw new Error(JSON.stringify(compiled.diagnostics));
    return loadBundle(compiled.bundle.text);
  };
  return { v1: compile("acme-support.yaml", text), v2: compile("acme-support.json", JSON.stringify(changed)) };
}
