/* Generated from schemas/ by `npm run gen`; do not edit. */

/**
 * When it was created (RFC 3339 with a zone).
 */
export type Time = string;
/**
 * An RFC 3339 date-time with a zone, e.g. 2026-11-20T10:00:00Z.
 */
export type Time1 = string;
/**
 * A session event. Unlike `simulate`, a test file refuses fields the event type does not have, so that a misspelt field is reported rather than ignored. A `record.status` names one of the case's records or one created earlier in the case (sim-1, …).
 */
export type TestEvent = {
  type: "started" | "assigned" | "connected" | "message" | "ended" | "record.status";
  [field: string]: unknown;
};

/**
 * Example tests of policies, run by `crm-policy test`: a file named `*.test.yaml` beside the policies it tests. Each case replays events through one policy of that folder and compares the decisions with the expected ones.
 */
export interface PolicyTestFile {
  /**
   * The test cases, run in order; each starts from an empty decider and only the records it lists.
   *
   * @minItems 1
   */
  tests: [TestCase, ...TestCase[]];
}
/**
 * One case: events replayed through one policy, and the decisions they must produce.
 */
export interface TestCase {
  /**
   * What the case shows, unique in the file; printed on pass and failure.
   */
  name: string;
  /**
   * metadata.name of the policy to run: one of the policy files in the same folder as this test file.
   */
  policy: string;
  /**
   * Records already in the CRM before the first event, as the record lookup returns them. Records created during the case get the ids sim-1, sim-2, … in creation order.
   */
  records?: TestRecord[];
  /**
   * Session events, in delivery order, as `crm-policy simulate` reads them (schemas/session-event.v1.schema.json). Event N is the N-th item, counting from 1.
   *
   * @minItems 1
   */
  events: [TestEvent, ...TestEvent[]];
  /**
   * The decision lines the events must produce, in order: exactly as many as listed. Each item gives only the fields it checks; fields left out are not compared. An empty list: no session is decided.
   */
  expect: ExpectedDecision[];
  /**
   * Numbers (counting from 1) of the events the runtime must reject, e.g. an event for a session never started. Any other rejected event fails the case.
   */
  rejected?: number[];
}
/**
 * An existing CRM record (schemas/record.v1.schema.json); closedAt may be left out while the record is open.
 */
export interface TestRecord {
  /**
   * The CRM's id of the record, unique in the case.
   */
  recordId: string;
  /**
   * The end user's CRM identity; absent or null for anonymous records.
   */
  endUser?: string | null;
  /**
   * The leaf queue of the session that created it.
   */
  queue: string;
  /**
   * The record's current status in the CRM.
   */
  status: string;
  createdAt: Time;
  /**
   * When it was last closed (RFC 3339 with a zone); null or absent while open.
   */
  closedAt?: Time1 | null;
}
/**
 * The fields of one decision line (schemas/decision.v1.schema.json) to compare; the others are not checked.
 */
export interface ExpectedDecision {
  /**
   * The session.
   */
  sessionId?: string;
  /**
   * What was decided.
   */
  decision?: "create" | "append" | "none";
  /**
   * The record created (sim-1, sim-2, … in creation order) or appended to.
   */
  recordId?: string;
  /**
   * The event type that made the record due.
   */
  trigger?: "assigned" | "connected" | "message" | "ended";
  /**
   * Time of the deciding event, as written in that event.
   */
  at?: string;
  /**
   * The created record's title.
   */
  title?: string;
  /**
   * The tags, in order: the whole list is compared.
   */
  tags?: string[];
  /**
   * The record's status after the action.
   */
  status?: string;
  /**
   * Whether an appended record was closed and has been reopened.
   */
  reopened?: boolean;
  /**
   * Why no record (docs/semantics.md).
   */
  reason?:
    | "abandoned_call"
    | "abandoned_chat"
    | "short_abandoned_chat"
    | "abandoned_chat_below_message_threshold"
    | "below_message_threshold"
    | "expired";
  /**
   * The name of the policy that decided.
   */
  policy?: string;
  /**
   * The policy's revision (sha256:<hex> of its source file); rarely worth pinning in a test.
   */
  revision?: string;
  /**
   * Indexes (from 0, in file order) of the overrides that matched when the session started: the whole list is compared.
   */
  overrides?: number[];
}
