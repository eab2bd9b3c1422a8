// `npm run bench`: every benchmark in one process, printed as one table.
// Each figure is a median of several rounds; every ratio compares figures measured side by side
// in this run, with the compared variants' rounds interleaved.
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { compileRows } from "./compile.js";
import { decisionRows } from "./decide.js";
import { decisionSink } from "./deciders.js";
import { diffEventsRows, diffPoliciesRows } from "./diff.js";
import { flatMemoryRows } from "./flat-memory.js";
import { load, machine } from "./machine.js";
import { memoryRows } from "./memory.js";
import { benchBundle, benchPolicy } from "./policy.js";
import { serveCrowd, serveRows } from "./serve.js";
import { simulateRows, writeInputs } from "./simulate.js";
import { snapshotRows } from "./snapshot.js";
import { formatTable, type Row } from "./table.js";
import { titleRows } from "./titles.js";
import { syntheticTrace } from "./trace.js";

const traceEvents = 1_000_000;
const started = performance.now();
const log = (line: string) => process.stdout.write(line + "\n");

log(machine());
log(`load average (1 min) at start: ${load()}`);
const bundle = benchBundle();
// Heap first, while the heap holds nothing else of the benchmark's.
const memory = memoryRows(bundle.policy);
memory.push(...flatMemoryRows(bundle.policy, log));
memory.push(...snapshotRows(bundle.policy));
const compile = compileRows(log);
const titles = await titleRows(bundle.policy);
const trace = syntheticTrace(traceEvents);
const decisions = await decisionRows(bundle.policy, trace, log);
const files = writeInputs(bundle.text, trace);
let simulate: Row[];
try {
  simulate = await simulateRows(files, benchPolicy.metadata.name, trace.events.length, log);
  simulate.push(...(await diffEventsRows(files, trace.events.length, log)));
  simulate.push(...(await serveRows(files, trace.events, benchPolicy.metadata.name, serveCrowd(files.dir), log)));
} finally {
  rmSync(files.dir, { recursive: true, force: true });
}
const diff = diffPoliciesRows(log);
const rows: Row[] = [...decisions, ...titles, ...simulate, ...diff, ...compile, ...memory];
if (decisionSink() === 0) throw new Error("no decisions were made");
log("");
log(formatTable(rows));
log("");
log(
  `${rows.filter((r) => r.met === true).length} of ${rows.filter((r) => r.met !== undefined).length} targets met; bench took ${Math.round((performance.now() - started) / 1000)} s; load average (1 min) at end: ${load()}`,
);
