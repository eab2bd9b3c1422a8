import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { parseTemplate, type Segment } from "../template/parse-template.js";
import { spanInScalar } from "../template/locate-in-scalar.js";
import { report, settingSections, type Check, type CheckContext } from "./check.js";

/** Each title template parses, uses only the six variables, and its fixed text fits the CRM's limit. */
export const titleTemplate: Check = (context) =>
  settingSections(context.policy).flatMap(({ at, title }) =>
    title?.template === undefined ? [] : checkTemplate(context, title.template, `${at}/title/template`),
  );

function checkTemplate(context: CheckContext, template: string, pointer: string): Diagnostic[] {
  const result = parseTemplate(template);
  const { document } = context;
  if (!result.ok) {
    return result.problems.map((problem) => {
      const span = spanInScalar(document.source, document.node(pointer), problem.start, problem.end);
      return report(context, problem.code, problem.message, pointer, {
        ...(problem.help === undefined ? {} : { help: problem.help }),
        ...(span === undefined ? {} : { span }),
      });
    });
  }
  const limit = context.catalog.crms[context.policy.crm.system].subjectLimit;
  const fixed = literalLength(result.segments);
  if (fixed <= limit) return [];
  return [
    report(context, "template-too-long", `the template's own text is ${fixed} characters, over the ${limit}-character subject limit`, pointer, {
      help: "shorten the template: titles are cut at the limit",
    }),
  ];
}

function literalLength(segments: Segment[]): number {
  return segments.reduce((n, s) => n + (typeof s === "string" ? [...s].length : 0), 0);
}
