/* Generated from schemas/ by `npm run gen`; do not edit. */

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
