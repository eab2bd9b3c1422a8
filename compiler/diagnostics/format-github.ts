import { escapeText } from "@crm-policy/runtime/toolchain";
import type { Diagnostic } from "./diagnostic.js";

/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request,
 * one line each whatever the input: text from it has its control and format characters escaped
 * before the workflow-command escaping, so nothing in it can end the line or start a command.
 */
export function formatGithub(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const properties = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(d.code)}`,
      ].join(",");
      const text = d.help === undefined ? escapeText(d.message) : `${escapeText(d.message)}\nhelp: ${escapeText(d.help)}`;
      return `::${d.severity} ${properties}::${escapeData(text)}\n`;
    })
    .join("");
}

/** A workflow command's message: `%`, CR and LF escaped. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** A workflow command's property value: outside text escaped, then `%`, CR, LF, `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(escapeText(text)).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
