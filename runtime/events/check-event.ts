import type { SessionEvent } from "../../schemas/types/session-event.v1.js";
import { isTime, timeRange } from "./time.js";

type Fields = (event: Record<string, unknown>) => string | undefined;

/** What each event type requires besides `type` and `at`; one entry per type of the schema. */
const fieldsOf: { readonly [type in SessionEvent["type"]]: Fields } = {
  started: (event) =>
    sessionId(event) ??
    oneOf(event, "channel", "voice", "chat") ??
    id(event, "sessionType") ??
    id(event, "queue") ??
    optionalString(event, "menuPath") ??
    optionalString(event, "phoneNumber") ??
    optionalString(event, "language") ??
    (event["endUser"] === undefined ? undefined : id(event, "endUser")),
  assigned: (event) => sessionId(event) ?? optionalString(event, "agent"),
  connected: (event) => sessionId(event),
  message: (event) => sessionId(event) ?? oneOf(event, "from", "consumer", "agent"),
  ended: (event) => sessionId(event),
  "record.status": (event) => id(event, "recordId") ?? id(event, "status"),
};

function isEventType(type: string): type is SessionEvent["type"] {
  return Object.hasOwn(fieldsOf, type);
}

/**
 * Why a parsed JSON value is not a session event (schemas/session-event.v1.schema.json),
 * or undefined when it is one. Hand-written so the runtime needs no schema validator;
 * a property test keeps it equal to the schema.
 */
export function eventProblem(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "an event must be a JSON object";
  const event = value as Record<string, unknown>;
  const type = event["type"];
  if (type === undefined) return "missing field `type`";
  if (typeof type !== "string") return "field `type` must be a string";
  if (!isEventType(type)) return `unknown event type \`${type}\``;
  if (!isTime(event["at"]))
    return event["at"] === undefined ? "missing field `at`" : `field \`at\` must be an RFC 3339 time with a zone, from ${timeRange.from} to ${timeRange.to}`;
  const eventId = event["eventId"];
  if (eventId !== undefined && (typeof eventId !== "string" || eventId === "" || tooLong(eventId)))
    return `field \`eventId\` must be a non-empty string of at most ${idLimit} characters`;
  return fieldsOf[type](event);
}

export function isSessionEvent(value: unknown): value is SessionEvent {
  return eventProblem(value) === undefined;
}

/** Longest session id and event id, in characters (code points): memory per remembered id stays bounded. */
export const idLimit = 256;

function tooLong(value: string): boolean {
  if (value.length <= idLimit) return false;
  if (value.length > 2 * idLimit) return true;
  let points = 0;
  for (const _ of value) points++;
  return points > idLimit;
}

/** A session event's id: present, a non-empty string, at most idLimit characters. */
function sessionId(event: Record<string, unknown>): string | undefined {
  return id(event, "sessionId") ?? (tooLong(event["sessionId"] as string) ? `field \`sessionId\` must be at most ${idLimit} characters` : undefined);
}

function id(event: Record<string, unknown>, field: string): string | undefined {
  const value = event[field];
  if (value === undefined) return `missing field \`${field}\``;
  if (typeof value !== "string" || value === "") return `field \`${field}\` must be a non-empty string`;
  return undefined;
}

function optionalString(event: Record<string, unknown>, field: string): string | undefined {
  const value = event[field];
  return value === undefined || typeof value === "string" ? undefined : `field \`${field}\` must be a string`;
}

function oneOf(event: Record<string, unknown>, field: string, a: string, b: string): string | undefined {
  const value = event[field];
  if (value === undefined) return `missing field \`${field}\``;
  return value === a || value === b ? undefined : `field \`${field}\` must be \`${a}\` or \`${b}\``;
}
