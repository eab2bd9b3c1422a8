import type { Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { defaultCatalog, type Catalog } from "../compiler/model/catalog.js";
import type { SourceFile } from "../compiler/passes/parse.js";
import { policiesUnderTest, type PolicyUnderTest } from "../verify/policy-under-test.js";
import type { CompiledPolicy } from "../schemas/types/bundle.v1.js";
import { exploreBehaviour, type BehaviourDiff, type ExploreOptions } from "./explore.js";
import { diffSettings, type SettingsDiff } from "./settings-diff.js";
import { canonical } from "./settings.js";
import type { LogDiff } from "./replay-log.js";
import { Version } from "./version.js";

/** One side of a diff as read: what the user wrote for it, and its policy files. */
export interface Side {
  label: string;
  sources: SourceFile[];
}

export interface PolicyDiff {
  name: string;
  status: "added" | "removed" | "changed";
  files: { before?: string; after?: string };
  settings?: SettingsDiff;
  /** Absent when both versions compile to the same policy (nothing to run), or a log was replayed instead. */
  behaviour?: BehaviourDiff;
  /** `--events`: a recorded log replayed through both versions. */
  log?: LogDiff;
}

export interface DiffReport {
  before: string;
  after: string;
  /** Added, removed and changed policies, by name. */
  policies: PolicyDiff[];
  /** Policies the same on both sides. */
  unchanged: number;
}

/** The two versions of each changed policy, by name: what a log is replayed through. */
export type Pairs = Map<string, { before: Version; after: Version }>;

export type DiffResult = { ok: true; report: DiffReport; pairs: Pairs } | { ok: false; side: Side; diagnostics: Diagnostic[] };

/**
 * Compiles both sides (each must validate, as `compile` requires), pairs their policies by
 * `metadata.name` and, for each pair that differs, compares the settings and the decisions.
 */
export function diffSides(before: Side, after: Side, options: ExploreOptions & { explore?: boolean }, catalog: Catalog = defaultCatalog()): DiffResult {
  const old = policiesUnderTest(before.sources, catalog);
  if (old.policies.length === 0 && before.sources.length > 0) return { ok: false, side: before, diagnostics: old.diagnostics };
  const now = policiesUnderTest(after.sources, catalog);
  if (now.policies.length === 0 && after.sources.length > 0) return { ok: false, side: after, diagnostics: now.diagnostics };
  const byName = (list: PolicyUnderTest[]) => new Map(list.map((p) => [p.name, p]));
  const a = byName(old.policies);
  const b = byName(now.policies);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const policies: PolicyDiff[] = [];
  let unchanged = 0;
  const pairs: Pairs = new Map();
  for (const name of names) {
    const pa = a.get(name);
    const pb = b.get(name);
    if (pa === undefined && pb !== undefined) policies.push({ name, status: "added", files: { after: pb.file } });
    else if (pb === undefined && pa !== undefined) policies.push({ name, status: "removed", files: { before: pa.file } });
    else if (pa !== undefined && pb !== undefined) {
      if (canonical(pa.source) === canonical(pb.source)) {
        unchanged++;
        continue;
      }
      const settings = diffSettings(pa.source, pb.source, catalog);
      const diff: PolicyDiff = { name, status: "changed", files: { before: pa.file, after: pb.file }, settings };
      const versions = { before: new Version(pa), after: new Version(pb) };
      pairs.set(name, versions);
      if (options.explore !== false && canonical(runnable(pa.compiled)) !== canonical(runnable(pb.compiled)))
        diff.behaviour = exploreBehaviour(versions.before, versions.after, options);
      policies.push(diff);
    }
  }
  return { ok: true, report: { before: before.label, after: after.label, policies, unchanged }, pairs };
}

/** What the runtime runs: the compiled policy without its revision and the conditions' source text. */
function runnable(p: CompiledPolicy): unknown {
  const { revision: _revision, overrides, ...rest } = p;
  return { ...rest, overrides: overrides.map(({ when: _when, ...o }) => o) };
}

/** Whether any session decides differently, or a policy came or went: `diff`'s exit status 1. */
export function behaviourChanged(report: DiffReport): boolean {
  return report.policies.some((p) => p.status !== "changed" || (p.behaviour?.groups.length ?? 0) > 0 || (p.log?.groups.length ?? 0) > 0);
}
