// A bundle that passes the digest is not trusted structurally: anyone can recompute the digest.
// Each case changes a valid bundle, writes the digest again, and must be refused at load with a
// BundleError that says what is wrong, rather than crash or misbehave later.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { compileSources } from "../../compiler/pipeline.js";
import { readSources } from "../../cli/source-files.js";
import { canonicalJson } from "../../runtime/bundle/canonical-json.js";
import { bundleDigest } from "../../runtime/bundle/digest.js";
import { BundleError, loadBundle, type PolicyBundle } from "../../runtime/index.js";

const compiled = compileSources(readSources(["policies"])).bundle;
if (compiled === undefined) throw new Error("example policies do not compile");
const valid = compiled.value;

type Json = Record<string, unknown>;

/** The bundle changed by `edit` (on a copy of its first policy), digest recomputed. */
function edited(edit: (policy: Json, bundle: Json) => void): string {
  const bundle = structuredClone(valid) as unknown as Json;
  edit((bundle["policies"] as Json[])[0] as Json, bundle);
  return canonicalJson({ ...bundle, digest: bundleDigest(bundle) });
}

function refusal(text: string): string {
  try {
    loadBundle(text);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    return (error as Error).message;
  }
  throw new Error("the bundle loaded");
}

function nested(depth: number): Json {
  let condition: Json = { op: "==", left: { attribute: "channel" }, right: { value: "voice" } };
  for (let i = 0; i < depth; i++) condition = { op: "not", arg: condition };
  return condition;
}

/**
 * A bundle with `deepText` (canonical JSON too deep for a recursive writer) where `edit` puts a
 * placeholder, its digest computed over the text as the compiler would: what an attacker's tool does.
 */
function withDeepText(edit: (policy: Json, bundle: Json, placeholder: unknown) => void, deepText: string): string {
  const placeholder = "\u0000deep";
  const bundle = structuredClone(valid) as unknown as Json;
  edit((bundle["policies"] as Json[])[0] as Json, bundle, placeholder);
  const content = canonicalJson({ ...bundle, digest: undefined }).replace(JSON.stringify(placeholder), deepText);
  const digest = "sha256:" + createHash("sha256").update(content).digest("hex");
  return canonicalJson({ ...bundle, digest }).replace(JSON.stringify(placeholder), deepText);
}

const deepCondition = (depth: number) =>
  '{"arg":'.repeat(depth) + '{"left":{"attribute":"channel"},"op":"==","right":{"value":"voice"}}' + ',"op":"not"}'.repeat(depth);

describe("a bundle with its digest recomputed is refused when", () => {
  it("a policy has no `records`", () => {
    expect(refusal(edited((p) => delete p["records"]))).toBe(
      "bundle structure: at /policies/0: must have required property 'records'; the bundle was not written by `crm-policy compile`, or was changed",
    );
  });

  it("`sessionTypes` is null", () => {
    expect(refusal(edited((p) => (p["sessionTypes"] = null)))).toMatch(/^bundle structure: at \/policies\/0\/sessionTypes: must be array/);
  });

  it("the title's time zone is not one Intl knows", () => {
    expect(refusal(edited((p) => ((p["title"] as Json)["timeZone"] = "Mars/Olympus_Mons")))).toBe(
      'bundle content: policy "acme-support": title.timeZone: unknown time zone "Mars/Olympus_Mons"',
    );
  });

  it("an override's time zone is not one Intl knows", () => {
    const text = edited(
      (p) => (
        (p["overrides"] as Json[]).push({ when: "true", condition: { op: "and", args: [] }, records: {}, title: { timeZone: "Europe/Atlantis" }, tags: {} }),
        undefined
      ),
    );
    expect(refusal(text)).toMatch(/^bundle content: policy "acme-support": overrides\/\d+\/title\.timeZone: unknown time zone "Europe\/Atlantis"$/);
  });

  it('`abandonedChats` is "bogus"', () => {
    expect(refusal(edited((p) => ((p["records"] as Json)["abandonedChats"] = "bogus")))).toMatch(
      /^bundle structure: at \/policies\/0\/records\/abandonedChats: must be one of "none", "all", "min"/,
    );
  });

  it('a title variable is `{var: "constructor"}`', () => {
    expect(refusal(edited((p) => ((p["title"] as Json)["segments"] = ["Call ", { var: "constructor" }])))).toMatch(
      /^bundle structure: at \/policies\/0\/title\/segments\/1\/var: must be one of "CALL_TYPE", "CALL_ID", "MENU_PATH", "PHONE_NUMBER", "LANGUAGE", "TIMESTAMP"/,
    );
  });

  it("a title literal holds control characters (ESC, CR LF, NUL, a lone surrogate)", () => {
    for (const literal of ["\u001b[31mred", "x\r\nSubject: injected", "nul\u0000", "half \ud800 pair", "next\u0085line"]) {
      expect(refusal(edited((p) => ((p["title"] as Json)["segments"] = [literal, { var: "CALL_ID" }])))).toBe(
        'bundle content: policy "acme-support": title.segments/0: text with a control character, line break or lone surrogate (no title or tag may hold one)',
      );
    }
    // a surrogate pair is text like any other
    expect(() => loadBundle(edited((p) => ((p["title"] as Json)["segments"] = ["\ud83d\udcde ", { var: "CALL_ID" }])))).not.toThrow();
  });

  it("a condition is nested 5,000 deep (and 100,000 deep): a BundleError, not a RangeError", () => {
    for (const depth of [5_000, 100_000]) {
      const text = withDeepText(
        (p, _b, deep) => ((p["overrides"] as Json[])[0] = { ...((p["overrides"] as Json[])[0] as Json), condition: deep }),
        deepCondition(depth),
      );
      expect(JSON.parse(text)).toBeTypeOf("object");
      expect(refusal(text)).toBe('bundle content: policy "acme-support": overrides/0/condition: nested deeper than 200 levels');
    }
    // the digest is written right: the same text, shallow, loads
    expect(() =>
      loadBundle(
        withDeepText((p, _b, deep) => ((p["overrides"] as Json[])[0] = { ...((p["overrides"] as Json[])[0] as Json), condition: deep }), deepCondition(3)),
      ),
    ).not.toThrow();
    // as deep as the compiler ever writes is fine
    expect(() =>
      loadBundle(edited((p) => ((p["overrides"] as Json[])[0] = { ...((p["overrides"] as Json[])[0] as Json), condition: nested(150) }))),
    ).not.toThrow();
  });

  it("any value is nested 5,000 deep where the schema has none", () => {
    const deep = "[".repeat(5_000) + "]".repeat(5_000);
    expect(refusal(withDeepText((_p, b, placeholder) => (b["extra"] = placeholder), deep))).toBe(
      'bundle structure: the bundle: unknown field "extra"; the bundle was not written by `crm-policy compile`, or was changed',
    );
    expect(refusal(withDeepText((p, _b, placeholder) => ((p["tags"] as Json)["platform"] = placeholder), deep))).toMatch(
      /^bundle structure: at \/policies\/0\/tags\/platform: must be string,null/,
    );
  });

  it("a condition is not a well-formed tree", () => {
    const cases: [unknown, string][] = [
      [{ op: "xor", args: [] }, 'unknown operator "xor"'],
      [{ op: "and", args: {} }, "`and` takes exactly `args`, a list of conditions"],
      [{ op: "not" }, "`not` takes exactly `arg`, a condition"],
      [{ op: "==", left: { attribute: "constructor" }, right: { value: "x" } }, 'unknown attribute "constructor"'],
      [{ op: "==", left: { attribute: "decision" }, right: { value: "create" } }, 'unknown attribute "decision"'],
      [{ op: "in", left: { attribute: "queue" }, right: { value: [["a"]] } }, "a value that is not a string, a safe integer, a boolean or a list of those"],
      [{ op: "<", left: { attribute: "queue" }, right: { value: 1e300 } }, "a value that is not a string, a safe integer, a boolean or a list of those"],
      [{ op: "==", left: { attribute: "queue", value: "a" }, right: { value: "a" } }, "an operand that is neither {attribute} nor {value}"],
      [{ op: "==", left: { attribute: "queue" } }, "`==` takes exactly `left` and `right`"],
    ];
    for (const [condition, problem] of cases) {
      const text = edited((p) => ((p["overrides"] as Json[])[0] = { ...((p["overrides"] as Json[])[0] as Json), condition }));
      expect(refusal(text)).toBe(`bundle content: policy "acme-support": overrides/0/condition: ${problem}`);
    }
  });

  it("statuses, session types or names contradict each other", () => {
    expect(refusal(edited((p) => ((p["crm"] as Json)["reopenStatus"] = ((p["crm"] as Json)["closedStatuses"] as string[])[0])))).toMatch(
      /crm\.reopenStatus "Closed" is a closed status$/,
    );
    expect(refusal(edited((p) => ((p["crm"] as Json)["closedStatuses"] = [])))).toMatch(/crm\.closedStatuses is empty$/);
    expect(refusal(edited((p) => (p["sessionTypes"] as Json[]).push({ ...((p["sessionTypes"] as Json[])[0] as Json) })))).toMatch(
      /sessionTypes\/\d+: a second session type named "Voice Inbound \(IVR\)"$/,
    );
    expect(refusal(edited((_p, b) => (b["policies"] as Json[]).push(structuredClone((b["policies"] as Json[])[0] as Json))))).toBe(
      'bundle content: two policies are named "acme-support"',
    );
    expect(refusal(edited((p) => ((p["crm"] as Json)["subjectLimit"] = 0)))).toMatch(/^bundle structure: at \/policies\/0\/crm\/subjectLimit: must be >= 1/);
  });

  it("the signature block is malformed, even with no keys trusted", () => {
    expect(refusal(edited((_p, b) => (b["signature"] = { keyId: "x", digest: valid.digest, value: "" })))).toMatch(
      /^bundle structure: at \/signature\/keyId: must match pattern/,
    );
  });
});

it("the example bundle and the hostile cases' starting point load", () => {
  expect(loadBundle(compiled.text).names).toHaveLength(4);
  expect(loadBundle(edited(() => undefined)).digest).toBe(valid.digest);
  expect((JSON.parse(edited(() => undefined)) as PolicyBundle).digest).toBe(valid.digest);
});
