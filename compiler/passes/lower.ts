import { createHash } from "node:crypto";
import type { CompiledPolicy, PartialSettings, PartialTags, PartialTitle, Settings, Title } from "../../schemas/types/bundle.v1.js";
import type { RecordCreationPolicy, Records } from "../../schemas/types/policy.v1.js";
import { lowerCondition } from "../conditions/lower-condition.js";
import { parseCondition } from "../conditions/parse-condition.js";
import { recordTags } from "@crm-policy/runtime/toolchain";
import type { Catalog } from "../model/catalog.js";
import { resolvePolicy, type ResolvedRecords } from "../model/resolved-policy.js";
import { parseTemplate } from "../template/parse-template.js";
import type { CheckedPolicy } from "./check.js";

type Override = NonNullable<RecordCreationPolicy["overrides"]>[number];
type CompiledOverride = CompiledPolicy["overrides"][number];

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
    title: compileTitle(resolved.title.template, resolved.title.timeZone),
    tags,
    sessionTypes: catalog.sessionTypes.map((t) => ({
      name: t.name,
      channel: t.channel,
      callType: t.channel === "voice" ? (t.callType ?? t.name) : t.name,
      tags: recordTags(t.name, compiledCrm, tags),
    })),
    overrides: (checked.policy.overrides ?? []).map((o) => lowerOverride(o, crm.platformTag, crm.tagStyle !== "none")),
  };
}

/** An override keeps only what it sets; the runtime merges it over the base when it matches. */
function lowerOverride(override: Override, platformTag: string, tagsSupported: boolean): CompiledOverride {
  const parsed = parseCondition(override.when);
  // check() has reported a condition that does not parse; lowering runs only on error-free input.
  if (!parsed.ok) throw new Error(`lower: override condition has errors: ${override.when}`);
  const title: PartialTitle = {};
  if (override.title?.template !== undefined) title.segments = compileTitle(override.title.template).segments;
  if (override.title?.timeZone !== undefined) title.timeZone = override.title.timeZone === "UTC" ? null : override.title.timeZone;
  const tags: PartialTags = {};
  if (override.tags?.sessionType !== undefined) tags.sessionType = override.tags.sessionType;
  if (override.tags?.platform !== undefined) tags.platform = override.tags.platform && tagsSupported ? platformTag : null;
  return { when: override.when, condition: lowerCondition(parsed.ast), records: partialSettings(override.records), title, tags };
}

/** The settings an override's `records` names, in the bundle's flat form. */
export function partialSettings(records: Records | undefined): PartialSettings {
  const out: PartialSettings = {};
  const set = <K extends keyof PartialSettings>(key: K, value: PartialSettings[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set("appendToOpen", records?.append?.toOpenRecord);
  set("closedWithinDays", records?.append?.closedWithinDays);
  set("delayUntilConnected", records?.calls?.delayUntilConnected);
  set("createForAbandoned", records?.calls?.createForAbandoned);
  set("minConsumerMessages", records?.chats?.minConsumerMessages);
  const abandoned = records?.chats?.abandoned;
  if (abandoned !== undefined) {
    out.abandonedChats = typeof abandoned === "string" ? abandoned : "min";
    out.abandonedMinMessages = typeof abandoned === "string" ? 0 : abandoned.minConsumerMessages;
  }
  set("shortAbandonSeconds", records?.chats?.shortAbandonSeconds);
  return out;
}

function settings(records: ResolvedRecords): Settings {
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

function compileTitle(template: string, timeZone = "UTC"): Title {
  const parsed = parseTemplate(template);
  // check() has reported a template that does not parse; lowering runs only on error-free input.
  if (!parsed.ok) throw new Error(`lower: title template has errors: ${template}`);
  return {
    segments: parsed.segments.map((s) => (typeof s === "string" ? s : { var: s.variable })),
    timeZone: timeZone === "UTC" ? null : timeZone,
  };
}
