// Mapping keys as the plain value sees them: keys that are lists or mappings, keys written as
// aliases, and keys repeated through an alias or written two ways, each reported where written.
import { afterEach, describe, expect, it, vi } from "vitest";
import { parseYaml } from "../../compiler/source/yaml-document.js";
import { SourceText } from "../../compiler/source/source-text.js";
import { validateSources } from "../../compiler/pipeline.js";
import { minimalPolicy, source } from "./support.js";

function problems(text: string): string[] {
  const result = parseYaml(new SourceText("k.yaml", text));
  if (result.ok) return [];
  return result.problems.map(({ kind, span, message }) => `${kind} ${span.line}:${span.column}-${span.endLine}:${span.endColumn} ${message}`);
}

function keySpan(text: string, pointer: string): string {
  const result = parseYaml(new SourceText("k.yaml", text));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const span = result.document.locate(pointer, "key");
  return `${span.line}:${span.column}-${span.endLine}:${span.endColumn}`;
}

describe("keys that are not names", () => {
  it.each([
    ["a list key, at the key, not at the start of its mapping", "a: 1\n? [x]\n: 2\n", "syntax 2:3-2:6 a key must be a string, found a list"],
    ["a mapping key", "a: 1\n? {b: 1}\n: 2\n", "syntax 2:3-2:9 a key must be a string, found a mapping"],
    ["an unquoted template, the usual way to write a mapping key", "template: {{CALL_ID}}\n", "syntax 1:12-1:21 a key must be a string, found a mapping"],
    ["an alias of a list", "a: &l [1]\n*l : 2\n", "syntax 2:1-2:3 a key must be a string, found an alias of a list"],
  ])("%s", (_, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });
});

describe("duplicate keys", () => {
  it.each([
    ["through an alias", "&a a: 1\n*a : 2\n", "duplicate-key 2:1-2:3 duplicate key `a`"],
    ["through an alias of a value", "a: &b b\nb: 1\n*b : 2\n", "duplicate-key 3:1-3:3 duplicate key `b`"],
    ["as written", "a: 1\nb: 2\na: 3\n", "duplicate-key 3:1-3:2 duplicate key `a`"],
    ["written two ways", '1: a\n"1": b\n', "duplicate-key 2:1-2:4 duplicate key `1`"],
    ["in JSON, nested", '{"a": {"c": 1, "c": 2}}', "duplicate-key 1:16-1:19 duplicate key `c`"],
  ])("%s", (_, text, expected) => {
    expect(problems(text)).toEqual([expected]);
  });

  it("are only keys of the same mapping", () => {
    expect(problems("a: &x {k: 1}\nb: {k: 2}\nc: *x\n")).toEqual([]);
  });

  it("leave YAML 1.1 merge keys alone", () => {
    expect(problems("%YAML 1.1\n---\nb: &b {x: 1}\nc: &c {z: 1}\nm:\n  <<: *b\n  <<: *c\n")).toEqual([]);
  });
});

describe("a key written as an alias", () => {
  it("is located at the alias, not at its anchor", () => {
    expect(keySpan("a: &b b\n*b : 1\n", "/b")).toBe("2:1-2:3");
  });

  it("leads into its value", () => {
    expect(keySpan("a: &b b\n*b :\n  c: 1\n", "/b/c")).toBe("3:3-3:4");
  });
});

describe("no warning from the YAML library", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("reaches process.emitWarning, whatever the keys", () => {
    const emitWarning = vi.spyOn(process, "emitWarning");
    const texts = [`${minimalPolicy("p")}? [x]\n: 2\n`, `${minimalPolicy("q")}? {a: 1}\n: 2\n`, "a: &l [1]\n*l : 2\n"];
    const result = validateSources(texts.map((text, i) => source(`k${i}.yaml`, text)));
    expect(result.diagnostics.map((d) => d.code)).toEqual(["yaml-syntax", "yaml-syntax", "yaml-syntax"]);
    expect(emitWarning).not.toHaveBeenCalled();
  });
});
