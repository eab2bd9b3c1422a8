import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";
import type { Started } from "../schemas/types/session-event.v1.js";
import { kind, type Kind, type Outcome } from "./outcome.js";
import { ruleOf, type Aspect } from "./rules.js";
import { canonical, sameValue, settingPaths, settingValue } from "./settings.js";

/** The decision of a group's sessions, without what makes each one unique (times, titles). */
export interface Verdict {
  decision: Kind;
  trigger: string;
  reason: string;
}

/** Sessions that decide differently in the same way: the unit a diff reports. */
export interface Group<Example> {
  key: string;
  channel: "voice" | "chat";
  /**
   * Which overrides (1-based, in file order) the sessions' starts match in each version. The
   * class of a start is what those overrides make of the settings of its channel: starts whose
   * matches differ only by overrides that change nothing for the channel share a group.
   */
  matches: { before: number[]; after: number[] }[];
  before: Verdict;
  after: Verdict;
  /** The parts of the decision that changed. */
  aspects: Aspect[];
  /** The rules (docs/semantics.md) whose settings differ for these sessions and can explain the change. */
  rules: string[];
  /** Traces (or, replaying a log, sessions) in the group. */
  count: number;
  example: Example;
  /** Size of the example, to keep the shortest. */
  size: number;
}

/** One session that decides differently: where it started, and both outcomes. */
export interface Difference {
  start: Started;
  matches: { before: number[]; after: number[] };
  settings: { before: ResolvedPolicy; after: ResolvedPolicy };
  before: Outcome;
  after: Outcome;
  aspects: Aspect[];
}

/**
 * Groups differences by channel, class of the start, old verdict → new verdict and the parts
 * that changed; keeps the count and the smallest example of each.
 */
export class GroupTable<Example> {
  private readonly groups = new Map<string, Group<Example>>();

  /** Adds a difference; `example` is called only when it would be kept. Returns the group's key. */
  add(d: Difference, size: number, example: () => Example, counted = true): string {
    const key = keyOf(d);
    const group = this.groups.get(key);
    if (group === undefined) {
      this.groups.set(key, {
        key,
        channel: d.start.channel,
        matches: [d.matches],
        before: verdict(d.before),
        after: verdict(d.after),
        aspects: d.aspects,
        rules: rulesFor(d),
        count: counted ? 1 : 0,
        example: example(),
        size,
      });
      return key;
    }
    if (counted) group.count++;
    if (!group.matches.some((m) => same(m, d.matches))) group.matches.push(d.matches);
    if (size < group.size) {
      group.example = example();
      group.size = size;
    }
    return key;
  }

  /** Counts one more trace for a group without looking at its example. */
  count(key: string): void {
    const group = this.groups.get(key);
    if (group !== undefined) group.count++;
  }

  /** Most traces first; then by key, so the order is stable. */
  list(): Group<Example>[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
}

export function keyOf(d: Pick<Difference, "start" | "settings" | "before" | "after" | "aspects">): string {
  const c = (settings: ResolvedPolicy) => classOf(d.start.channel, d.aspects, settings);
  return [d.start.channel, c(d.settings.before), c(d.settings.after), show(verdict(d.before)), show(verdict(d.after)), d.aspects.join(",")].join("|");
}

const classes = new WeakMap<ResolvedPolicy, Map<string, string>>();

/**
 * The settings a session runs under that can explain this kind of change: those read on its
 * channel by a rule that touches the parts that changed (a title template is no part of why a
 * call now gets a record).
 */
function classOf(channel: "voice" | "chat", aspects: readonly Aspect[], settings: ResolvedPolicy): string {
  let cache = classes.get(settings);
  if (cache === undefined) classes.set(settings, (cache = new Map()));
  const id = `${channel}|${aspects.join(",")}`;
  let key = cache.get(id);
  if (key === undefined) {
    key = canonical(
      settingPaths()
        .filter((p) => relevant(p, channel, aspects))
        .map((p) => settingValue(settings, p)),
    );
    cache.set(id, key);
  }
  return key;
}

function relevant(path: string, channel: "voice" | "chat", aspects: readonly Aspect[]): boolean {
  const rule = ruleOf(path);
  return (rule.channel === "both" || rule.channel === channel) && rule.touches.some((a) => aspects.includes(a));
}

function same(a: { before: number[]; after: number[] }, b: { before: number[]; after: number[] }): boolean {
  return a.before.join(",") === b.before.join(",") && a.after.join(",") === b.after.join(",");
}

function show(o: Verdict): string {
  return `${o.decision}/${o.trigger}/${o.reason}`;
}

function verdict(o: Outcome): Verdict {
  return { decision: kind(o.decision), trigger: o.trigger, reason: o.reason };
}

/**
 * The rules behind a difference: the settings that differ between the session's two effective
 * settings, kept when the rule speaks about the session's channel and the parts that changed
 * (all of them when none is kept, so a group always names what differs).
 */
function rulesFor(d: Difference): string[] {
  const changed = settingPaths().filter((p) => !sameValue(settingValue(d.settings.before, p), settingValue(d.settings.after, p)));
  const kept = changed.filter((p) => relevant(p, d.start.channel, d.aspects));
  const names = (kept.length > 0 ? kept : changed).map((p) => ruleOf(p).name);
  if (names.length === 0) names.push("the overrides this session matches");
  return [...new Set(names)];
}
