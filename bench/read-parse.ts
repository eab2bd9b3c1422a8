// The baseline of the `simulate` benchmark, run as its own process: read an events file with the
// CLI's own line reader and JSON.parse every line exactly as `simulate` does, deciding nothing.
import { isBlank } from "../cli/blank-line.js";
import { readLineBatches } from "../cli/read-lines.js";

const path = process.argv[2];
if (path === undefined) throw new Error("usage: node dist/bench/read-parse.js EVENTS.jsonl");
let lines = 0;
let objects = 0;
for await (const batch of readLineBatches(path, process.stdin)) {
  for (const line of batch) {
    lines++;
    if (typeof line !== "string" || isBlank(line)) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof value === "object" && value !== null) objects++;
  }
}
process.stderr.write(`read ${lines} lines, ${objects} objects\n`);
