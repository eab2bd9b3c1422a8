/* Generated from catalog/condition-attributes.json by `npm run gen`; do not edit. */

/**
 * The session attributes a condition reads, each from a field of the session's `started` event:
 * `value` reads its text ("" when absent), `absence` is true when the field is absent;
 * `required`: every `started` event has the field.
 */
export const sessionAttributeReads = {
  /** `voice` or `chat` */
  channel: { field: "channel", reads: "value", required: true },
  /** the session type, e.g. `Voice Inbound (IVR)` */
  sessionType: { field: "sessionType", reads: "value", required: true },
  /** the leaf queue, e.g. `Support/Billing` */
  queue: { field: "queue", reads: "value", required: true },
  /** the menu the end user chose */
  menuPath: { field: "menuPath", reads: "value", required: false },
  /** the language selected or routed by the dialed number */
  language: { field: "language", reads: "value", required: false },
  /** the dialed number */
  phoneNumber: { field: "phoneNumber", reads: "value", required: false },
  /** true when the session has no end user (no CRM identity) */
  anonymous: { field: "endUser", reads: "absence", required: false },
} as const;

export type ConditionAttribute = keyof typeof sessionAttributeReads;

/** What a condition can see of a session: the fields of its `started` event that attributes read. */
export interface SessionAttributes {
  channel: string;
  sessionType: string;
  queue: string;
  menuPath?: string | undefined;
  language?: string | undefined;
  phoneNumber?: string | undefined;
  endUser?: string | undefined;
}
