// `npm run bench:decide`: only the decision rows of `npm run bench` (runtime against the
// hand-written, reference and json-rules-engine deciders), as they are measured there.
import { decisionRows } from "./decide.js";
import { load, machine } from "./machine.js";
import { benchBundle } from "./policy.js";
import { formatTable } from "./table.js";
import { syntheticTrace } from "./trace.js";

const log = (line: string) => process.stdout.write(line + "\n");
log(machine());
log(`load average (1 min) at start: ${load()}`);
const rows = await decisionRows(benchBundle().policy, syntheticTrace(1_000_000), log);
log(formatTable(rows));
log(`load average (1 min) at end: ${load()}`);
