import {
  conditionAttributes,
  outcomeAttributes,
  sessionAttributeReads,
  type CompiledValue,
  type ConditionAttribute,
  type OutcomeAttribute,
} from "@crm-policy/runtime/toolchain";

import { defaultCatalog } from "../model/catalog.js";

export { conditionAttributes, outcomeAttributes, type ConditionAttribute, type OutcomeAttribute };

export type ScalarType = "string" | "integer" | "boolean";

/** Any attribute a condition may name: a session attribute, or (in an `expect`'s `always`) an outcome attribute. */
export type KnownAttribute = ConditionAttribute | OutcomeAttribute;

/**
 * Where a condition is written, which decides what it can see. `when` (an override) and `for`
 * (an expectation) are evaluated when a session starts: session attributes only. `always` is
 * evaluated when it ends: session and outcome attributes.
 */
export type ConditionRole = "when" | "for" | "always";

/** What each outcome attribute holds. */
const outcomeTypes: Record<OutcomeAttribute, ScalarType> = {
  decision: "string",
  trigger: "string",
  reason: "string",
  assigned: "boolean",
  connected: "boolean",
  abandoned: "boolean",
  shortAbandoned: "boolean",
  consumerMessages: "integer",
  appendedTo: "string",
};

/**
 * What each attribute holds: a session attribute its field's text (absent: "") or whether the
 * field is absent (catalog/condition-attributes.json, docs/conditions.md); an outcome attribute
 * as above.
 */
export const attributeTypes: Readonly<Record<KnownAttribute, ScalarType>> = {
  ...(Object.fromEntries(Object.entries(sessionAttributeReads).map(([name, { reads }]) => [name, reads === "absence" ? "boolean" : "string"])) as Record<
    ConditionAttribute,
    ScalarType
  >),
  ...outcomeTypes,
};

export function isConditionAttribute(name: string): name is ConditionAttribute {
  return (conditionAttributes as readonly string[]).includes(name);
}

export function isOutcomeAttribute(name: string): name is OutcomeAttribute {
  return (outcomeAttributes as readonly string[]).includes(name);
}

export function isKnownAttribute(name: string): name is KnownAttribute {
  return isConditionAttribute(name) || isOutcomeAttribute(name);
}

/** The attributes a condition in this role can read. */
export function attributesOf(role: ConditionRole): readonly KnownAttribute[] {
  return role === "always" ? [...conditionAttributes, ...outcomeAttributes] : conditionAttributes;
}

/** The session event's `channel` values (schemas/session-event.v1.schema.json). */
export const channels: readonly string[] = ["voice", "chat"];

/** `decision`: what the session's one decision was (schemas/decision.v1.schema.json). */
export const decisions: readonly string[] = ["create", "append", "none"];

/** `trigger`: the event that made the record due (catalog/event-types.json); `""` when the decision is `none`. */
export const triggers: readonly string[] = [...defaultCatalog().triggers, ""];

/** `reason`: why no record (docs/semantics.md); `""` when there is one. */
export const reasons: readonly string[] = [
  "abandoned_call",
  "abandoned_chat",
  "short_abandoned_chat",
  "abandoned_chat_below_message_threshold",
  "below_message_threshold",
  "expired",
  "",
];

/** String attributes with few values, all known: comparing them with another value is a mistake. */
export const enumerations: Partial<Record<KnownAttribute, readonly string[]>> = { channel: channels, decision: decisions, trigger: triggers, reason: reasons };

/** Attributes with few values, all known: the checker can tell when a comparison with them never or always holds. */
export function domainOf(attribute: KnownAttribute): readonly CompiledValue[] | undefined {
  const values = enumerations[attribute];
  if (values !== undefined) return values;
  if (attributeTypes[attribute] === "boolean") return [true, false];
  return undefined;
}

/** Names authors reach for that are not attributes, and the attribute that means it. */
export const attributeAliases: Partial<Record<string, KnownAttribute>> = {
  endUser: "anonymous",
  type: "sessionType",
  callType: "sessionType",
  menu: "menuPath",
  phone: "phoneNumber",
  dialedNumber: "phoneNumber",
  lang: "language",
  leafQueue: "queue",
  messages: "consumerMessages",
  recordId: "appendedTo",
};
