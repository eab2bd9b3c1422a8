import type { Catalog } from "../compiler/model/catalog.js";
import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { AbandonedChats, RecordCreationPolicy } from "../schemas/types/policy.v1.js";

/**
 * Every setting's default, as docs/semantics.md and the policy schema state them, written out
 * for the reference on its own: a wrong default in the compiler then shows up as a difference.
 */
export const referenceDefaults = {
  append: { toOpenRecord: false, closedWithinDays: null },
  calls: { delayUntilConnected: false, createForAbandoned: false },
  chats: { minConsumerMessages: 0, abandoned: "none", shortAbandonSeconds: null },
  title: { template: "{{CALL_TYPE}} {{CALL_ID}}", timeZone: "UTC" },
  tags: { sessionType: false, platform: false },
} as const;

/** A setting as written, else its default. */
function given<T>(value: T | undefined, fallback: T): T {
  return value === undefined ? fallback : value;
}

/** The validated policy document with every default filled in; CRM facts from the catalog's data. */
export function referencePolicy(policy: RecordCreationPolicy, catalog: Catalog): ResolvedPolicy {
  const facts = catalog.crms[policy.crm.system];
  const d = referenceDefaults;
  const append = policy.records?.append;
  const calls = policy.records?.calls;
  const chats = policy.records?.chats;
  const abandoned: AbandonedChats = given<AbandonedChats>(chats?.abandoned, d.chats.abandoned);
  return {
    name: policy.metadata.name,
    crm: {
      ...facts,
      system: policy.crm.system,
      closedStatuses: [...given(policy.crm.closedStatuses, facts.closedStatuses)],
      reopenStatus: given(policy.crm.reopenStatus, facts.reopenStatus),
    },
    records: {
      append: {
        toOpenRecord: given(append?.toOpenRecord, d.append.toOpenRecord),
        closedWithinDays: given<number | null>(append?.closedWithinDays, d.append.closedWithinDays),
      },
      calls: {
        delayUntilConnected: given(calls?.delayUntilConnected, d.calls.delayUntilConnected),
        createForAbandoned: given(calls?.createForAbandoned, d.calls.createForAbandoned),
      },
      chats: {
        minConsumerMessages: given(chats?.minConsumerMessages, d.chats.minConsumerMessages),
        abandoned: typeof abandoned === "object" ? { minConsumerMessages: abandoned.minConsumerMessages } : abandoned,
        shortAbandonSeconds: given<number | null>(chats?.shortAbandonSeconds, d.chats.shortAbandonSeconds),
      },
    },
    title: { template: given(policy.title?.template, d.title.template), timeZone: given(policy.title?.timeZone, d.title.timeZone) },
    tags: { sessionType: given(policy.tags?.sessionType, d.tags.sessionType), platform: given(policy.tags?.platform, d.tags.platform) },
    overrides: given(policy.overrides, []),
  };
}
