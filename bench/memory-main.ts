// `npm run bench:memory`: only the memory rows of `npm run bench` (heap per in-flight session,
// `simulate` peak RSS), as they are measured there, for work on the runtime's per-session state.
import { rmSync } from "node:fs";
import { load, machine } from "./machine.js";
import { memoryRows } from "./memory.js";
import { benchBundle, benchPolicy } from "./policy.js";
import { simulateRows, writeInputs } from "./simulate.js";
import { formatTable } from "./table.js";
import { syntheticTrace } from "./trace.js";

const log = (line: string) => process.stdout.write(line + "\n");
log(machine());
log(`load average (1 min) at start: ${load()}`);
const bundle = benchBundle();
const rows = memoryRows(bundle.policy);
const trace = syntheticTrace(1_000_000);
const files = writeInputs(bundle.text, trace);
try {
  rows.push(...(await simulateRows(files, benchPolicy.metadata.name, trace.events.length, log)));
} finally {
  rmSync(files.dir, { recursive: true, force: true });
}
log(formatTable(rows));
log(`load average (1 min) at end: ${load()}`);
