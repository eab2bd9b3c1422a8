import { parseCondition } from "../compiler/conditions/parse-condition.js";
import { printCondition } from "../compiler/conditions/print-condition.js";
import type { Catalog } from "../compiler/model/catalog.js";
import { mergeOverrides } from "../compiler/model/merge-overrides.js";
import { resolvePolicy } from "../compiler/model/resolved-policy.js";
import type { RecordCreationPolicy } from "../schemas/types/policy.v1.js";
import { canonical, sameValue, settingPaths, settingValue, writes } from "./settings.js";

/** One setting, before and after, with defaults resolved. */
export interface SettingChange {
  path: string;
  before: unknown;
  after: unknown;
}

/** An override as a reviewer finds it: its place (1-based) and its condition, canonically printed. */
export interface OverrideRef {
  index: number;
  when: string;
}

export interface OverrideChange {
  change: "added" | "removed" | "changed" | "moved";
  before?: OverrideRef;
  after?: OverrideRef;
  /** The settings the override writes (on either side), as sessions it matches alone get them. */
  settings: SettingChange[];
}

export interface SettingsDiff {
  base: SettingChange[];
  overrides: OverrideChange[];
  /** What else changed that no session can see: `metadata.description`, `expect`. */
  cosmetic: string[];
}

/** The canonical text of a condition (the printer's), or the text itself when it does not parse. */
export function canonicalCondition(text: string): string {
  const parsed = parseCondition(text);
  return parsed.ok ? printCondition(parsed.ast) : text;
}

/**
 * The effective settings of two versions of a policy, compared per setting path: for the base
 * and for each override (sessions matching only it). Overrides are paired by their canonical
 * condition first, then by place; those left over were added or removed, and pairs whose order
 * changed are `moved`.
 */
export function diffSettings(before: RecordCreationPolicy, after: RecordCreationPolicy, catalog: Catalog): SettingsDiff {
  const base = changes(resolvePolicy(before, catalog), resolvePolicy(after, catalog), settingPaths());
  const old = before.overrides ?? [];
  const now = after.overrides ?? [];
  const oldWhen = old.map((o) => canonicalCondition(o.when));
  const nowWhen = now.map((o) => canonicalCondition(o.when));
  const pairs: [number, number][] = [];
  const usedNew = new Set<number>();
  oldWhen.forEach((when, i) => {
    const j = nowWhen.findIndex((w, k) => w === when && !usedNew.has(k));
    if (j >= 0) {
      pairs.push([i, j]);
      usedNew.add(j);
    }
  });
  const pairedOld = new Set(pairs.map(([i]) => i));
  for (let i = 0; i < old.length; i++)
    if (!pairedOld.has(i) && i < now.length && !usedNew.has(i)) {
      pairs.push([i, i]);
      pairedOld.add(i);
      usedNew.add(i);
    }
  pairs.sort((a, b) => a[0] - b[0]);
  const inOrder = longestIncreasing(pairs.map(([, j]) => j));

  const overrides: OverrideChange[] = [];
  const alone = (policy: RecordCreationPolicy, index: number) =>
    resolvePolicy(
      mergeOverrides(
        policy,
        (policy.overrides ?? []).map((_, k) => k === index),
      ),
      catalog,
    );
  const written = (o: object | undefined) => settingPaths().filter((p) => writes(o, p));
  pairs.forEach(([i, j], k) => {
    const o = old[i];
    const n = now[j];
    if (o === undefined || n === undefined) return;
    const paths = [...new Set([...written(o), ...written(n)])];
    const settings = changes(alone(before, i), alone(after, j), paths);
    const ref = { before: { index: i + 1, when: oldWhen[i] ?? o.when }, after: { index: j + 1, when: nowWhen[j] ?? n.when } };
    if (ref.before.when !== ref.after.when || settings.length > 0) overrides.push({ change: "changed", ...ref, settings });
    else if (!inOrder.has(k)) overrides.push({ change: "moved", ...ref, settings });
  });
  old.forEach((o, i) => {
    if (!pairedOld.has(i))
      overrides.push({
        change: "removed",
        before: { index: i + 1, when: oldWhen[i] ?? o.when },
        settings: changes(alone(before, i), resolvePolicy(before, catalog), written(o)),
      });
  });
  now.forEach((n, j) => {
    if (!usedNew.has(j))
      overrides.push({
        change: "added",
        after: { index: j + 1, when: nowWhen[j] ?? n.when },
        settings: changes(resolvePolicy(after, catalog), alone(after, j), written(n)),
      });
  });

  const cosmetic: string[] = [];
  if ((before.metadata.description ?? "") !== (after.metadata.description ?? "")) cosmetic.push("metadata.description");
  if (canonical(before.expect ?? []) !== canonical(after.expect ?? [])) cosmetic.push("expect");
  oldWhen.forEach((w, i) => {
    const j = pairs.find(([a]) => a === i)?.[1];
    if (j !== undefined && w === nowWhen[j] && old[i]?.when !== now[j]?.when) cosmetic.push(`overrides[${j + 1}].when (same condition, written differently)`);
  });
  return { base, overrides, cosmetic };
}

function changes(before: object, after: object, paths: readonly string[]): SettingChange[] {
  const out: SettingChange[] = [];
  for (const path of paths) {
    const a = settingValue(before as never, path);
    const b = settingValue(after as never, path);
    if (!sameValue(a, b)) out.push({ path, before: a ?? null, after: b ?? null });
  }
  return out;
}

/** Positions (into `values`) of one longest increasing run: the pairs that kept their order. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const length = values.map(() => 1);
  const previous = values.map(() => -1);
  for (let i = 0; i < values.length; i++)
    for (let k = 0; k < i; k++)
      if ((values[k] ?? 0) < (values[i] ?? 0) && (length[k] ?? 0) + 1 > (length[i] ?? 0)) {
        length[i] = (length[k] ?? 0) + 1;
        previous[i] = k;
      }
  let end = -1;
  length.forEach((l, i) => {
    if (end < 0 || l > (length[end] ?? 0)) end = i;
  });
  const keep = new Set<number>();
  for (let i = end; i >= 0; i = previous[i] ?? -1) keep.add(i);
  return keep;
}
