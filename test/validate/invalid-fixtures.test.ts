// The invalid fixtures, driven by test/fixtures/invalid/expected.yaml: the whole folder is
// validated in one call (duplicate-name is a cross-file check), then each file's diagnostics
// must be exactly the manifest's list, as `<code> <line>:<column>`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { codes, type Code } from "../../compiler/diagnostics/codes.js";
import { sortDiagnostics } from "../../compiler/diagnostics/diagnostic.js";
import { validateSources } from "../../compiler/pipeline.js";
import { brief, fixtureSources, invalidFolder, manifestName } from "./support.js";

const manifest = parse(readFileSync(join(invalidFolder, manifestName), "utf8")) as Record<string, string[] | null>;
const sources = fixtureSources(invalidFolder);
const files = sources.map((s) => s.file);
const result = validateSources(sources);
const of = (file: string) => result.diagnostics.filter((d) => d.file === file);
const expected = (file: string) => [...(manifest[file] ?? [])];

/**
 * Codes no fixture of this folder can produce. `no-policies` is about a folder without policy
 * files and `tag-too-long` needs a catalog with a long session type name (both in
 * separate-codes.test.ts, like `read-error`, which needs a file that cannot be read;
 * `internal-error` needs a check that throws: internal-error.test.ts). Strings,
 * not `Code`s, so that removing a code from codes.ts does not break this file.
 */
const notFromFixtures: readonly string[] = ["no-policies", "tag-too-long", "read-error", "internal-error"];

/** Codes whose diagnostics always say what to do instead. */
const alwaysHelped: readonly string[] = [
  "not-utf8",
  "missing-property",
  "unknown-property",
  "unsupported-api-version",
  "unknown-kind",
  "tags-not-supported",
  "closed-within-days-needs-append",
  "duplicate-name",
  "reopen-status-is-closed",
  "unknown-time-zone",
  "template-syntax",
  "template-unknown-variable",
  "template-helper",
  "template-block",
  "template-unescaped",
  "template-path",
  "template-comment",
  "template-multiline",
  "template-whitespace-control",
  "template-brackets",
  "template-inner-whitespace",
  "template-too-long",
  "condition-syntax",
  "condition-unknown-attribute",
  "condition-outcome-attribute",
  "condition-type-mismatch",
  "condition-never-holds",
  "condition-unknown-session-type",
  "condition-constant",
];

const readingCodes: readonly string[] = ["read-error", "not-utf8", "empty-file", "yaml-syntax", "duplicate-key", "multiple-documents", "bundle-skipped"];

describe("the invalid fixtures folder", () => {
  it("holds at least 45 fixtures, YAML and JSON", () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(files.filter((f) => f.endsWith(".json")).length).toBeGreaterThanOrEqual(5);
    expect(files.filter((f) => f.endsWith(".yaml")).length).toBeGreaterThanOrEqual(40);
  });

  it("holds the byte-level cases: empty, non-UTF-8, UTF-16, BOM, CRLF", () => {
    const bytes = (file: string) => sources.find((s) => s.file === file)?.bytes ?? new Uint8Array([1]);
    expect(bytes("read-empty.yaml").length).toBe(0);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes("read-not-utf8.yaml"))).toThrow();
    expect([...bytes("read-utf16le-bom.yaml").subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect([...bytes("read-utf16be-bom.json").subarray(0, 2)]).toEqual([0xfe, 0xff]);
    expect([...bytes("schema-bom-wrong-api-version.yaml").subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes("template-crlf.yaml"))).toContain("\r\n");
  });

  it("lists every fixture in the manifest, and every manifest entry is a fixture", () => {
    expect(Object.keys(manifest).sort()).toEqual(files);
  });

  it("gives every fixture a unique metadata.name, except the duplicate-name pairs", () => {
    const names = new Map<string, string[]>();
    for (const { file, bytes } of sources) {
      for (const [, name = ""] of new TextDecoder().decode(bytes).matchAll(/(?:^|[\s{,])"?name"?\s*:\s*"?([^"\s,}]+)/gm))
        names.set(name, [...(names.get(name) ?? []), file]);
    }
    const shared = [...names.values()].filter((list) => list.length > 1);
    expect(shared).toEqual([
      ["meaning-duplicate-name-a.yaml", "meaning-duplicate-name-b.json"],
      ["meaning-duplicate-name-c.yaml", "meaning-duplicate-name-d.yaml"],
    ]);
  });

  it("reports diagnostics only for the fixtures given, sorted", () => {
    expect(result.ok).toBe(false);
    expect(result.diagnostics.every((d) => files.includes(d.file))).toBe(true);
    expect(result.diagnostics).toEqual(sortDiagnostics(result.diagnostics));
  });

  it("covers every diagnostic code but the ones no fixture can produce", () => {
    const expectedCodes = new Set(Object.values(manifest).flatMap((list) => (list ?? []).map((entry) => entry.split(" ")[0])));
    const missing = (Object.keys(codes) as Code[]).filter((code) => !notFromFixtures.includes(code) && !expectedCodes.has(code));
    expect(missing).toEqual([]);
  });
});

describe.each(files)("%s", (file) => {
  it("reports exactly the manifest's diagnostics", () => {
    expect(of(file).map(brief).sort()).toEqual(expected(file).sort());
  });

  it("reports well-formed diagnostics", () => {
    for (const d of of(file)) {
      expect(d.severity).toBe(codes[d.code]);
      expect(d.message.trim()).not.toBe("");
      // the written style: no trailing period
      expect(d.message).not.toMatch(/\.$/);
      expect(d.pointer === "" || d.pointer.startsWith("/")).toBe(true);
      if (readingCodes.includes(d.code)) expect(d.pointer).toBe("");
      else if (d.code.startsWith("template-")) expect(d.pointer).toMatch(/^(\/overrides\/\d+)?\/title\/template$/);
      else if (d.code.startsWith("condition-")) expect(d.pointer).toMatch(/^\/overrides\/\d+\/when$/);
      else if (d.code !== "missing-property" && d.code !== "wrong-type") expect(d.pointer).not.toBe("");
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
      expect(d.endLine > d.line || (d.endLine === d.line && d.endColumn >= d.column)).toBe(true);
      if (alwaysHelped.includes(d.code)) expect(d.help?.trim()).toBeTruthy();
      if (d.help?.startsWith("did you mean")) expect(d.help).toMatch(/^did you mean `[^`]+`\?$/);
    }
  });
});

/** Exact wording of some diagnostics: [file, `<code> <line>:<column>`, message, help]. */
const pinned: [string, string, string, string | undefined][] = [
  ["schema-unknown-property-did-you-mean.yaml", "unknown-property 9:5", "unknown property `delayUntilConected`", "did you mean `delayUntilConnected`?"],
  ["schema-unknown-property-json.json", "unknown-property 6:41", "unknown property `timezone`", "did you mean `timeZone`?"],
  ["schema-abandoned-misspelled.yaml", "unknown-property 9:18", "unknown property `minConsumerMessage`", "did you mean `minConsumerMessages`?"],
  ["schema-unknown-property-no-suggestion.yaml", "unknown-property 5:3", "unknown property `owner`", "allowed here: `name`, `description`"],
  ["schema-invalid-crm-system.yaml", "invalid-value 6:11", "`salesfroce` is not a valid `system`", "did you mean `salesforce`?"],
  ["template-unknown-variable.yaml", "template-unknown-variable 8:28", "unknown title variable `CALLID`", "did you mean `CALL_ID`?"],
  ["template-double-quoted-escapes.yaml", "template-unknown-variable 8:59", "unknown title variable `CALLTYPE`", "did you mean `CALL_TYPE`?"],
  [
    "template-unknown-variable-no-suggestion.yaml",
    "template-unknown-variable 8:20",
    "unknown title variable `AGENT_NAME`",
    "use one of {{CALL_TYPE}} {{CALL_ID}} {{MENU_PATH}} {{PHONE_NUMBER}} {{LANGUAGE}} {{TIMESTAMP}}",
  ],
  ["meaning-unknown-time-zone.yaml", "unknown-time-zone 8:13", "unknown time zone `Europe/Berln`", "did you mean `Europe/Berlin`?"],
  [
    "meaning-unknown-time-zone-no-suggestion.yaml",
    "unknown-time-zone 9:13",
    "unknown time zone `Mars/Olympus_Mons`",
    "use an IANA zone such as `Europe/Berlin` or `UTC`",
  ],
  [
    "schema-wrong-api-version.yaml",
    "unsupported-api-version 1:13",
    "unsupported apiVersion `crm-policy/v2`",
    "this version of crm-policy reads `crm-policy/v1`",
  ],
  ["schema-wrong-kind.yaml", "unknown-kind 2:7", "unknown kind `Policy`", "use `RecordCreationPolicy`"],
  ["schema-invalid-name-pattern.yaml", "invalid-name 4:9", "policy name `Acme_Support` must be lowercase letters, digits and dashes", "try `acme-support`"],
  ["schema-missing-name.yaml", "missing-property 3:1", "missing required property `name` in `metadata`", "add `name:`"],
  ["schema-missing-override-when.yaml", "missing-property 8:5", "missing required property `when` in `overrides[0]`", "add `when:`"],
  ["schema-out-of-range.yaml", "out-of-range 10:23", "`closedWithinDays` must be >= 1, found 0", undefined],
  ["schema-wrong-type-boolean.yaml", "wrong-type 9:19", "`toOpenRecord` must be true or false, found a string `yes`", undefined],
  ["schema-wrong-type-integer.yaml", "wrong-type 10:23", "`closedWithinDays` must be a whole number, found the number `Infinity`", undefined],
  ["schema-invalid-statuses.yaml", "invalid-value 7:32", "`closedStatuses` lists the same item twice", undefined],
  ["read-duplicate-key.yaml", "duplicate-key 7:3", "duplicate key `system`", undefined],
  ["read-duplicate-key.json", "duplicate-key 6:3", "duplicate key `crm`", undefined],
  ["read-duplicate-key-alias.yaml", "duplicate-key 7:1", "duplicate key `apiVersion`", undefined],
  [
    "read-collection-key.yaml",
    "yaml-syntax 7:3",
    "a key must be a string, found a list",
    'in YAML, text that starts with `{` or `[` is a mapping or a list: put it in quotes, as in `template: "{{CALL_ID}}"`',
  ],
  ["schema-alias-key.yaml", "unknown-property 6:3", "unknown property `b`", "allowed here: `name`, `description`"],
  [
    "read-unquoted-template.yaml",
    "yaml-syntax 8:14",
    "a key must be a string, found a mapping",
    'in YAML, text that starts with `{` or `[` is a mapping or a list: put it in quotes, as in `template: "{{CALL_ID}}"`',
  ],
  ["read-utf16le-bom.yaml", "not-utf8 1:1", "file is UTF-16, not UTF-8", "save the file as UTF-8"],
  ["read-not-utf8.yaml", "not-utf8 5:19", "file is not valid UTF-8: byte 0xe9 at offset 103", "save the file as UTF-8"],
  ["read-empty.yaml", "empty-file 1:1", "file is empty", undefined],
  ["read-multiple-documents.yaml", "multiple-documents 7:1", "a policy file holds one YAML document, found more", undefined],
  [
    "meaning-duplicate-name-b.json",
    "duplicate-name 4:25",
    "policy name `shared-name` is already used",
    "first used in meaning-duplicate-name-a.yaml:4:9; names are unique in a bundle",
  ],
  [
    "meaning-duplicate-name-d.yaml",
    "duplicate-name 4:9",
    "policy name `shared-name-with-errors` is already used",
    "first used in meaning-duplicate-name-c.yaml:5:9; names are unique in a bundle",
  ],
  [
    "meaning-tags-not-supported.yaml",
    "tags-not-supported 8:16",
    "Salesforce records have no tags, but `tags.sessionType` is on",
    "remove the `tags` section or set it to false",
  ],
  [
    "meaning-closed-within-days-without-append.yaml",
    "closed-within-days-needs-append 9:5",
    "`closedWithinDays` has no effect unless `toOpenRecord` is true",
    "set `toOpenRecord: true` or remove `closedWithinDays`",
  ],
  [
    "meaning-reopen-status-closed-default-reopen.yaml",
    "reopen-status-is-closed 9:7",
    "reopen status `Open` is one of the closed statuses",
    "a reopened record must be open: pick a status not in [Resolved, Open]",
  ],
  [
    "meaning-reopen-status-closed-default-statuses.yaml",
    "reopen-status-is-closed 7:17",
    "reopen status `solved` is one of the closed statuses",
    "a reopened record must be open: pick a status not in [solved, closed]",
  ],
  [
    "template-syntax-second-line.yaml",
    "template-syntax 10:33",
    "title template does not parse: unexpected `}}`",
    "a variable is written `{{NAME}}`; a literal `{{` is written `\\{{`",
  ],
  [
    "template-triple-stash.yaml",
    "template-unescaped 8:29",
    "raw output (`{{{...}}}` or `{{&...}}`) is not allowed in titles",
    "use `{{NAME}}`: titles are plain text",
  ],
  [
    "template-path-constructor.yaml",
    "template-path 8:28",
    "`constructor.name` is not a title variable: paths, `this` and `@data` are not allowed",
    "use one of {{CALL_TYPE}} {{CALL_ID}} {{MENU_PATH}} {{PHONE_NUMBER}} {{LANGUAGE}} {{TIMESTAMP}}",
  ],
  [
    "template-whitespace-control.yaml",
    "template-whitespace-control 8:18",
    "whitespace control (`~`) is not allowed in titles: it removes the spaces written next to the variable",
    "write `{{CALL_ID}}`",
  ],
  [
    "template-brackets-whitespace-control.yaml",
    "template-whitespace-control 8:16",
    "whitespace control (`~`) is not allowed in titles: it removes the spaces written next to the variable; the braces also hold brackets",
    "write `{{CALL_ID}}`",
  ],
  [
    "template-brace-after-variable.yaml",
    "template-syntax 8:33",
    "title template does not parse: unexpected `}}}`",
    "a `}` cannot follow a variable directly (Handlebars reads `}}}` as the end of `{{{`): put text between them",
  ],
  ["template-brackets.yaml", "template-brackets 8:16", "brackets around a variable name are not allowed in titles", "write `{{CALL_ID}}`"],
  ["template-inner-spaces.yaml", "template-inner-whitespace 8:21", "whitespace inside `{{...}}` is not allowed in titles", "write `{{CALL_ID}}`"],
  [
    "template-inner-line-break.yaml",
    "template-multiline 8:16",
    "a title is one line of text: the template has a line break inside `{{...}}`",
    "write `{{CALL_ID}}`",
  ],
  [
    "template-too-long.yaml",
    "template-too-long 8:13",
    "the template's own text is 325 characters, over the 255-character subject limit",
    "shorten the template: titles are cut at the limit",
  ],
  ["condition-unknown-attribute.yaml", "condition-unknown-attribute 8:11", "unknown attribute `chanel`", "did you mean `channel`?"],
  ["condition-double-quoted-escapes.yaml", "condition-unknown-attribute 8:39", "unknown attribute `chanel`", "did you mean `channel`?"],
  ["condition-literal-block.yaml", "condition-unknown-attribute 10:11", "unknown attribute `lang`", "use `language`"],
  ["condition-syntax.yaml", "condition-syntax 9:21", "unexpected character `=`", "compare with `==`"],
  ["condition-never-holds.yaml", "condition-never-holds 8:22", '`channel` is never `"sms"`: it is `"voice"` or `"chat"`', 'compare with `"voice"` or `"chat"`'],
  [
    "condition-unknown-session-type.yaml",
    "condition-unknown-session-type 8:26",
    '`"Voice Inbound (IVR) "` is not a session type in the catalog',
    'did you mean `"Voice Inbound (IVR)"`?',
  ],
];

describe("pinned wording", () => {
  it.each(pinned)("%s: %s", (file, at, message, help) => {
    const matches = of(file).filter((d) => brief(d) === at);
    expect(matches).toHaveLength(1);
    expect(matches[0]?.message).toBe(message);
    expect(matches[0]?.help).toBe(help);
  });
});

describe("pinned spans", () => {
  // The manifest pins where a problem starts; these pin where it ends, for the cases that were wrong once.
  const span = (file: string, at: string) => {
    const d = of(file).find((x) => brief(x) === at);
    return d === undefined ? undefined : `${d.line}:${d.column}-${d.endLine}:${d.endColumn}`;
  };

  it("underlines a whole duplicate key", () => {
    expect(span("read-duplicate-key.yaml", "duplicate-key 7:3")).toBe("7:3-7:9");
  });

  it("underlines a key where it is written: a list, an alias, an alias that repeats a key", () => {
    expect(span("read-collection-key.yaml", "yaml-syntax 7:3")).toBe("7:3-7:6");
    expect(span("schema-alias-key.yaml", "unknown-property 6:3")).toBe("6:3-6:5");
    expect(span("read-unquoted-template.yaml", "yaml-syntax 8:14")).toBe("8:14-8:25");
    expect(span("read-duplicate-key-alias.yaml", "duplicate-key 7:1")).toBe("7:1-7:3");
  });

  it("underlines the alias that has no anchor", () => {
    expect(span("read-unresolved-alias.yaml", "yaml-syntax 7:10")).toBe("7:10-7:17");
  });

  it("underlines a mustache after escapes in a double-quoted string", () => {
    expect(span("template-double-quoted-escapes.yaml", "template-unknown-variable 8:59")).toBe("8:59-8:71");
  });

  it("underlines an escape sequence that makes a template multi-line", () => {
    expect(span("template-multiline-escapes.yaml", "template-multiline 8:27")).toBe("8:27-8:29");
  });

  it("ends a line break problem in a block scalar at that line's end", () => {
    expect(span("template-multiline-literal-block.yaml", "template-multiline 9:18")).toBe("9:18-10:1");
    expect(span("template-crlf.yaml", "template-multiline 9:18")).toBe("9:18-10:1");
  });

  it("underlines a mustache on the second line of a CRLF block scalar", () => {
    expect(span("template-crlf.yaml", "template-unknown-variable 10:17")).toBe("10:17-10:25");
  });

  it("underlines the characters between the braces that are not the variable's name", () => {
    expect(span("template-whitespace-control.yaml", "template-whitespace-control 8:18")).toBe("8:18-8:27");
    expect(span("template-whitespace-control-open.yaml", "template-whitespace-control 8:16")).toBe("8:16-8:17");
    expect(span("template-whitespace-control-close.yaml", "template-whitespace-control 8:25")).toBe("8:25-8:26");
    expect(span("template-brackets.yaml", "template-brackets 8:16")).toBe("8:16-8:25");
    expect(span("template-brackets-whitespace-control.yaml", "template-whitespace-control 8:16")).toBe("8:16-8:26");
    expect(span("template-inner-spaces.yaml", "template-inner-whitespace 8:21")).toBe("8:21-8:30");
    expect(span("template-inner-tab.yaml", "template-inner-whitespace 8:16")).toBe("8:16-8:18");
    expect(span("template-inner-no-break-space.yaml", "template-inner-whitespace 8:23")).toBe("8:23-8:29");
    expect(span("template-inner-line-break.yaml", "template-multiline 8:16")).toBe("8:16-8:18");
    expect(span("template-inner-crlf.yaml", "template-multiline 8:23")).toBe("8:23-8:27");
  });

  it("underlines the whole unexpected token of a template syntax error", () => {
    expect(span("template-syntax-empty-mustache.yaml", "template-syntax 8:30")).toBe("8:30-8:32");
  });
});
