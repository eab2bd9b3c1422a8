import { analyzeCondition } from "../conditions/check-condition.js";
import type { ConditionRole } from "../conditions/attributes.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { spanInScalar } from "../template/locate-in-scalar.js";
import { report, type Check, type CheckContext } from "./check.js";

/**
 * Each `expect` entry's conditions parse and type-check: `for` sees the session as it starts
 * (like an override's `when`), `always` also its outcome. Problems point inside the YAML string.
 */
export const expectations: Check = (context) =>
  (context.policy.expect ?? []).flatMap((expectation, i) => [
    ...(expectation.for === undefined ? [] : located(context, expectation.for, `/expect/${i}/for`, "for")),
    ...located(context, expectation.always, `/expect/${i}/always`, "always"),
  ]);

function located(context: CheckContext, text: string, pointer: string, role: ConditionRole): Diagnostic[] {
  // a malformed entry (the schema has reported it) has nothing to check here
  if (typeof text !== "string") return [];
  const { document } = context;
  return analyzeCondition(text, context.catalog, role).problems.map((problem) => {
    const span = spanInScalar(document.source, document.node(pointer), problem.start, problem.end);
    return report(context, problem.code, problem.message, pointer, {
      ...(problem.help === undefined ? {} : { help: problem.help }),
      ...(span === undefined ? {} : { span }),
    });
  });
}
