import { createHash } from "node:crypto";
import type { CompiledPolicy, Settings, Title } from "../../schemas/types/bundle.v1.js";
import { recordTags } from "../../runtime/tags/tag-forms.js";
import type { Catalog } from "../model/catalog.js";
import { resolvePolicy, type ResolvedRecords } from "../model/resolved-policy.js";
import { parseTemplate } from "../template/parse-template.js";
import type { CheckedPolicy } from "./check.js";

/**
 * Pass 4: a checked policy into what the runtime runs: defaults and CRM statuses resolved,
 * the title as segments, CALL_TYPE labels and tags precomputed for every catalog type.
 */
export function lower(checked: CheckedPolicy, catalog: Catalog): CompiledPolicy {
  const resolved = resolvePolicy(checked.policy, catalog);
  const { crm } = resolved;
  const compiledCrm = {
    system: crm.system,
    newStatus: crm.newStatus,
    closedStatuses: crm.closedStatuses,
    reopenStatus: crm.reopenStatus,
    neverUpdated: crm.neverUpdated,
    subjectLimit: crm.subjectLimit,
    tagStyle: crm.tagStyle,
    tagLimit: crm.tagLimit,
  };
  const tags = { sessionType: resolved.tags.sessionType, platform: resolved.tags.platform && crm.tagStyle !== "none" ? crm.platformTag : null };
  return {
    name: resolved.name,
    revision: "sha256:" + createHash("sha256").update(checked.document.source.text).digest("hex"),
    crm: compiledCrm,
    records: settings(resolved.records),
    title: title(resolved.title.template, resolved.title.timeZone),
    tags,
    sessionTypes: catalog.sessionTypes.map((t) => ({
      name: t.name,
      channel: t.channel,
      callType: t.channel === "voice" ? t.callType ?? t.name : t.name,
      tags: recordTags(t.name, compiledCrm, tags),
    })),
    overrides: resolved.overrides.map((o) => ({ when: o.when, records: settings(o.records) })),
  };
}

export function settings(records: ResolvedRecords): Settings {
  const abandoned = records.chats.abandoned;
  return {
    appendToOpen: records.append.toOpenRecord,
    closedWithinDays: records.append.closedWithinDays,
    delayUntilConnected: records.calls.delayUntilConnected,
    createForAbandoned: records.calls.createForAbandoned,
    minConsumerMessages: records.chats.minConsumerMessages,
    abandonedChats: typeof abandoned === "string" ? abandoned : "min",
    abandonedMinMessages: typeof abandoned === "string" ? 0 : abandoned.minConsumerMessages,
    shortAbandonSeconds: records.chats.shortAbandonSeconds,
  };
}

function title(template: string, timeZone: string): Title {
  const parsed = parseTemplate(template);
  // check() has reported a template that does not parse; lowering runs only on error-free input.
  if (!parsed.ok) throw new Error(`lower: title template has errors: ${template}`);
  return {
    segments: parsed.segments.map((s) => (typeof s === "string" ? s : { var: s.variable })),
    timeZone: timeZone === "UTC" ? null : timeZone,
  };
}
