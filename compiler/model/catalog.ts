import { join } from "node:path";
import type { Crm } from "../../schemas/types/bundle.v1.js";
import type { Trigger } from "../../schemas/types/decision.v1.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { projectRoot } from "../project-files.js";
import { catalogProblems, readCatalogDocuments, type CatalogDocuments } from "./catalog-files.js";

// The unions below come from the schemas, whose enums `npm run gen` writes from catalog/.
export type Channel = "voice" | "chat";
export type CrmSystem = RecordCreationPolicy["crm"]["system"];
/** How a session type becomes a tag; `none` for a CRM without tags. */
export type TagStyle = Crm["tagStyle"];

export interface SessionTypeEntry {
  name: string;
  channel: Channel;
  /** CALL_TYPE label for voice types; chats use their name. */
  callType?: string;
}

export interface CrmFacts {
  /** The CRM's name in messages. */
  label: string;
  newStatus: string;
  closedStatuses: string[];
  reopenStatus: string;
  neverUpdated: string[];
  subjectLimit: number;
  /** Whether records have tags at all. */
  tags: boolean;
  /** `none` exactly when `tags` is false. */
  tagStyle: TagStyle;
  platformTag: string;
  /** Longest tag the CRM takes; 0 = no limit. */
  tagLimit: number;
}

/** The data the compiler and the reference interpreter read: session types, CRM facts, title variables, triggers. */
export interface Catalog {
  sessionTypes: SessionTypeEntry[];
  crms: Record<CrmSystem, CrmFacts>;
  titleVariables: string[];
  /** Every status each CRM has out of the box: another is still handled, with a warning naming these. */
  statuses: Record<CrmSystem, string[]>;
  /** The event types that can make a session's record due (a decision's `trigger`), in catalog order. */
  triggers: Trigger[];
}

let shipped: Catalog | undefined;

/** The catalog in catalog/*.json; extend those files (and run `npm run gen`) to teach crm-policy new facts. */
export function defaultCatalog(): Catalog {
  shipped ??= loadCatalog(join(projectRoot, "catalog"));
  return shipped;
}

/** A catalog folder, validated against its catalog.schema.json; throws a message naming each problem. */
export function loadCatalog(dir: string): Catalog {
  const documents = readCatalogDocuments(dir);
  const problems = catalogProblems(dir, documents);
  if (problems.length > 0) throw new Error(`invalid catalog:\n  ${problems.join("\n  ")}`);
  return catalogOf(documents);
}

type CrmEntry = Omit<CrmFacts, "tagStyle"> & { tagStyle?: Exclude<TagStyle, "none">; statuses: string[] };

/** Valid catalog documents as the model; a CRM without tags gets the tag style `none`. */
export function catalogOf(documents: CatalogDocuments): Catalog {
  const systems = (documents.crmSystems as { systems: Record<string, CrmEntry> }).systems;
  const crms = Object.fromEntries(
    Object.entries(systems).map(([name, { statuses: _, ...entry }]) => [name, { ...entry, tagStyle: entry.tags ? (entry.tagStyle ?? "none") : "none" }]),
  ) as Record<CrmSystem, CrmFacts>;
  const statuses = Object.fromEntries(Object.entries(systems).map(([name, entry]) => [name, entry.statuses])) as Record<CrmSystem, string[]>;
  return {
    sessionTypes: (documents.sessionTypes as { sessionTypes: SessionTypeEntry[] }).sessionTypes,
    crms,
    statuses,
    titleVariables: (documents.titleVariables as { variables: { name: string }[] }).variables.map((v) => v.name),
    triggers: (documents.eventTypes as { eventTypes: { type: Trigger; trigger: boolean }[] }).eventTypes.filter((e) => e.trigger).map((e) => e.type),
  };
}
