import { readProjectJson } from "../project-files.js";

export type Channel = "voice" | "chat";
export type CrmSystem = "salesforce" | "zendesk" | "kustomer" | "freshdesk";
export type TagStyle = "none" | "snake" | "dash" | "verbatim";

export interface SessionTypeEntry {
  name: string;
  channel: Channel;
  /** CALL_TYPE label for voice types; chats use their name. */
  callType?: string;
}

export interface CrmFacts {
  newStatus: string;
  closedStatuses: string[];
  reopenStatus: string;
  neverUpdated: string[];
  subjectLimit: number;
  tagStyle: TagStyle;
  platformTag: string;
  /** Longest tag the CRM takes; 0 = no limit. */
  tagLimit: number;
}

/** The data the compiler and the reference interpreter read: session types and CRM facts. */
export interface Catalog {
  sessionTypes: SessionTypeEntry[];
  crms: Record<CrmSystem, CrmFacts>;
}

let shipped: Catalog | undefined;

/** The catalog in catalog/*.json; extend those files to teach crm-policy new session types. */
export function defaultCatalog(): Catalog {
  shipped ??= {
    sessionTypes: (readProjectJson("catalog", "session-types.json") as { sessionTypes: SessionTypeEntry[] }).sessionTypes,
    crms: (readProjectJson("catalog", "crm-systems.json") as { systems: Record<CrmSystem, CrmFacts> }).systems,
  };
  return shipped;
}
