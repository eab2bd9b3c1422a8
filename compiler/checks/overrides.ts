import { report, type Check } from "./check.js";

/** Override conditions get their language in a later version; until then they are not applied. */
export const overridesNotEvaluated: Check = (context) =>
  (context.policy.overrides ?? []).map((_, i) =>
    report(context, "overrides-not-evaluated", "override conditions are not evaluated yet: this override has no effect", `/overrides/${i}/when`, {
      help: "the base settings apply to every session until the condition language lands",
    }),
  );
