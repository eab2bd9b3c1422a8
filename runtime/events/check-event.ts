import type { SessionEvent } from "../../schemas/types/session-event.v1.js";
import { eventShapes, idLimit } from "./event-types.generated.js";
import { isTime, timeRange } from "./time.js";

export { idLimit };

/** A field of an event (catalog/catalog.schema.json, `EventTypes`): a string, a non-empty string, or one of a few. */
type Field =
  | { readonly name: string; readonly kind: "string" | "nonEmptyString"; readonly required: boolean }
  | { readonly name: string; readonly kind: "oneOf"; readonly values: readonly string[]; readonly required: boolean };

interface Shape {
  /** Whether the event carries a `sessionId`. */
  readonly session: boolean;
  readonly fields: readonly Field[];
}

/** What each event type carries besides `type` and `at` (catalog/event-types.json); one entry per type of the schema. */
const shapes: { readonly [type in SessionEvent["type"]]: Shape } = eventShapes;

function isEventType(type: string): type is SessionEvent["type"] {
  return Object.hasOwn(shapes, type);
}

/**
 * Why a parsed JSON value is not a session event (schemas/session-event.v1.schema.json),
 * or undefined when it is one. Read from the event shapes the schema is written from, so the
 * runtime needs no schema validator; a property test keeps it equal to the schema.
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
  return shapeProblem(event, shapes[type]);
}

function shapeProblem(event: Record<string, unknown>, shape: Shape): string | undefined {
  if (shape.session) {
    const problem = sessionId(event);
    if (problem !== undefined) return problem;
  }
  for (const field of shape.fields) {
    const problem = fieldProblem(event, field);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

function fieldProblem(event: Record<string, unknown>, field: Field): string | undefined {
  const value = event[field.name];
  if (value === undefined) return field.required ? `missing field \`${field.name}\`` : undefined;
  switch (field.kind) {
    case "string":
      return typeof value === "string" ? undefined : `field \`${field.name}\` must be a string`;
    case "nonEmptyString":
      return typeof value === "string" && value !== "" ? undefined : `field \`${field.name}\` must be a non-empty string`;
    case "oneOf":
      return typeof value === "string" && field.values.includes(value)
        ? undefined
        : `field \`${field.name}\` must be ${field.values.map((v) => `\`${v}\``).join(" or ")}`;
  }
}

export function isSessionEvent(value: unknown): value is SessionEvent {
  return eventProblem(value) === undefined;
}

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
