// Condition problems are placed in the author's YAML file with spanInScalar, the same mapping
// title templates use: inside plain, single-quoted, double-quoted (escapes) and block scalars.
import { describe, expect, it } from "vitest";
import { analyzeCondition } from "../../compiler/conditions/check-condition.js";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { SourceText } from "../../compiler/source/source-text.js";
import { parseYaml } from "../../compiler/source/yaml-document.js";
import { spanInScalar } from "../../compiler/template/locate-in-scalar.js";

/** Each problem of each override's `when`, as `code line:column-endLine:endColumn` in the file. */
function located(yaml: string): string[] {
  const source = new SourceText("policy.yaml", yaml);
  const parsed = parseYaml(source);
  if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
  const overrides = (parsed.document.value as { overrides: { when: string }[] }).overrides;
  return overrides.flatMap((override, i) => {
    const pointer = `/overrides/${i}/when`;
    return analyzeCondition(override.when, defaultCatalog()).problems.map((p) => {
      const span = spanInScalar(source, parsed.document.node(pointer), p.start, p.end);
      return span === undefined ? `${p.code} ?` : `${p.code} ${span.line}:${span.column}-${span.endLine}:${span.endColumn}`;
    });
  });
}

const policy = (overrides: string) => `apiVersion: crm-policy/v1
kind: RecordCreationPolicy
metadata:
  name: conditions
crm:
  system: zendesk
overrides:
${overrides}`;

describe("condition problems in the YAML file", () => {
  it("in a plain scalar", () => {
    const yaml = policy(`  - when: chanel == "voice" and queue == 1
    records: {}
`);
    // line 8 is `  - when: chanel == ...`: the value starts at column 11, its `1` is value offset 31
    expect(located(yaml)).toEqual(["condition-unknown-attribute 8:11-8:17", "condition-type-mismatch 8:42-8:43"]);
  });

  it("in a single-quoted scalar, after a doubled quote", () => {
    const yaml = policy(`  - when: 'menuPath == "it''s" and qeue == "b"'
`);
    // value: menuPath == "it's" and qeue == "b"; `qeue` is value offset 23, one raw character later
    expect(located(yaml)).toEqual(["condition-unknown-attribute 8:36-8:40"]);
  });

  it("in a double-quoted scalar with escapes", () => {
    const yaml = policy(`  - when: "menuPath == \\"a\\\\\\\\b\\" and chanel == \\"voice\\""
`);
    // the condition is menuPath == "a\\b" and chanel == "voice"; in the file each \" and \\ takes two
    // characters, so `chanel` (value offset 23) is at column 39
    expect(yaml.split("\n")[7]).toBe('  - when: "menuPath == \\"a\\\\\\\\b\\" and chanel == \\"voice\\""');
    expect(located(yaml)).toEqual(["condition-unknown-attribute 8:39-8:45"]);
  });

  it("at an escape inside an escape", () => {
    const yaml = policy(`  - when: "menuPath == \\"a\\\\b\\""
`);
    // the file's `\\b` is YAML for `\b`, an escape the condition language does not have: the span
    // covers the file's two backslashes and the b
    expect(located(yaml)).toEqual(["condition-syntax 8:27-8:30"]);
  });

  it("at the exact character of a syntax error in a double-quoted scalar", () => {
    const yaml = policy(`  - when: "queue == \\"a\\" & anonymous"
`);
    expect(located(yaml)).toEqual(["condition-syntax 8:27-8:28"]);
  });

  it("in a literal block scalar, on its second line", () => {
    const yaml = policy(`  - when: |
      channel == "chat"
      and chanel == "voice"
    records: {}
`);
    expect(located(yaml)).toEqual(["condition-unknown-attribute 10:11-10:17"]);
  });

  it("in a literal block scalar: a string left open ends at its line", () => {
    const yaml = policy(`  - when: |
      queue == "Billing
      or anonymous
`);
    expect(located(yaml)).toEqual(["condition-syntax 9:16-9:24"]);
  });

  it("in a folded block scalar", () => {
    const yaml = policy(`  - when: >-
      channel == "sms"
      and anonymous
`);
    expect(located(yaml)).toEqual(["condition-never-holds 9:18-9:23"]);
  });

  it("for several overrides, each in its own place", () => {
    const yaml = policy(`  - when: channel == "voice" and queue == "a" and queue == "b"
  - when: 'sessionType == "Voice Inbound (IVRs)"'
`);
    expect(located(yaml)).toEqual(["condition-constant 8:11-8:63", "condition-unknown-session-type 9:27-9:49"]);
  });
});
