// `npm run bench:serve`: only the rows of `crm-policy serve` (they are also in `npm run bench`).
import { rmSync } from "node:fs";
import { load, machine } from "./machine.js";
import { benchBundle, benchPolicy } from "./policy.js";
import { serveCrowd, serveRows } from "./serve.js";
import { writeInputs } from "./simulate.js";
import { formatTable } from "./table.js";
import { syntheticTrace } from "./trace.js";

const log = (line: string) => process.stdout.write(line + "\n");
log(machine());
log(`load average (1 min) at start: ${load()}`);
const events = Number(process.env["CRM_POLICY_SERVE_EVENTS"] ?? 1_000_000);
const trace = syntheticTrace(events);
const files = writeInputs(benchBundle().text, trace);
try {
  const crowd = serveCrowd(files.dir);
  log(formatTable(await serveRows(files, trace.events, benchPolicy.metadata.name, crowd, log)));
} finally {
  rmSync(files.dir, { recursive: true, force: true });
}
log(`load average (1 min) at end: ${load()}`);
