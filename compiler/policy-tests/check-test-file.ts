import { diagnostic, quote, type Diagnostic } from "../diagnostics/diagnostic.js";
import { didYouMean } from "../diagnostics/suggest.js";
import { pointerOf, type ParsedDocument } from "../source/yaml-document.js";

/**
 * What the test file's JSON Schema cannot say: each case names a policy beside the file, case
 * names are unique (reports name them), `rejected` numbers name events of the case, and a
 * case's record ids are unique. Codes are the policy checks' own (docs/policy-tests.md).
 *
 * It reads the plain document, not the schema's type, so that it also runs, and reports, when
 * other parts of the file have schema errors; parts of the wrong shape are skipped.
 * `policies` undefined: the folder's policies do not compile, so names are not checked.
 */
export function checkTestFile(document: ParsedDocument, policies: readonly string[] | undefined): Diagnostic[] {
  const file = document.source.file;
  const at = (pointer: string) => ({ file, pointer, span: document.locate(pointer) });
  const line = (pointer: string) => document.locate(pointer).line;
  const diagnostics: Diagnostic[] = [];
  const firstName = new Map<string, string>();
  const tests = isMapping(document.value) ? document.value["tests"] : undefined;
  (Array.isArray(tests) ? tests : []).forEach((test: unknown, i) => {
    if (!isMapping(test)) return;
    const { name, policy, events, rejected, records } = test;
    if (typeof policy === "string" && policies !== undefined && !policies.includes(policy)) {
      const help =
        policies.length === 0
          ? "no policy files are in this test file's folder"
          : (didYouMean(policy, policies) ?? `policies here: ${policies.map((p) => `\`${p}\``).join(", ")}`);
      diagnostics.push(diagnostic("invalid-value", `no policy named ${quote(policy)} beside this test file`, at(pointerOf("tests", i, "policy")), help));
    }
    if (typeof name === "string") {
      const here = pointerOf("tests", i, "name");
      const first = firstName.get(name);
      if (first === undefined) firstName.set(name, here);
      else diagnostics.push(diagnostic("duplicate-name", `test case name ${quote(name)} is used twice`, at(here), `the first is on line ${line(first)}`));
    }
    if (Array.isArray(events) && events.length > 0 && Array.isArray(rejected)) {
      rejected.forEach((n: unknown, k) => {
        if (typeof n !== "number" || n <= events.length) return;
        const message = `\`rejected\` names event ${n}, but the case has ${events.length} event${events.length === 1 ? "" : "s"}`;
        diagnostics.push(diagnostic("out-of-range", message, at(pointerOf("tests", i, "rejected", k)), "events are counted from 1 in the order listed"));
      });
    }
    const firstRecord = new Map<string, string>();
    (Array.isArray(records) ? records : []).forEach((record: unknown, k) => {
      const id = isMapping(record) ? record["recordId"] : undefined;
      if (typeof id !== "string") return;
      const here = pointerOf("tests", i, "records", k, "recordId");
      const seen = firstRecord.get(id);
      if (seen === undefined) firstRecord.set(id, here);
      else diagnostics.push(diagnostic("invalid-value", `record ${quote(id)} is listed twice`, at(here), `the first is on line ${line(seen)}`));
    });
  });
  return diagnostics;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
