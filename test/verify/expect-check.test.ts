// The `expect` section in the validator: its conditions are checked where they are written
// (`for` as a session starts, `always` as it ends), each problem at its characters in the file.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lower } from "../../compiler/passes/lower.js";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { compileSources, validateSources } from "../../compiler/pipeline.js";

interface Case {
  note: string;
  policy: string;
  diagnostics: string[];
  message?: string;
  help?: string;
}

const header = "apiVersion: crm-policy/v1\nkind: RecordCreationPolicy\nmetadata:\n  name: expect-check\ncrm:\n  system: zendesk\n";
const headerLines = header.split("\n").length - 1;
const cases = parse(readFileSync(join(import.meta.dirname, "expect-check.yaml"), "utf8")) as Case[];
const source = (text: string) => ({ file: "policy.yaml", bytes: new TextEncoder().encode(text) });

describe.each(cases)("$note", (c) => {
  const result = validateSources([source(header + c.policy)]);

  it("reports exactly these diagnostics, in place", () => {
    expect(result.diagnostics.map((d) => `${d.code} ${d.line - headerLines}:${d.column} ${d.pointer}`)).toEqual(c.diagnostics);
  });

  if (c.message !== undefined || c.help !== undefined)
    it("words the first one as pinned", () => {
      const [first] = result.diagnostics;
      if (c.message !== undefined) expect(first?.message).toBe(c.message);
      if (c.help !== undefined) expect(first?.help).toBe(c.help);
    });
});

describe("compiling a policy with expect", () => {
  it("leaves expect out of the bundle: the compiled policy is the same without it", () => {
    const policy = "records:\n  chats: { minConsumerMessages: 2 }\n";
    const expectation = "expect:\n  - name: x\n    always: 'decision == \"none\" or consumerMessages >= 2'\n";
    const withIt = compileSources([source(header + policy + expectation)]);
    const without = compileSources([source(header + policy)]);
    const strip = (p: object) => ({ ...p, revision: "" });
    expect(withIt.bundle?.value.policies.map(strip)).toEqual(without.bundle?.value.policies.map(strip));
    expect(withIt.bundle?.text).not.toContain("consumerMessages");
    const [checked] = withIt.policies;
    if (checked !== undefined) expect(Object.keys(lower(checked, defaultCatalog()))).not.toContain("expect");
  });
});
