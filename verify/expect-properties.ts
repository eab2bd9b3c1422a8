import { evaluateCondition } from "@crm-policy/runtime/toolchain";
import { printCondition } from "../compiler/conditions/print-condition.js";
import { outcomeOf } from "./outcome.js";
import type { Expectation } from "./policy-under-test.js";
import type { Property } from "./property.js";

/**
 * A policy's own `expect` entry: every session `for` selects when it starts must, when it ends,
 * satisfy `always` over its outcome. Sessions that have not ended, or whose decisions are
 * already wrong (the `one-decision` invariant reports those), are not judged here.
 */
export function expectProperty(expectation: Expectation): Property {
  return {
    id: `expect:${expectation.name}`,
    title: `expect "${expectation.name}"`,
    check(run) {
      if (run.crash !== undefined) return { message: run.crash };
      for (const [sessionId, session] of run.sessions) {
        if (expectation.for !== undefined && !evaluateCondition(expectation.for.compiled, session.start)) continue;
        const outcome = outcomeOf(session);
        if (outcome === undefined || evaluateCondition(expectation.always.compiled, session.start, outcome)) continue;
        return {
          sessionId,
          message: `session \`${sessionId}\` ended with ${JSON.stringify(outcome)}: \`${printCondition(expectation.always.ast)}\` does not hold`,
        };
      }
      return undefined;
    },
  };
}
