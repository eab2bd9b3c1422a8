import { escapeData, escapeProperty, formatGithub } from "../../compiler/diagnostics/format-github.js";
import { escapeText } from "@crm-policy/runtime/toolchain";
import { explain } from "./explain.js";
import { passed, type TestRun } from "./results.js";

/**
 * GitHub Actions workflow commands: the diagnostics of files that could not run, as `validate
 * --format github` writes them, and an error annotation at each failing case's `name`.
 */
export function reportGithub(run: TestRun): string {
  const out = [formatGithub(run.diagnostics)];
  for (const file of run.files) {
    for (const result of file.cases) {
      if (passed(result)) continue;
      const properties = [
        `file=${escapeProperty(file.file)}`,
        `line=${result.line}`,
        `col=${result.column}`,
        `title=${escapeProperty(`test failed: ${result.name}`)}`,
      ];
      out.push(`::error ${properties.join(",")}::${escapeData(explain(result).map(escapeText).join("\n"))}\n`);
    }
  }
  return out.join("");
}
