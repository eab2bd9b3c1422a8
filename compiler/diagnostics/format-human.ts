import type { Diagnostic } from "./diagnostic.js";

/** `file:line:col: error[code]: message`, the offending line underlined, then help. */
export function formatHuman(diagnostics: readonly Diagnostic[], texts: ReadonlyMap<string, string> = new Map()): string {
  const out: string[] = [];
  for (const d of diagnostics) {
    out.push(`${d.file}:${d.line}:${d.column}: ${d.severity}[${d.code}]: ${d.message}`);
    // a CRLF file's lines end in `\r`, which would send the terminal's cursor back over the excerpt
    const line = texts.get(d.file)?.split("\n")[d.line - 1]?.replace(/\r$/, "");
    if (line !== undefined && line.length <= 200) {
      const gutter = String(d.line).length;
      const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, line.length - d.column + 1);
      out.push(`${" ".repeat(gutter)} |`);
      out.push(`${d.line} | ${line.replace(/\t/g, " ")}`);
      out.push(`${" ".repeat(gutter)} | ${" ".repeat(d.column - 1)}${"^".repeat(width)}`);
    }
    if (d.help !== undefined) out.push(`  = help: ${d.help}`);
  }
  return out.length === 0 ? "" : out.join("\n") + "\n";
}

export function summary(diagnostics: readonly Diagnostic[], files: number): string {
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.length - errors;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")} in ${plural(files, "file")}\n`;
}
