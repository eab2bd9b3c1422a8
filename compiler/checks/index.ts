import type { Check } from "./check.js";
import { closedWithinDaysNeedsAppend, freshdeskTagTooLong, reopenStatusIsClosed, tagsOnSalesforce } from "./crm-rules.js";
import { expectations } from "./expectations.js";
import { overrideConditions } from "./overrides.js";
import { unknownTimeZone } from "./time-zone.js";
import { titleTemplate } from "./title-template.js";

/** The semantic checks of one policy, in the order they run. Cross-file checks are in passes/check.ts. */
export const policyChecks: readonly Check[] = [
  tagsOnSalesforce,
  closedWithinDaysNeedsAppend,
  reopenStatusIsClosed,
  freshdeskTagTooLong,
  unknownTimeZone,
  titleTemplate,
  overrideConditions,
  expectations,
];
