/* Generated from schemas/ by `npm run gen`; do not edit. */

/**
 * Records for chats that ended without being connected: none, all (short-abandoned included), or {minConsumerMessages: N} for those with at least N consumer messages.
 */
export type AbandonedChats =
  | ("none" | "all")
  | {
      /**
       * Only abandoned chats with at least this many consumer messages get a record.
       */
      minConsumerMessages: number;
    };

/**
 * When calls and chats of a contact center create or update CRM records (crm-policy/v1).
 */
export interface RecordCreationPolicy {
  /**
   * Version of the policy language this file is written in.
   */
  apiVersion: "crm-policy/v1";
  /**
   * The kind of document; always RecordCreationPolicy.
   */
  kind: "RecordCreationPolicy";
  /**
   * Identity of the policy.
   */
  metadata: {
    /**
     * Name of the policy, unique in a bundle: lowercase letters, digits and dashes, starting with a letter or digit.
     */
    name: string;
    /**
     * Free text for reviewers.
     */
    description?: string;
  };
  /**
   * The CRM the records live in.
   */
  crm: {
    /**
     * The CRM system: salesforce, zendesk, kustomer or freshdesk.
     */
    system: "salesforce" | "zendesk" | "kustomer" | "freshdesk";
    /**
     * Statuses that count as closed. Default per system: salesforce [Closed]; zendesk [solved, closed]; kustomer [done]; freshdesk [Resolved, Closed].
     *
     * @minItems 1
     */
    closedStatuses?: [string, ...string[]];
    /**
     * Status a closed record is set to after a session is appended to it. Default per system: salesforce Open; zendesk open; kustomer open; freshdesk Open.
     */
    reopenStatus?: string;
  };
  records?: Records;
  title?: Title;
  tags?: Tags;
  /**
   * Settings for the sessions a condition selects. Every matching override applies, in file order, later ones winning; each is a deep merge over the base settings, evaluated once when a session starts.
   */
  overrides?: {
    /**
     * Condition on the session's attributes channel, sessionType, queue, menuPath, language, phoneNumber and anonymous (README: Override conditions), e.g. channel == "chat" and queue matches "Billing/*".
     */
    when: string;
    records?: Records;
    title?: Title;
    tags?: Tags;
  }[];
  /**
   * Properties of this policy that `crm-policy verify` checks on sessions it generates from the policy's own queues, session types and thresholds: for every session `for` selects when it starts, `always` must hold over what the session came to when it ends. Ignored by compile and the runtime.
   */
  expect?: {
    /**
     * What the property says, in words; verify reports it by this name.
     */
    name: string;
    /**
     * Condition on the session as it starts, in the language of override conditions (session attributes only), e.g. channel == "chat" and queue matches "Billing/*". Without it, every session.
     */
    for?: string;
    /**
     * Condition that must hold when each selected session ends: session attributes plus its outcome (decision, trigger, reason, assigned, connected, abandoned, shortAbandoned, consumerMessages, appendedTo), e.g. decision == "none" or consumerMessages >= 2.
     */
    always: string;
  }[];
}
/**
 * When records are created or appended to.
 */
export interface Records {
  append?: Append;
  calls?: Calls;
  chats?: Chats;
}
/**
 * Append sessions to an existing record of the same end user and leaf queue instead of creating a new one.
 */
export interface Append {
  /**
   * Append to the latest open record of the same end user from exactly the same leaf queue. Anonymous end users always get a new record.
   */
  toOpenRecord?: boolean;
  /**
   * If no open record exists, append to the latest record of that leaf queue closed within this many days, and reopen it. Needs toOpenRecord.
   */
  closedWithinDays?: number;
}
/**
 * Records for voice sessions.
 */
export interface Calls {
  /**
   * Create the record when the call is connected to an agent instead of when it is assigned.
   */
  delayUntilConnected?: boolean;
  /**
   * Create a record, when it ends, for a call that never reached an agent. Combined with delayUntilConnected, only connected calls get a record.
   */
  createForAbandoned?: boolean;
}
/**
 * Records for chat sessions.
 */
export interface Chats {
  /**
   * Create the record once the chat is connected and the consumer has sent at least this many messages; 0 creates it when connected.
   */
  minConsumerMessages?: number;
  abandoned?: AbandonedChats;
  /**
   * A chat abandoned within this many seconds of its start is short-abandoned.
   */
  shortAbandonSeconds?: number;
}
/**
 * Title of created records.
 */
export interface Title {
  /**
   * Title template; only the variables {{CALL_TYPE}}, {{CALL_ID}}, {{MENU_PATH}}, {{PHONE_NUMBER}}, {{LANGUAGE}} and {{TIMESTAMP}}.
   */
  template?: string;
  /**
   * IANA time zone in which TIMESTAMP is written, e.g. Europe/Berlin.
   */
  timeZone?: string;
}
/**
 * Tags added to records (Zendesk, Kustomer and Freshdesk only).
 */
export interface Tags {
  /**
   * Add a tag naming the session type, in the CRM's form.
   */
  sessionType?: boolean;
  /**
   * Add the platform tag UJET (ujet on Zendesk) to every record.
   */
  platform?: boolean;
}
