import { cpus, loadavg, release, totalmem, type as osType } from "node:os";

/** The machine the figures were measured on. */
export function machine(): string {
  const cores = cpus();
  const model = cores[0]?.model.trim() ?? "unknown CPU";
  return `machine: ${model}, ${cores.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${osType()} ${release()}, Node ${process.version}`;
}

/** The load average over the last minute: the machine is shared, so say how busy it was. */
export function load(): string {
  return loadavg()[0]!.toFixed(2);
}
