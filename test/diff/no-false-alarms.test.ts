// diff raises no false alarm: a policy rewritten without changing what it means (reformatted,
// keys reordered, comments and description changed, JSON instead of YAML, a condition replaced
// by an equivalent one) is "no behavioural change"; and for random P and Q every group's example
// replays through each compiled version to exactly the decisions the diff states.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { compileSources } from "../../compiler/pipeline.js";
import { behaviourChanged, diffSides, type Side } from "../../diff/diff-policies.js";
import type { TraceExample } from "../../diff/explore.js";
import { loadBundle } from "../../runtime/bundle/load-bundle.js";
import { Decider, Rejection } from "../../runtime/decide/decider.js";
import { MemoryRecordStore } from "../../runtime/records/memory-store.js";
import type { Decision } from "../../schemas/types/decision.v1.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { policyArb } from "../support/arbitraries.js";

const runs = (base: number) => Math.max(base, Number(process.env["CRM_POLICY_RUNS"] ?? 0) / 1000);
const options = { runs: 10, seed: 3, maxEvents: 4 };
const encode = (text: string) => new TextEncoder().encode(text);
const side = (file: string, text: string): Side => ({ label: file, sources: [{ file, bytes: encode(text) }] });

/** Keys of every mapping in an order the permutation picks. */
function reorder(value: unknown, pick: readonly number[], depth = 0): unknown {
  if (Array.isArray(value)) return value.map((v) => reorder(v, pick, depth + 1));
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value);
  const shift = (pick[depth % pick.length] ?? 0) % Math.max(1, entries.length);
  const rotated = [...entries.slice(shift), ...entries.slice(0, shift)];
  if ((pick[(depth + 1) % pick.length] ?? 0) % 2 === 1) rotated.reverse();
  return Object.fromEntries(rotated.map(([k, v]) => [k, reorder(v, pick, depth + 1)]));
}

const equivalents = [(c: string) => `not (not (${c}))`, (c: string) => `(${c}) and (${c})`, (c: string) => `(${c}) or (${c})`, (c: string) => `(${c})`];

/** The same policy, written differently. */
const rewriteArb = fc.record({
  format: fc.constantFrom("yaml-block", "yaml-flow", "json"),
  pick: fc.array(fc.nat(7), { minLength: 1, maxLength: 4 }),
  description: fc.option(fc.string({ maxLength: 30 }), { nil: undefined }),
  comment: fc.boolean(),
  conditions: fc.array(fc.nat(equivalents.length), { maxLength: 3 }),
});

function rewrite(policy: RecordCreationPolicy, r: RewriteChoice): { file: string; text: string } {
  const p = structuredClone(policy);
  if (r.description === undefined) delete p.metadata.description;
  else p.metadata.description = r.description;
  p.overrides?.forEach((o, i) => {
    const k = r.conditions[i];
    const rewriteWhen = k === undefined ? undefined : equivalents[k];
    if (rewriteWhen !== undefined) o.when = rewriteWhen(o.when);
  });
  const value = reorder(p, r.pick);
  if (r.format === "json") return { file: "rewritten.json", text: JSON.stringify(value, null, 1) };
  const text = stringify(value, r.format === "yaml-flow" ? { collectionStyle: "flow", lineWidth: 0 } : { indent: 4 });
  return { file: "rewritten.yaml", text: r.comment ? `# rewritten for review\n${text.replace(/\n/, "  # a comment\n")}` : text };
}

type RewriteChoice = { format: string; pick: number[]; description: string | undefined; comment: boolean; conditions: number[] };

/** What `simulate FILE --records R --events E` prints for the example's session. */
const bundles = new Map<string, ReturnType<typeof loadBundle>>();
function simulated(text: string, example: TraceExample): Decision | null {
  let bundle = bundles.get(text);
  if (bundle === undefined) {
    const compiled = compileSources([{ file: "p.yaml", bytes: encode(text) }]);
    if (compiled.bundle === undefined) throw new Error("does not compile");
    bundle = loadBundle(compiled.bundle.text);
    bundles.set(text, bundle);
  }
  const decider = new Decider(bundle.policy(bundle.names[0] ?? ""), new MemoryRecordStore(example.records));
  const outcomes = [...example.events.flatMap((event) => decider.receive(JSON.parse(JSON.stringify(event)))), ...decider.flush()];
  for (const result of outcomes) if (!(result instanceof Rejection) && result.sessionId === example.sessionId) return result;
  return null;
}

describe("diff: no false alarms", () => {
  it("a policy written differently has no behavioural change", () => {
    fc.assert(
      fc.property(policyArb, rewriteArb, (policy, r) => {
        const original = stringify(policy);
        const rewritten = rewrite(policy, r as RewriteChoice);
        const result = diffSides(side("original.yaml", original), side(rewritten.file, rewritten.text), options);
        if (!result.ok) throw new Error(`${rewritten.text}\n${JSON.stringify(result.diagnostics)}`);
        expect(behaviourChanged(result.report), `${original}\n---\n${rewritten.text}\n${JSON.stringify(result.report.policies[0]?.behaviour?.groups[0])}`).toBe(
          false,
        );
        const [p] = result.report.policies;
        if (p !== undefined) expect(p.settings?.base).toEqual([]);
      }),
      { numRuns: runs(12) },
    );
  });

  it("every group's example replays to the decisions shown", () => {
    fc.assert(
      fc.property(policyArb, policyArb, (p, q) => {
        const [a, b] = [stringify(p), stringify(q)];
        const result = diffSides(side("p.yaml", a), side("q.yaml", b), options);
        if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
        for (const group of result.report.policies[0]?.behaviour?.groups ?? []) {
          const e = group.example;
          expect(simulated(a, e), `${a}\n---\n${b}\n${JSON.stringify(e)}`).toEqual(e.before);
          expect(simulated(b, e)).toEqual(e.after);
        }
      }),
      { numRuns: runs(5) },
    );
  });
});
