import { conditionAttributes, type CompiledValue, type ConditionAttribute } from "../../runtime/conditions/compiled-condition.js";

export { conditionAttributes, type ConditionAttribute };

export type ScalarType = "string" | "integer" | "boolean";

/** What each attribute holds. Absent optional strings read as "" (docs/conditions.md). */
export const attributeTypes: Record<ConditionAttribute, ScalarType> = {
  channel: "string",
  sessionType: "string",
  queue: "string",
  menuPath: "string",
  language: "string",
  phoneNumber: "string",
  anonymous: "boolean",
};

export function isConditionAttribute(name: string): name is ConditionAttribute {
  return (conditionAttributes as readonly string[]).includes(name);
}

/** Attributes with few values, all known: the checker can tell when a comparison with them never or always holds. */
export function domainOf(attribute: ConditionAttribute): readonly CompiledValue[] | undefined {
  if (attribute === "channel") return channels;
  if (attribute === "anonymous") return [true, false];
  return undefined;
}

/** The session event's `channel` values (schemas/session-event.v1.schema.json). */
export const channels: readonly string[] = ["voice", "chat"];

/** Names authors reach for that are not attributes, and the attribute that means it. */
export const attributeAliases: Partial<Record<string, ConditionAttribute>> = {
  endUser: "anonymous",
  type: "sessionType",
  callType: "sessionType",
  menu: "menuPath",
  phone: "phoneNumber",
  dialedNumber: "phoneNumber",
  lang: "language",
  leafQueue: "queue",
};
