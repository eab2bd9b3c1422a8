import { escapeText } from "@crm-policy/runtime/toolchain";
import type { Diagnostic } from "./diagnostic.js";

/**
 * `file:line:col: error[code]: message`, the offending line underlined, then help. Everything
 * taken from the input (file names, messages that quote it, the excerpt) is escaped, so a
 * policy cannot move the terminal's cursor, colour its output or forge a line of its own.
 */
export function formatHuman(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string> = new Map()): string {
  const out: string[] = [];
  const lines = new Map<string, string[]>(); // each file split once, however many diagnostics it has
  const lineOf = (file: string, n: number): string | undefined => {
    let split = lines.get(file);
    if (split === undefined) {
      split = texts.get(file)?.split("\n") ?? [];
      lines.set(file, split);
    }
    // a CRLF file's lines end in `\r`, which would send the terminal's cursor back over the excerpt
    return split[n - 1]?.replace(/\r$/, "");
  };
  for (const d of diagnostics) {
    out.push(`${escapeText(d.file)}:${d.line}:${d.column}: ${d.severity}[${d.code}]: ${escapeText(d.message)}`);
    const line = lineOf(d.file, d.line);
    if (line !== undefined && line.length <= 200) {
      const gutter = String(d.line).length;
      const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, line.length - d.column + 1);
      const shown = (text: string) => escapeText(text.replace(/\t/g, " "));
      const before = shown(line.slice(0, d.column - 1)).length;
      const under = Math.max(1, shown(line.slice(d.column - 1, d.column - 1 + width)).length);
      out.push(`${" ".repeat(gutter)} |`);
      out.push(`${d.line} | ${shown(line)}`);
      out.push(`${" ".repeat(gutter)} | ${" ".repeat(before)}${"^".repeat(under)}`);
    }
    if (d.help !== undefined) out.push(`  = help: ${escapeText(d.help)}`);
  }
  return out.length === 0 ? "" : out.join("\n") + "\n";
}

export function summary(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}\n`;
}
