// Whatever a file holds, the validator answers with diagnostics (or success) and never throws;
// every diagnostic has a known code and a position inside the file.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify, Scalar } from "yaml";
import { codes } from "../../compiler/diagnostics/codes.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import type { SourceFile } from "../../compiler/passes/parse.js";
import { validateSources, type Validation } from "../../compiler/pipeline.js";

const runs = Number(process.env["CRM_POLICY_RUNS"] ?? 200);

// Plain checks rather than expect(): they run for every diagnostic of thousands of inputs.
function validate(sources: SourceFile[]): Validation {
  const result = validateSources(sources);
  for (const d of result.diagnostics) {
    const problem = malformed(d);
    if (problem !== undefined) throw new Error(`${problem}: ${JSON.stringify(d)}`);
  }
  if (result.ok !== !result.diagnostics.some((d) => d.severity === "error")) throw new Error("`ok` disagrees with the diagnostics");
  return result;
}

const knownCodes = new Set(Object.keys(codes));

function malformed(d: Diagnostic): string | undefined {
  if (!knownCodes.has(d.code)) return "unknown code";
  if (d.severity !== codes[d.code]) return "wrong severity";
  if (d.message === "") return "empty message";
  if (!Number.isInteger(d.line) || d.line < 1) return "line below 1";
  if (!Number.isInteger(d.column) || d.column < 1) return "column below 1";
  if (!(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column))) return "end before start";
  if (typeof d.pointer !== "string") return "no pointer";
  return undefined;
}

const bytes = (text: string) => new TextEncoder().encode(text);

/** A policy that uses every setting; the properties below replace parts of it. */
const base = {
  apiVersion: "crm-policy/v1",
  kind: "RecordCreationPolicy",
  metadata: { name: "fuzzed", description: "every setting" },
  crm: { system: "zendesk", closedStatuses: ["solved", "closed"], reopenStatus: "open" },
  records: {
    append: { toOpenRecord: true, closedWithinDays: 3 },
    calls: { delayUntilConnected: true, createForAbandoned: true },
    chats: { minConsumerMessages: 2, abandoned: { minConsumerMessages: 1 }, shortAbandonSeconds: 20 },
  },
  title: { template: "{{CALL_TYPE}} {{CALL_ID}}", timeZone: "Europe/Berlin" },
  tags: { sessionType: true, platform: true },
  overrides: [{ when: 'channel == "chat"', records: { append: { closedWithinDays: 1 } } }],
};

/** Every path into `base`, the root excluded. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...paths(child, [...prefix, key])]);
}

const interesting = fc.constantFrom<unknown>(
  null,
  "",
  0,
  -1,
  1.5,
  Number.MAX_SAFE_INTEGER,
  true,
  "none",
  "all",
  "salesforce",
  "freshdesk",
  "Closed",
  "open",
  "Europe/Berln",
  "{{CALL_ID",
  "{{#if x}}{{/y}}",
  "{{constructor.name}}",
  "{{{CALL_ID}}}",
  "a\nb",
  "__proto__",
  [],
  {},
  { minConsumerMessages: 0 },
  [{ when: "" }],
);

/** `base` with some subtrees replaced by arbitrary values, or removed. */
const mutatedPolicy = fc
  .array(fc.tuple(fc.constantFrom(...paths(base)), fc.oneof(fc.jsonValue({ maxDepth: 3 }), interesting, fc.constant(undefined))), {
    minLength: 1,
    maxLength: 4,
  })
  .map((edits) => {
    const policy = structuredClone(base) as Record<string | number, unknown>;
    for (const [path, replacement] of edits) {
      let parent: unknown = policy;
      for (const key of path.slice(0, -1))
        parent = typeof parent === "object" && parent !== null ? (parent as Record<string | number, unknown>)[key] : undefined;
      if (typeof parent !== "object" || parent === null) continue;
      const last = path[path.length - 1]!;
      if (replacement === undefined) delete (parent as Record<string | number, unknown>)[last];
      // a copy: the constants above are shared between runs, and one edit may land inside another
      else (parent as Record<string | number, unknown>)[last] = structuredClone(replacement);
    }
    return policy;
  });

/** Either file form of a value: JSON, or YAML in block or flow style. */
const asFile = (value: unknown) =>
  fc.constantFrom<[string, string]>(
    ["p.json", JSON.stringify(value, null, 2) ?? "null"],
    ["p.yaml", stringify(value)],
    ["p.yaml", stringify(value, { collectionStyle: "flow" })],
  );

describe("the validator never throws", () => {
  it("on arbitrary JSON values, as JSON and as YAML", () => {
    fc.assert(
      fc.property(fc.jsonValue().chain(asFile), ([file, text]) => {
        validate([{ file, bytes: bytes(text) }]);
      }),
      { numRuns: runs },
    );
  });

  it("on a full policy with random subtrees replaced or removed", () => {
    fc.assert(
      fc.property(mutatedPolicy.chain(asFile), ([file, text]) => {
        validate([{ file, bytes: bytes(text) }]);
      }),
      { numRuns: runs },
    );
  });

  it("on arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (text) => {
        validate([{ file: "p.yaml", bytes: bytes(text) }]);
      }),
      { numRuns: runs },
    );
  });

  it("on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (data) => {
        validate([{ file: "p.yaml", bytes: data }]);
      }),
      { numRuns: runs },
    );
  });

  it("on a valid policy's text with characters inserted or deleted", () => {
    const text = stringify(base);
    const edit = fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 3 }), fc.string({ maxLength: 3, unit: fc.constantFrom(..." :-#{}[]\"'|>&*!\t\n\r\\") }));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let mutated = text;
        for (const [at, remove, insert] of edits) mutated = mutated.slice(0, at) + insert + mutated.slice(at + remove);
        validate([{ file: "p.yaml", bytes: bytes(mutated) }]);
      }),
      { numRuns: runs },
    );
  });

  it("on several files at once, with clashing names", () => {
    fc.assert(
      fc.property(fc.array(mutatedPolicy.chain(asFile), { minLength: 2, maxLength: 4 }), (files) => {
        validate(files.map(([file, text], i) => ({ file: `${i}-${file}`, bytes: bytes(text) })));
      }),
      { numRuns: Math.ceil(runs / 3) },
    );
  });
});

/** Pieces of title templates: variables, mistakes, and characters YAML has to quote or escape. */
const templatePiece = fc.constantFrom(
  "{{CALL_ID}}",
  "{{CALL_TYPE}}",
  "{{FOO}}",
  "{{this}}",
  "{{a.b}}",
  "{{lookup x}}",
  "{{#if x}}y{{/if}}",
  "{{!c}}",
  "{{> p}}",
  "{{{MENU_PATH}}}",
  " ",
  "x",
  "é",
  "😀",
  "\\",
  '"',
  "'",
  "#",
  ": ",
  " #",
  "\t",
  "  ",
  "\n",
  "\n\n",
  "\r\n",
  "\r",
  "\u0085",
  "\u2028",
  "\u2029",
);

const stringStyles = [Scalar.PLAIN, Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE, Scalar.BLOCK_LITERAL, Scalar.BLOCK_FOLDED] as const;

describe("template problems point into the template", () => {
  // Whatever scalar style the template is written in, a problem with a mustache starts at its `{{`.
  const mustacheCodes = new Set([
    "template-unknown-variable",
    "template-path",
    "template-helper",
    "template-block",
    "template-comment",
    "template-partial",
    "template-unescaped",
  ]);

  it("in every YAML string style", () => {
    fc.assert(
      fc.property(
        fc.array(templatePiece, { minLength: 1, maxLength: 8 }).map((pieces) => pieces.join("")),
        fc.constantFrom(...stringStyles),
        (template, style) => {
          const document = { ...base, title: { template, timeZone: "UTC" } };
          const text = stringify(document, { defaultStringType: style, defaultKeyType: Scalar.PLAIN, lineWidth: 0 });
          const { diagnostics } = validate([{ file: "p.yaml", bytes: bytes(text) }]);
          const lines = text.split("\n");
          const key = lines.findIndex((line) => line.startsWith("  template:"));
          const scalarColumn = "  template: ".length + 1;
          // only a folded block or a quoted string broken over lines may fall back to marking the whole scalar
          const header = lines[key] ?? "";
          const mayFallBack = header.startsWith("  template: >") || (!header.startsWith("  template: |") && lines[key + 1]?.startsWith("  timeZone:") !== true);
          for (const d of diagnostics.filter((x) => mustacheCodes.has(x.code))) {
            const at = (lines[d.line - 1] ?? "").slice(d.column - 1);
            const wholeScalar = mayFallBack && d.line === key + 1 && d.column === scalarColumn;
            expect(at.startsWith("{{") || wholeScalar, `${d.code} at ${d.line}:${d.column} in ${JSON.stringify(text)}`).toBe(true);
          }
        },
      ),
      { numRuns: runs },
    );
  });
});
