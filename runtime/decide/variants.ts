import type { CompiledPolicy, Settings } from "../../schemas/types/bundle.v1.js";
import type { CompiledCondition } from "../conditions/compiled-condition.js";
import { evaluateCondition, type SessionAttributes } from "../conditions/evaluate.js";
import { recordTags } from "../tags/tag-forms.js";
import { titleRenderer, type RenderTitle } from "../title/render-title.js";
import { SessionTypes } from "./session-types.js";

/** The settings a session runs under: the base, or the base with its matching overrides merged. */
export interface Variant {
  settings: Settings;
  title: RenderTitle;
  types: SessionTypes;
  /** Provenance of its decisions: the policy's name and revision, the overrides merged in. */
  policy: string;
  revision: string;
  overrides: readonly number[];
}

/**
 * Chooses a session's variant when it starts. Overrides are evaluated once per session; the
 * merged result is built once per distinct set of matching overrides and kept.
 */
export class Variants {
  readonly base: Variant;
  private readonly conditions: CompiledCondition[];
  private readonly merged = new Map<string, Variant>();

  constructor(private readonly policy: CompiledPolicy) {
    this.base = { settings: policy.records, title: titleRenderer(policy), types: new SessionTypes(policy), policy: policy.name, revision: policy.revision, overrides: [] };
    this.conditions = policy.overrides.map((o) => o.condition as CompiledCondition);
  }

  for(session: SessionAttributes): Variant {
    if (this.conditions.length === 0) return this.base;
    let key = "";
    for (const condition of this.conditions) key += evaluateCondition(condition, session) ? "1" : "0";
    if (!key.includes("1")) return this.base;
    let variant = this.merged.get(key);
    if (variant === undefined) {
      variant = this.merge(key);
      this.merged.set(key, variant);
    }
    return variant;
  }

  /** Later overrides win; each sets only what it names. */
  private merge(key: string): Variant {
    const { policy } = this;
    let records: Settings = { ...policy.records };
    let title = { ...policy.title };
    let tags = { ...policy.tags };
    const matched: number[] = [];
    policy.overrides.forEach((override, i) => {
      if (key[i] !== "1") return;
      matched.push(i);
      records = { ...records, ...override.records };
      title = { ...title, ...override.title };
      tags = { ...tags, ...override.tags };
    });
    const sessionTypes = policy.sessionTypes.map((t) => ({ ...t, tags: recordTags(t.name, policy.crm, tags) }));
    const merged: CompiledPolicy = { ...policy, records, title, tags, sessionTypes };
    return { settings: records, title: titleRenderer(merged), types: new SessionTypes(merged), policy: policy.name, revision: policy.revision, overrides: matched };
  }
}
