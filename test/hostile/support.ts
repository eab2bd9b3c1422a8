import { performance } from "node:perf_hooks";
import { compileSources } from "../../compiler/pipeline.js";
import { loadBundle, type CompiledPolicy } from "../../runtime/index.js";

/**
 * Milliseconds per call of `run`, repeated until at least `budgetMs` has passed (so a fast
 * call is still measured well), the best of three such rounds.
 */
export function msPerCall(run: () => unknown, budgetMs = 30): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      run();
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < budgetMs);
    best = Math.min(best, elapsed / calls);
  }
  return best;
}

/**
 * How much longer the big input takes than the small one of the same shape, `factor` times
 * smaller. Linear work gives about `factor`; quadratic work about `factor²`. Tests bound this
 * ratio generously (never an absolute time), so a loaded machine does not fail them.
 */
export function timeRatio(small: () => unknown, big: () => unknown): number {
  return msPerCall(big) / msPerCall(small);
}

/**
 * The smallest of up to `attempts` ratios, stopping at the first under `bound`: a machine busy
 * with other work can slow one measurement down, but not make quadratic work (a ratio near
 * factor², far over the bound) pass.
 */
export function bestRatio(small: () => unknown, big: () => unknown, bound: number, attempts = 3): number {
  let best = Infinity;
  for (let i = 0; i < attempts && best >= bound; i++) best = Math.min(best, timeRatio(small, big));
  return best;
}

/** A policy compiled from YAML text, as the runtime loads it. */
export function compiled(yaml: string, name = "hostile"): CompiledPolicy {
  const result = compileSources([{ file: `${name}.yaml`, bytes: Buffer.from(yaml) }]);
  if (result.bundle === undefined) throw new Error("policy does not compile: " + JSON.stringify(result.diagnostics));
  return loadBundle(result.bundle.text).policy(name);
}

export function policyYaml(system: string, extra = ""): string {
  return `apiVersion: crm-policy/v1
kind: RecordCreationPolicy
metadata:
  name: hostile
crm:
  system: ${system}
${extra}`;
}
