/* Generated from catalog/event-types.json by `npm run gen`; do not edit. */

/** Longest session id and event id, in characters (code points): memory per remembered id stays bounded. */
export const idLimit = 256;

/**
 * What each event type carries besides `type`, `at` and the optional `eventId`: `session`, a
 * `sessionId`; then its fields, in the order they are checked. `string`: any string;
 * `nonEmptyString`; `oneOf`: one of `values`.
 */
export const eventShapes = {
  started: {
    session: true,
    fields: [
      { name: "channel", kind: "oneOf", values: ["voice", "chat"], required: true },
      { name: "sessionType", kind: "nonEmptyString", required: true },
      { name: "queue", kind: "nonEmptyString", required: true },
      { name: "menuPath", kind: "string", required: false },
      { name: "phoneNumber", kind: "string", required: false },
      { name: "language", kind: "string", required: false },
      { name: "endUser", kind: "nonEmptyString", required: false },
    ],
  },
  assigned: {
    session: true,
    fields: [
      { name: "agent", kind: "string", required: false },
    ],
  },
  connected: {
    session: true,
    fields: [],
  },
  message: {
    session: true,
    fields: [
      { name: "from", kind: "oneOf", values: ["consumer", "agent"], required: true },
    ],
  },
  ended: {
    session: true,
    fields: [],
  },
  "record.status": {
    session: false,
    fields: [
      { name: "recordId", kind: "nonEmptyString", required: true },
      { name: "status", kind: "nonEmptyString", required: true },
    ],
  },
} as const;
