// The entry for this repository's compiler, verify, diff and CLI: everything of the services'
// entry (index.ts) and the internals they share with the runtime (condition shapes and
// evaluation, canonical JSON, digests, signatures, tag and title forms). Services import index.ts;
// nothing here beyond it is a stable API.
export * from "./index.js";
export { canonicalJson } from "./bundle/canonical-json.js";
export { bundleDigest } from "./bundle/digest.js";
export { keyIdOf, signDigest, signingKey } from "./bundle/signature.js";
export {
  conditionAttributes,
  outcomeAttributes,
  type ComparisonOperator,
  type CompiledCondition,
  type CompiledOperand,
  type CompiledValue,
  type ConditionAttribute,
  type OutcomeAttribute,
} from "./conditions/compiled-condition.js";
export { compareValues, evaluateCondition, type OutcomeValues, type SessionAttributes } from "./conditions/evaluate.js";
export { sessionAttributeReads } from "./conditions/session-attributes.generated.js";
export { isTime } from "./events/time.js";
export { recordTags, sessionTypeTag } from "./tags/tag-forms.js";
export { escapeText } from "./text/escape-text.js";
export { titleRenderer, type TitleInput } from "./title/render-title.js";
