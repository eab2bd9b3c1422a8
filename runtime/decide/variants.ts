import type { CompiledPolicy, Crm, Settings, Tags, Title } from "../../schemas/types/bundle.v1.js";
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
  /** The CRM of the policy version it belongs to. */
  crm: Crm;
}

/** Merged variants kept for reuse; a policy whose overrides match in more combinations builds the rest again. */
export const variantCacheSize = 256;

/**
 * Chooses a session's variant when it starts. Overrides are evaluated once per session. The
 * merge is cheap (a settings object); what is costly to build — a title renderer, a session
 * type table — depends only on the merged title or tags, which take few distinct values, and is
 * shared. Merged variants are kept in a bounded cache (least recently used goes first), so
 * memory does not grow with the number of distinct sets of matching overrides.
 */
export class Variants {
  readonly base: Variant;
  private readonly conditions: CompiledCondition[];
  private readonly merged = new Map<string, Variant>();
  private readonly titles = new Map<string, RenderTitle>();
  private readonly types = new Map<string, SessionTypes>();

  constructor(readonly policy: CompiledPolicy) {
    this.base = {
      settings: policy.records,
      title: titleRenderer(policy),
      types: new SessionTypes(policy),
      policy: policy.name,
      revision: policy.revision,
      overrides: [],
      crm: policy.crm,
    };
    this.conditions = policy.overrides.map((o) => o.condition as CompiledCondition);
    this.titles.set(JSON.stringify(policy.title), this.base.title);
    this.types.set(JSON.stringify(policy.tags), this.base.types);
  }

  /** How many merged variants are held (at most `variantCacheSize`). */
  get cached(): number {
    return this.merged.size;
  }

  for(session: SessionAttributes): Variant {
    if (this.conditions.length === 0) return this.base;
    let key = "";
    for (const condition of this.conditions) key += evaluateCondition(condition, session) ? "1" : "0";
    return this.byKey(key);
  }

  /**
   * The variant of a session whose matching overrides are known (a restored session: they
   * were evaluated at its start); indexes in increasing order, each below the number of overrides.
   */
  withOverrides(indexes: readonly number[]): Variant {
    if (indexes.length === 0) return this.base;
    const matched = new Set(indexes);
    let key = "";
    for (let i = 0; i < this.conditions.length; i++) key += matched.has(i) ? "1" : "0";
    return this.byKey(key);
  }

  private byKey(key: string): Variant {
    if (!key.includes("1")) return this.base;
    let variant = this.merged.get(key);
    if (variant !== undefined) {
      // most recently used last
      this.merged.delete(key);
      this.merged.set(key, variant);
      return variant;
    }
    variant = this.merge(key);
    if (this.merged.size >= variantCacheSize) this.merged.delete(this.merged.keys().next().value as string);
    this.merged.set(key, variant);
    return variant;
  }

  /** Later overrides win; each sets only what it names. */
  private merge(key: string): Variant {
    const { policy } = this;
    let records: Settings = policy.records;
    let title: Title = policy.title;
    let tags: Tags = policy.tags;
    const matched: number[] = [];
    policy.overrides.forEach((override, i) => {
      if (key[i] !== "1") return;
      matched.push(i);
      records = { ...records, ...override.records };
      title = { ...title, ...override.title };
      tags = { ...tags, ...override.tags };
    });
    return {
      settings: records,
      title: this.titleFor(title),
      types: this.typesFor(tags),
      policy: policy.name,
      revision: policy.revision,
      overrides: matched,
      crm: policy.crm,
    };
  }

  private titleFor(title: Title): RenderTitle {
    const key = JSON.stringify(title);
    let render = this.titles.get(key);
    if (render === undefined) {
      render = titleRenderer({ ...this.policy, title });
      if (this.titles.size < variantCacheSize) this.titles.set(key, render);
    }
    return render;
  }

  private typesFor(tags: Tags): SessionTypes {
    const key = JSON.stringify(tags);
    let types = this.types.get(key);
    if (types === undefined) {
      const { policy } = this;
      const sessionTypes = policy.sessionTypes.map((t) => ({ ...t, tags: recordTags(t.name, policy.crm, tags) }));
      types = new SessionTypes({ ...policy, tags, sessionTypes });
      if (this.types.size < variantCacheSize) this.types.set(key, types);
    }
    return types;
  }
}
