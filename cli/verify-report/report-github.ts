import { escapeText } from "@crm-policy/runtime/toolchain";
import { escapeData, escapeProperty } from "../../compiler/diagnostics/format-github.js";
import type { SourceFile } from "../../compiler/passes/parse.js";
import type { PolicyVerification } from "../../verify/verify-policy.js";
import { placeOf } from "./locate.js";
import { counterexampleLines } from "./counterexample-lines.js";

/**
 * GitHub Actions workflow commands: an error annotation per violated property, on the policy's
 * `expect` entry or on the setting the invariant speaks about, with the counterexample (lines
 * `simulate` replays) and the decisions in the message.
 */
export function reportGithub(verifications: readonly PolicyVerification[], sources: readonly SourceFile[]): string {
  const out: string[] = [];
  for (const v of verifications) {
    const source = sources.find((s) => s.file === v.policy.file);
    const names = (v.policy.source.expect ?? []).map((e) => e.name);
    for (const { property, counterexample: c } of v.results) {
      if (c === undefined) continue;
      const place = source === undefined ? { file: v.policy.file, line: 1, column: 1, endLine: 1, endColumn: 1 } : placeOf(source, property, names);
      const properties = [
        `file=${escapeProperty(place.file)}`,
        `line=${place.line}`,
        `col=${place.column}`,
        `endLine=${place.endLine}`,
        `endColumn=${place.endColumn}`,
        `title=${escapeProperty(escapeText(`verify ${v.policy.name}: ${property.title}`))}`,
      ];
      const message = [
        escapeText(c.violation.message),
        `counterexample (${c.foundBy}), replay with: crm-policy simulate --policy ${escapeText(v.policy.file)}${c.trace.records.length > 0 ? " --records records.jsonl" : ""} --events -`,
        ...counterexampleLines(c),
      ].join("\n");
      out.push(`::error ${properties.join(",")}::${escapeData(message)}\n`);
    }
  }
  return out.join("");
}
