/* Generated from schemas/ by `npm run gen`; do not edit. */

/**
 * The one decision for a session: create a record, append to one, or none.
 */
export type Decision = Create | Append | None;
/**
 * The event type that made the record due.
 */
export type Trigger = "assigned" | "connected" | "message" | "ended";
/**
 * Provenance: the name of the policy that decided (metadata.name).
 */
export type PolicyName = string;
/**
 * Provenance: the policy's revision in the bundle (sha256:<hex> of its source file).
 */
export type Revision = string;
/**
 * Provenance: the indexes (from 0, in file order) of the policy's overrides whose conditions held when the session started; empty when none did.
 */
export type MatchedOverrides = number[];

/**
 * A new record was created.
 */
export interface Create {
  /**
   * The session.
   */
  sessionId: string;
  /**
   * What was decided.
   */
  decision: "create";
  /**
   * The new record.
   */
  recordId: string;
  trigger: Trigger;
  /**
   * Time of the deciding event.
   */
  at: string;
  /**
   * The record's title: plain single-line text within the CRM's limit.
   */
  title: string;
  /**
   * Tags of the record.
   */
  tags: string[];
  /**
   * The record's status after the action.
   */
  status: string;
  policy: PolicyName;
  revision: Revision;
  overrides: MatchedOverrides;
}
/**
 * The session was appended to an existing record, which keeps its title.
 */
export interface Append {
  /**
   * The session.
   */
  sessionId: string;
  /**
   * What was decided.
   */
  decision: "append";
  /**
   * The record appended to.
   */
  recordId: string;
  trigger: Trigger;
  /**
   * Time of the deciding event.
   */
  at: string;
  /**
   * Tags the session adds.
   */
  tags: string[];
  /**
   * The record's status after the action.
   */
  status: string;
  /**
   * Whether the record was closed and has been reopened.
   */
  reopened: boolean;
  policy: PolicyName;
  revision: Revision;
  overrides: MatchedOverrides;
}
/**
 * The session ended without a record.
 */
export interface None {
  /**
   * The session.
   */
  sessionId: string;
  /**
   * What was decided.
   */
  decision: "none";
  /**
   * Why no record (docs/semantics.md).
   */
  reason:
    | "abandoned_call"
    | "abandoned_chat"
    | "short_abandoned_chat"
    | "abandoned_chat_below_message_threshold"
    | "below_message_threshold"
    | "expired";
  /**
   * When the session ended.
   */
  at: string;
  policy: PolicyName;
  revision: Revision;
  overrides: MatchedOverrides;
}
