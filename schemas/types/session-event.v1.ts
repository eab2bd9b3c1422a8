/* Generated from schemas/ by `npm run gen`; do not edit. */

/**
 * One lifecycle event of a call or chat, or a status change made in the CRM; one JSON object per line.
 */
export type SessionEvent = Started | Assigned | Connected | Message | Ended | RecordStatus;

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
