/* Generated from schemas/ by `npm run gen`; do not edit. */

/**
 * Compiled policies as services load them. Canonical JSON (keys sorted); digest = SHA-256 of the canonical JSON of the bundle without its digest and signature fields.
 */
export interface PolicyBundle {
  /**
   * Bundle format version; a runtime loads only the format it was built for.
   */
  format: "crm-policy-bundle/v1";
  /**
   * Version of the crm-policy compiler that wrote the bundle.
   */
  compiler: string;
  /**
   * sha256:<hex> of the canonical content without this field and the signature.
   */
  digest: string;
  /**
   * The policies, sorted by name.
   */
  policies: CompiledPolicy[];
  signature?: Signature;
}
/**
 * One policy lowered for the runtime: defaults resolved, nothing left to parse or format.
 */
export interface CompiledPolicy {
  /**
   * metadata.name of the policy.
   */
  name: string;
  /**
   * sha256:<hex> of the policy's source file.
   */
  revision: string;
  crm: Crm;
  records: Settings;
  title: Title;
  tags: Tags;
  /**
   * The catalog, with each type's CALL_TYPE label and record tags precomputed.
   */
  sessionTypes: SessionType[];
  /**
   * Overrides in file order: every one whose condition holds when a session starts applies, later ones winning.
   */
  overrides: {
    /**
     * The condition as written, for people reading the bundle.
     */
    when: string;
    /**
     * The condition as a tree (runtime/conditions/compiled-condition.ts).
     */
    condition: {};
    records: PartialSettings;
    title: PartialTitle;
    tags: PartialTags;
  }[];
}
/**
 * The CRM's statuses and limits, defaults resolved.
 */
export interface Crm {
  /**
   * The CRM system's name, from the catalog. The runtime reads only the capabilities below, so it is not an enum: a runtime loads bundles for CRMs added to the catalog after it was built.
   */
  system: string;
  /**
   * Status of a new record.
   */
  newStatus: string;
  /**
   * Statuses that count as closed.
   */
  closedStatuses: string[];
  /**
   * Status a reopened record gets.
   */
  reopenStatus: string;
  /**
   * Statuses whose records are never appended to.
   */
  neverUpdated: string[];
  /**
   * Longest title, in code points.
   */
  subjectLimit: number;
  /**
   * How a session type becomes a tag.
   */
  tagStyle: "none" | "snake_case" | "parentheses_as_dash" | "verbatim";
  /**
   * Longest tag; 0 = no limit.
   */
  tagLimit: number;
}
/**
 * Record settings with every default resolved.
 */
export interface Settings {
  /**
   * records.append.toOpenRecord
   */
  appendToOpen: boolean;
  /**
   * records.append.closedWithinDays, or null.
   */
  closedWithinDays: number | null;
  /**
   * records.calls.delayUntilConnected
   */
  delayUntilConnected: boolean;
  /**
   * records.calls.createForAbandoned
   */
  createForAbandoned: boolean;
  /**
   * records.chats.minConsumerMessages
   */
  minConsumerMessages: number;
  /**
   * records.chats.abandoned: none, all, or min (at least abandonedMinMessages).
   */
  abandonedChats: "none" | "all" | "min";
  /**
   * The N of abandoned: {minConsumerMessages: N}; 0 otherwise.
   */
  abandonedMinMessages: number;
  /**
   * records.chats.shortAbandonSeconds, or null.
   */
  shortAbandonSeconds: number | null;
}
/**
 * The title template as literal and variable segments.
 */
export interface Title {
  /**
   * Literal text, or {var: NAME} for a session variable.
   */
  segments: (
    | string
    | {
        var: "CALL_TYPE" | "CALL_ID" | "MENU_PATH" | "PHONE_NUMBER" | "LANGUAGE" | "TIMESTAMP";
      }
  )[];
  /**
   * IANA zone of TIMESTAMP; null for UTC.
   */
  timeZone: string | null;
}
/**
 * Tag settings.
 */
export interface Tags {
  /**
   * Add the session type tag.
   */
  sessionType: boolean;
  /**
   * The platform tag in the CRM's form, or null when off.
   */
  platform: string | null;
}
/**
 * A catalog session type as this policy sees it.
 */
export interface SessionType {
  /**
   * Session type name.
   */
  name: string;
  /**
   * voice or chat.
   */
  channel: "voice" | "chat";
  /**
   * The CALL_TYPE value.
   */
  callType: string;
  /**
   * Tags of a record for this type.
   */
  tags: string[];
}
/**
 * The record settings an override sets; the others come from the base or earlier overrides.
 */
export interface PartialSettings {
  /**
   * records.append.toOpenRecord
   */
  appendToOpen?: boolean;
  /**
   * records.append.closedWithinDays, or null.
   */
  closedWithinDays?: number | null;
  /**
   * records.calls.delayUntilConnected
   */
  delayUntilConnected?: boolean;
  /**
   * records.calls.createForAbandoned
   */
  createForAbandoned?: boolean;
  /**
   * records.chats.minConsumerMessages
   */
  minConsumerMessages?: number;
  /**
   * records.chats.abandoned: none, all, or min (at least abandonedMinMessages).
   */
  abandonedChats?: "none" | "all" | "min";
  /**
   * The N of abandoned: {minConsumerMessages: N}; 0 otherwise.
   */
  abandonedMinMessages?: number;
  /**
   * records.chats.shortAbandonSeconds, or null.
   */
  shortAbandonSeconds?: number | null;
}
/**
 * The title settings an override sets.
 */
export interface PartialTitle {
  /**
   * Literal text, or {var: NAME} for a session variable.
   */
  segments?: (
    | string
    | {
        var: "CALL_TYPE" | "CALL_ID" | "MENU_PATH" | "PHONE_NUMBER" | "LANGUAGE" | "TIMESTAMP";
      }
  )[];
  /**
   * IANA zone of TIMESTAMP; null for UTC.
   */
  timeZone?: string | null;
}
/**
 * The tag settings an override sets.
 */
export interface PartialTags {
  /**
   * Add the session type tag.
   */
  sessionType?: boolean;
  /**
   * The platform tag in the CRM's form, or null when off.
   */
  platform?: string | null;
}
/**
 * Made by `crm-policy compile --sign KEY`: an Ed25519 signature of the digest. A service that trusts keys loads only bundles one of them signed; this block never decides whether that check runs.
 */
export interface Signature {
  /**
   * The signing key: first 16 hex digits of the SHA-256 of its public key (SPKI, DER).
   */
  keyId: string;
  /**
   * The digest signed; a signature over another digest is refused.
   */
  digest: string;
  /**
   * The Ed25519 signature (64 bytes, base64) of the text `crm-policy-bundle/v1 digest <digest>`.
   */
  value: string;
}
