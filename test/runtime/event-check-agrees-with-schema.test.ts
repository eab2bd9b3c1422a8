import fc from "fast-check";
import { expect, it } from "vitest";
import { isValidEvent } from "../../reference/event-schema.js";
import { eventProblem } from "@crm-policy/runtime";

const times = [
  "2026-11-20T10:00:00Z",
  "2026-11-20T10:00:00.123+01:00",
  "2026-11-20t10:00:00z",
  "2026-02-29T10:00:00Z",
  "2028-02-29T10:00:00Z",
  "2026-13-01T10:00:00Z",
  "2026-11-20T24:00:00Z",
  "2026-11-20 10:00:00Z",
  "2026-11-20T10:00:00",
  "yesterday",
  "",
  5,
];
const strings = ["c1", "", "voice", "chat", "consumer", "agent", "Q1", "Voice Inbound (IVR)"];
/** Ids at and around the length limit, counted in code points (an astral character is two UTF-16 units). */
const longIds = ["x".repeat(256), "x".repeat(257), "🙂".repeat(256), "🙂".repeat(257), "a" + "🙂".repeat(255), "🙂".repeat(129) + "x".repeat(127)];
const field = fc.oneof(
  fc.constantFrom<unknown>(...longIds),
  fc.constantFrom<unknown>(...strings, ...times, null, true, 3, [], {}),
  fc.string({ maxLength: 4 }),
);

/** Objects near the event shapes: right type, fields present, missing or wrong. */
const nearEvent = fc.record(
  {
    type: fc.constantFrom<unknown>("started", "assigned", "connected", "message", "ended", "record.status", "paused", 7),
    sessionId: field,
    recordId: field,
    at: fc.constantFrom<unknown>(...times),
    channel: fc.constantFrom<unknown>("voice", "chat", "fax", 1),
    sessionType: field,
    queue: field,
    menuPath: field,
    phoneNumber: field,
    language: field,
    endUser: field,
    from: fc.constantFrom<unknown>("consumer", "agent", "bot"),
    status: field,
    agent: field,
    eventId: field,
  },
  { requiredKeys: [] },
);

it("the runtime's hand-written event check accepts exactly what the JSON Schema accepts", () => {
  fc.assert(
    fc.property(fc.oneof(nearEvent, fc.jsonValue()), (value) => {
      expect(eventProblem(value) === undefined).toBe(isValidEvent(value));
    }),
    { numRuns: 20_000 },
  );
});
