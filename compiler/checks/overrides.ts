import { analyzeCondition } from "../conditions/check-condition.js";
import { spanInScalar } from "../template/locate-in-scalar.js";
import { report, type Check } from "./check.js";

/** Each override's condition parses and type-checks; problems point inside the YAML string. */
export const overrideConditions: Check = (context) => {
  const { document } = context;
  return (context.policy.overrides ?? []).flatMap((override, i) => {
    const pointer = `/overrides/${i}/when`;
    return analyzeCondition(override.when, context.catalog).problems.map((problem) => {
      const span = spanInScalar(document.source, document.node(pointer), problem.start, problem.end);
      return report(context, problem.code, problem.message, pointer, {
        ...(problem.help === undefined ? {} : { help: problem.help }),
        ...(span === undefined ? {} : { span }),
      });
    });
  });
};
