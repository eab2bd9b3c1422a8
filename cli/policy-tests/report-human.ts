import { formatHuman } from "../../compiler/diagnostics/format-human.js";
import { escapeText } from "@crm-policy/runtime/toolchain";
import { explain, show } from "./explain.js";
import { passed, type TestRun } from "./results.js";

/**
 * For people: the diagnostics of files that could not run (as `validate` prints them), then
 * each test file with a `pass` or `FAIL` line per case; under a failure, what differs and the
 * decision lines the case did produce.
 */
export function reportHuman(run: TestRun): string {
  const out: string[] = [];
  const diagnostics = formatHuman(run.diagnostics, run.texts);
  if (diagnostics !== "") out.push(diagnostics);
  for (const file of run.files) {
    out.push(`${escapeText(file.file)}\n`);
    if (file.notRun !== undefined) out.push(`  not run: ${escapeText(file.notRun.reason)}\n`);
    for (const result of file.cases) {
      const ok = passed(result);
      out.push(ok ? `  pass  ${escapeText(result.name)}\n` : `  FAIL  ${escapeText(result.name)}  (${escapeText(file.file)}:${result.line})\n`);
      const details = [
        ...result.warnings.map((w) => `warning: event ${w.event} on line ${result.eventLines[w.event - 1] ?? result.line}: ${w.message}`),
        ...(ok ? [] : explain(result)),
        ...(ok ? [] : result.decisions.length === 0 ? ["decisions made: none"] : ["decisions made:", ...result.decisions.map((d) => `  ${show(d)}`)]),
      ];
      for (const line of details) out.push(`        ${escapeText(line)}\n`);
    }
  }
  return out.join("");
}
