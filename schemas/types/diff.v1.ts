/* Generated from schemas/ by `npm run gen`; do not edit. */

export type TraceGroup = GroupFields & {
  /**
   * The shortest trace found: replay its events (and records) with simulate under each version to get `before` and `after`.
   */
  example?: {
    sessionId: string;
    records: CrmRecord[];
    events: SessionEvent[];
    before: Decision | null;
    after: Decision | null;
  };
};
/**
 * One lifecycle event of a call or chat, or a status change made in the CRM; one JSON object per line.
 */
export type SessionEvent = Started | Assigned | Connected | Message | Ended | RecordStatus;
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
export type LogGroup = GroupFields & {
  example?: {
    /**
     * The first sessions of the group (count says how many in all).
     */
    sessionIds: string[];
    before: Decision | null;
    after: Decision | null;
  };
};

/**
 * What `crm-policy diff --format json` writes: per policy the settings that changed and the sessions that decide differently (docs/review.md).
 */
export interface PolicyDiff {
  /**
   * This format and its version.
   */
  format: "crm-policy-diff/v1";
  /**
   * The old side as given: a path or REV:PATH.
   */
  before: string;
  /**
   * The new side as given.
   */
  after: string;
  /**
   * Whether any session decides differently or a policy was added or removed (exit status 1).
   */
  behaviourChanged: boolean;
  /**
   * Policies the same on both sides.
   */
  unchanged: number;
  /**
   * Added, removed and changed policies, by name.
   */
  policies: Policy[];
}
export interface Policy {
  /**
   * metadata.name, which pairs the two sides.
   */
  name: string;
  status: "added" | "removed" | "changed";
  files: {
    before?: string;
    after?: string;
  };
  settings?: Settings;
  /**
   * Every one-session trace up to maxEvents over both versions' alphabets, plus sampled traces of several sessions. Absent when both versions compile to the same policy or a log was replayed instead.
   */
  behaviour?: {
    enumerated: {
      traces: number;
      maxEvents: number;
    };
    sampled: {
      runs: number;
      seed: number;
    };
    /**
     * Traces in which some session decides differently.
     */
    differing: number;
    groups: TraceGroup[];
  };
  /**
   * `--events`: a recorded log replayed through both versions.
   */
  log?: {
    events: string;
    records?: string;
    lines: number;
    /**
     * Lines both versions refused.
     */
    rejected: number;
    sessions: number;
    /**
     * Sessions that decide differently.
     */
    differing: number;
    groups: LogGroup[];
  };
}
/**
 * Effective settings (defaults resolved) that differ, for the base and for each override.
 */
export interface Settings {
  base: SettingChange[];
  overrides: {
    change: "added" | "removed" | "changed" | "moved";
    before?: OverrideRef;
    after?: OverrideRef;
    /**
     * The settings the override writes, as sessions matching only it get them.
     */
    settings: SettingChange[];
  }[];
  /**
   * Changes no decision can see (description, expect, a condition written differently).
   */
  cosmetic: string[];
}
export interface SettingChange {
  /**
   * Dotted setting path, e.g. records.calls.delayUntilConnected.
   */
  path: string;
  /**
   * Effective value; null when unset.
   */
  before: {
    [k: string]: unknown | undefined;
  };
  /**
   * Effective value; null when unset.
   */
  after: {
    [k: string]: unknown | undefined;
  };
}
export interface OverrideRef {
  /**
   * 1-based place in the file.
   */
  index: number;
  /**
   * The condition, canonically printed.
   */
  when: string;
}
export interface GroupFields {
  /**
   * The rules and the change, in words.
   */
  label: string;
  channel: "voice" | "chat";
  /**
   * The overrides (1-based) the sessions' starts match in each version, one entry per combination seen: the class of the start.
   *
   * @minItems 1
   */
  matches: [
    {
      before: number[];
      after: number[];
    },
    ...{
      before: number[];
      after: number[];
    }[]
  ];
  before: Verdict;
  after: Verdict;
  aspects: ("decision" | "time" | "record" | "status" | "title" | "tags")[];
  /**
   * The rules whose settings differ for these sessions.
   */
  rules: string[];
  /**
   * Traces (log: sessions) in the group.
   */
  count: number;
}
export interface Verdict {
  /**
   * Whether the session gets a record (created or appended: aspect `record` tells which changed), none, or no decision yet.
   */
  decision: "record" | "none" | "pending";
  trigger: string;
  reason: string;
}
/**
 * A record (case, ticket, conversation) in the CRM, as the record lookup returns it.
 */
export interface CrmRecord {
  /**
   * The CRM's id of the record.
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
  /**
   * When it was created (RFC 3339).
   */
  createdAt: string;
  /**
   * When it was last closed; null while open.
   */
  closedAt: string | null;
}
/**
 * A session began; carries everything known about it at its start.
 */
export interface Started {
  /**
   * Event type.
   */
  type: "started";
  /**
   * The session id (CALL_ID). At most 256 characters.
   */
  sessionId: string;
  /**
   * When the session started (TIMESTAMP). RFC 3339 date-time with a zone.
   */
  at: string;
  /**
   * voice for a call, chat for a chat.
   */
  channel: "voice" | "chat";
  /**
   * Session type name from the catalog, e.g. Voice Inbound (IVR).
   */
  sessionType: string;
  /**
   * The leaf queue the session came in from.
   */
  queue: string;
  /**
   * Menu the end user chose (MENU_PATH).
   */
  menuPath?: string;
  /**
   * Dialed phone number (PHONE_NUMBER).
   */
  phoneNumber?: string;
  /**
   * Selected or routed language (LANGUAGE).
   */
  language?: string;
  /**
   * The end user's CRM identity; absent for anonymous callers.
   */
  endUser?: string;
  /**
   * The event's own id, unique within its session. When present, a repeat of the id is a redelivery whatever the other fields say (a record.status carries it but is not deduplicated by it). At most 256 characters.
   */
  eventId?: string;
}
/**
 * The session was assigned to an agent.
 */
export interface Assigned {
  /**
   * Event type.
   */
  type: "assigned";
  /**
   * The session id (CALL_ID). At most 256 characters.
   */
  sessionId: string;
  /**
   * When. RFC 3339 date-time with a zone.
   */
  at: string;
  /**
   * The agent.
   */
  agent?: string;
  /**
   * The event's own id, unique within its session. When present, a repeat of the id is a redelivery whatever the other fields say (a record.status carries it but is not deduplicated by it). At most 256 characters.
   */
  eventId?: string;
}
/**
 * The session was connected to its agent (implies assigned).
 */
export interface Connected {
  /**
   * Event type.
   */
  type: "connected";
  /**
   * The session id (CALL_ID). At most 256 characters.
   */
  sessionId: string;
  /**
   * When. RFC 3339 date-time with a zone.
   */
  at: string;
  /**
   * The event's own id, unique within its session. When present, a repeat of the id is a redelivery whatever the other fields say (a record.status carries it but is not deduplicated by it). At most 256 characters.
   */
  eventId?: string;
}
/**
 * A chat message, from the consumer or the agent.
 */
export interface Message {
  /**
   * Event type.
   */
  type: "message";
  /**
   * The session id (CALL_ID). At most 256 characters.
   */
  sessionId: string;
  /**
   * When. RFC 3339 date-time with a zone.
   */
  at: string;
  /**
   * Who sent it.
   */
  from: "consumer" | "agent";
  /**
   * The event's own id, unique within its session. When present, a repeat of the id is a redelivery whatever the other fields say (a record.status carries it but is not deduplicated by it). At most 256 characters.
   */
  eventId?: string;
}
/**
 * The session ended.
 */
export interface Ended {
  /**
   * Event type.
   */
  type: "ended";
  /**
   * The session id (CALL_ID). At most 256 characters.
   */
  sessionId: string;
  /**
   * When. RFC 3339 date-time with a zone.
   */
  at: string;
  /**
   * The event's own id, unique within its session. When present, a repeat of the id is a redelivery whatever the other fields say (a record.status carries it but is not deduplicated by it). At most 256 characters.
   */
  eventId?: string;
}
/**
 * A record's status was changed in the CRM (an agent closed a case).
 */
export interface RecordStatus {
  /**
   * Event type.
   */
  type: "record.status";
  /**
   * When. RFC 3339 date-time with a zone.
   */
  at: string;
  /**
   * The record.
   */
  recordId: string;
  /**
   * The new status.
   */
  status: string;
  /**
   * The event's own id, unique within its session. When present, a repeat of the id is a redelivery whatever the other fields say (a record.status carries it but is not deduplicated by it). At most 256 characters.
   */
  eventId?: string;
}
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
