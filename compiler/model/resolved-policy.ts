import type { AbandonedChats, RecordCreationPolicy, Records } from "../../schemas/types/policy.v1.js";
import type { Catalog, CrmFacts, CrmSystem } from "./catalog.js";

/** A policy with every default filled in: what the settings mean, with nothing left implicit. */
export interface ResolvedPolicy {
  name: string;
  crm: { system: CrmSystem } & CrmFacts;
  records: ResolvedRecords;
  title: { template: string; timeZone: string };
  tags: { sessionType: boolean; platform: boolean };
  /** As written; they apply per session, merged over the base by merge-overrides.ts. */
  overrides: NonNullable<RecordCreationPolicy["overrides"]>;
}

export interface ResolvedRecords {
  append: { toOpenRecord: boolean; closedWithinDays: number | null };
  calls: { delayUntilConnected: boolean; createForAbandoned: boolean };
  chats: {
    minConsumerMessages: number;
    abandoned: "none" | "all" | { minConsumerMessages: number };
    shortAbandonSeconds: number | null;
  };
}

/** The defaults stated in schemas/policy.v1.schema.json (a test keeps the two equal). */
export const defaults = {
  template: "{{CALL_TYPE}} {{CALL_ID}}",
  timeZone: "UTC",
  abandoned: "none" as AbandonedChats,
};

export function resolvePolicy(policy: RecordCreationPolicy, catalog: Catalog): ResolvedPolicy {
  const facts = catalog.crms[policy.crm.system];
  const records = resolveRecords(policy.records);
  return {
    name: policy.metadata.name,
    crm: {
      system: policy.crm.system,
      ...facts,
      closedStatuses: [...(policy.crm.closedStatuses ?? facts.closedStatuses)],
      reopenStatus: policy.crm.reopenStatus ?? facts.reopenStatus,
    },
    records,
    title: {
      template: policy.title?.template ?? defaults.template,
      timeZone: policy.title?.timeZone ?? defaults.timeZone,
    },
    tags: { sessionType: policy.tags?.sessionType ?? false, platform: policy.tags?.platform ?? false },
    overrides: policy.overrides ?? [],
  };
}

/** Record settings with every default filled in (overrides are merged before: merge-overrides.ts). */
function resolveRecords(records: Records | undefined): ResolvedRecords {
  const abandoned = records?.chats?.abandoned ?? defaults.abandoned;
  return {
    append: {
      toOpenRecord: records?.append?.toOpenRecord ?? false,
      closedWithinDays: records?.append?.closedWithinDays ?? null,
    },
    calls: {
      delayUntilConnected: records?.calls?.delayUntilConnected ?? false,
      createForAbandoned: records?.calls?.createForAbandoned ?? false,
    },
    chats: {
      minConsumerMessages: records?.chats?.minConsumerMessages ?? 0,
      abandoned: typeof abandoned === "string" ? abandoned : { minConsumerMessages: abandoned.minConsumerMessages },
      shortAbandonSeconds: records?.chats?.shortAbandonSeconds ?? null,
    },
  };
}
