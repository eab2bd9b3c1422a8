// Finding 6: text that reaches titles, tags and terminals. Lone surrogates, bidi overrides and
// zero-width characters reached titles, a lone surrogate counted as half a code point in the
// cut, Freshdesk and Kustomer tags kept CR, LF, NUL and ESC, and outside text was echoed raw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatGithub } from "../../compiler/diagnostics/format-github.js";
import { formatHuman } from "../../compiler/diagnostics/format-human.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { Decider, MemoryRecordStore, type Decision } from "../../runtime/index.js";
import { plainLine, isFormat } from "../../runtime/title/plain-text.js";
import { sessionTypeTag } from "../../runtime/tags/tag-forms.js";
import { escapeText } from "../../runtime/text/escape-text.js";
import { runCli } from "../support/run-cli.js";
import { compiled, policyYaml } from "./support.js";

/** What no title or tag may hold: control, format (bidi, zero-width) and lone surrogate code units. */
const unclean = /[\p{Cc}\p{Cf}\u2028\u2029]|\p{Cs}/u;
/** No lone surrogate (in a `u` regex, \p{Cs} matches only unpaired ones). */
const wellFormed = (text: string) => !/\p{Cs}/u.test(text);
const hostile = [
  "\ud800",
  "\udfff",
  "\u202e",
  "\u2066",
  "\u200b",
  "\u200d",
  "\ufeff",
  "\u00ad",
  "\u001b[31m",
  "\r\n",
  "\u0000",
  "\u0085",
  "\u2028",
  "\u{e0041}",
  "😀",
  "a",
];
const hostileText = fc.array(fc.constantFrom(...hostile), { maxLength: 12 }).map((parts) => parts.join(""));

function created(system: string, extra: string, start: Record<string, unknown>): Extract<Decision, { decision: "create" }> {
  const decider = new Decider(compiled(policyYaml(system, extra)), new MemoryRecordStore([]));
  const at = "2026-11-20T10:00:00Z";
  decider.receive({ type: "started", sessionId: "s1", at, channel: "voice", sessionType: "Voice Inbound", queue: "Q", ...start });
  const decision = decider.receive({ type: "connected", sessionId: "s1", at })[0];
  if (decision === undefined || !("decision" in decision) || decision.decision !== "create") throw new Error(`no record: ${JSON.stringify(decision)}`);
  return decision;
}

describe("titles", () => {
  it("are well-formed, without control or format characters, whatever the session's values", () => {
    const title = created("salesforce", "title:\n  template: '{{CALL_ID}} {{MENU_PATH}} {{PHONE_NUMBER}} {{LANGUAGE}}'\n", {
      sessionId: "s1",
      menuPath: "a\u202eb\u200bc\ud800d",
      phoneNumber: "\u2066+1\u2069\ufeff",
      language: "e\u001b[2Jn\u00ad",
    }).title;
    expect(title).toBe("s1 abc\ufffdd +1 e[2Jn");
    fc.assert(fc.property(hostileText, (value) => !unclean.test(plainLine(value)) && wellFormed(plainLine(value))));
  });

  it("are cut at code points: a lone surrogate is one, so the 255 limit is never 510 units", () => {
    const title = created("salesforce", "title:\n  template: '{{MENU_PATH}}'\n", { menuPath: "\ud800".repeat(600) }).title;
    expect([...title].length).toBe(255);
    expect(title.length).toBe(255);
  });

  it("format characters are exactly Unicode's category Cf", () => {
    for (let point = 0; point <= 0x10ffff; point++) {
      if (point >= 0xd800 && point <= 0xdfff) continue;
      if (isFormat(point) !== /\p{Cf}/u.test(String.fromCodePoint(point))) throw new Error(`U+${point.toString(16)}`);
    }
  });
});

describe("tags get the same cleaning on every CRM", () => {
  it.each([
    ["freshdesk", "verbatim", 32],
    ["kustomer", "parentheses_as_dash", 0],
    ["zendesk", "snake_case", 0],
  ] as const)("%s", (_system, tagStyle, tagLimit) => {
    const tag = sessionTypeTag("x\r\nSubject: injected\u0000\u001b[31m\u202e (IVR\u200b)", { tagStyle, tagLimit }) ?? "";
    expect(tag).not.toMatch(unclean);
    fc.assert(
      fc.property(hostileText, (name) => {
        const t = sessionTypeTag(name, { tagStyle, tagLimit }) ?? "";
        return !unclean.test(t) && wellFormed(t) && (tagLimit === 0 || [...t].length <= tagLimit);
      }),
    );
  });

  it("reach decisions clean: a Freshdesk tag from an unknown session type", () => {
    const decision = created("freshdesk", "tags:\n  sessionType: true\n", { sessionType: "x\r\nSubject: injected\u0000" });
    expect(decision.tags).toEqual(["x  Subject: injected"]);
  });
});

describe("text echoed to terminals and logs", () => {
  it("escapes control and format characters and lone surrogates, and leaves other text alone", () => {
    expect(escapeText("plain ünïcode 😀")).toBe("plain ünïcode 😀");
    expect(escapeText("a\nline 9: rejected\u001b[31m\u202e\ud800\t")).toBe("a\\nline 9: rejected\\u{1b}[31m\\u{202e}\\u{d800}\\t");
    fc.assert(fc.property(hostileText, (text) => !unclean.test(escapeText(text))));
  });

  it("simulate cannot forge a line, colour the terminal or reorder it from an event", async () => {
    const events = [
      JSON.stringify({ type: "ended", sessionId: "x\nline 7: rejected: forged\u001b[31m\u202e", at: "2026-11-20T10:00:00Z" }),
      "not json \u001b]0;title\u0007\u2028",
    ].join("\n");
    const { stderr } = await runCli(["simulate", "--policy", "policies/acme-support.yaml", "--events", "-"], events);
    const lines = stderr.split("\n").filter((l) => l !== "");
    // the `ended` of a session not started is held for its `started` until the end of input, then rejected at its own line
    expect(lines.map((l) => l.slice(0, 17))).toEqual(["line 2: rejected:", "line 1: rejected:", "sessions 0, creat"]);
    expect(stderr).not.toMatch(/[\u001b\u202e\u2028\u0007]/);
  });

  const diagnostic: Diagnostic = {
    code: "condition-unknown-attribute",
    severity: "error",
    message: "unknown attribute `x\u001b[2J`\n::error file=forged::injected",
    file: "evil\u202e.yaml",
    line: 1,
    column: 4,
    endLine: 1,
    endColumn: 9,
    pointer: "",
    help: "try\r\n::warning::also injected",
  };

  it("human diagnostics escape the message, the file name and the excerpt", () => {
    const out = formatHuman([diagnostic], new Map([[diagnostic.file, "ab\u001b[31mcdefgh\u202e"]]));
    expect(out).not.toMatch(/[\u001b\u202e\r]/);
    expect(out.split("\n").filter((l) => l.startsWith("::"))).toEqual([]);
  });

  it("GitHub output stays one annotation per line whatever the input", () => {
    for (const separator of ["\n", "\r", "\u2028", "\u0085", "\u000b", "\u000c"]) {
      const d = { ...diagnostic, message: `bad${separator}::error::injected`, help: `h${separator}::warning::x` };
      const out = formatGithub([d, d]);
      expect(out.split(/\r\n|[\n\r\u2028\u2029\u0085\u000b\u000c]/).filter((l) => l !== "")).toHaveLength(2);
    }
  });
});
