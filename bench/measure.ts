import { performance } from "node:perf_hooks";

/** One variant of a comparison: a name and one timed round, returning milliseconds. */
export interface Variant {
  name: string;
  round: () => number | Promise<number>;
}

/** Milliseconds taken by `work`. */
export function timed(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

export async function timedAsync(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs the variants' rounds interleaved (A B, then B A, ...), so that a noisy neighbour or a
 * slow spell of the machine hits every variant alike, and returns each variant's median ms.
 */
export async function interleaved(rounds: number, variants: readonly Variant[]): Promise<Map<string, number>> {
  const times = new Map<string, number[]>(variants.map((v) => [v.name, []]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) times.get(variant.name)!.push(await variant.round());
  }
  return new Map([...times].map(([name, ms]) => [name, median(ms)]));
}

/** The median of a named variant, which must have been measured. */
export function get(medians: Map<string, number>, name: string): number {
  const ms = medians.get(name);
  if (ms === undefined) throw new Error(`no measurement for ${name}`);
  return ms;
}
