import { formatHuman } from "../../compiler/diagnostics/format-human.js";
import { explain, show } from "./explain.js";
import { counts, passed, type CaseResult, type FileResult, type TestRun } from "./results.js";

/**
 * JUnit XML, the report format CI systems read: a `testsuite` per test file, a `testcase` per
 * case with a `failure` holding the differences; a file that could not run is one `testcase`
 * with an `error` holding its diagnostics.
 */
export function reportJunit(run: TestRun): string {
  const total = counts(run);
  const tests = run.files.reduce((n, f) => n + (f.notRun === undefined ? f.cases.length : 1), 0);
  const out = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="crm-policy test" tests="${tests}" failures="${total.failed}" errors="${total.notRun}">`,
    ...run.files.flatMap((file) => suite(file, run)),
    `</testsuites>`,
  ];
  return out.join("\n") + "\n";
}

function suite(file: FileResult, run: TestRun): string[] {
  const name = attribute(file.file);
  if (file.notRun !== undefined) {
    const details = formatHuman(file.notRun.diagnostics, run.texts);
    return [
      `  <testsuite name="${name}" tests="1" failures="0" errors="1">`,
      `    <testcase name="${name}" classname="${name}" file="${name}">`,
      `      <error message="${attribute(`not run: ${file.notRun.reason}`)}" type="not-run">${text(details)}</error>`,
      `    </testcase>`,
      `  </testsuite>`,
    ];
  }
  const failures = file.cases.filter((c) => !passed(c)).length;
  return [
    `  <testsuite name="${name}" tests="${file.cases.length}" failures="${failures}" errors="0">`,
    ...file.cases.flatMap((c) => testcase(c, file.file)),
    `  </testsuite>`,
  ];
}

function testcase(result: CaseResult, file: string): string[] {
  const open = `    <testcase name="${attribute(result.name)}" classname="${attribute(file)}" file="${attribute(file)}" line="${result.line}"`;
  if (passed(result)) return [`${open}/>`];
  const lines = explain(result);
  const body = [...lines, "decisions made:", ...result.decisions.map((d) => `  ${show(d)}`)].join("\n");
  const count = result.differences.length;
  return [
    `${open}>`,
    `      <failure message="${attribute(`${count} difference${count === 1 ? "" : "s"}: ${(lines[0] ?? "").replace(/:$/, "")}`)}" type="mismatch">${text(body)}</failure>`,
    `    </testcase>`,
  ];
}

/** Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** XML character data: what XML cannot hold replaced, markup escaped. */
export function text(value: string): string {
  return value.replace(notXml, "\uFFFD").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An XML attribute value (double-quoted). */
export function attribute(value: string): string {
  return text(value).replace(/"/g, "&quot;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
