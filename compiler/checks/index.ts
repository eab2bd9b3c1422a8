import type { Check } from "./check.js";
import { closedWithinDaysNeedsAppend, reopenStatusIsClosed, tagsNotSupported, tagTooLong } from "./crm-rules.js";
import { expectations } from "./expectations.js";
import { overrideConditions } from "./overrides.js";
import { unknownTimeZone } from "./time-zone.js";
import { titleTemplate } from "./title-template.js";

/** The semantic checks of one policy, in the order they run. Cross-file checks are in passes/check.ts. */
export const policyChecks: readonly Check[] = [
  tagsNotSupported,
  closedWithinDaysNeedsAppend,
  reopenStatusIsClosed,
  tagTooLong,
  unknownTimeZone,
  titleTemplate,
  overrideConditions,
  expectations,
];
