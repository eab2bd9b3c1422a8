// Shared by the diff tests: policies written to temporary folders, and each group's example
// replayed with `crm-policy simulate` under each version.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "yaml";
import type { TraceExample } from "../../diff/explore.js";
import type { Decision } from "../../schemas/types/decision.v1.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { runCli } from "../support/run-cli.js";

export function tempFolder(prefix = "crm-policy-diff-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeYaml(folder: string, file: string, policy: RecordCreationPolicy): string {
  const path = join(folder, file);
  writeFileSync(path, stringify(policy));
  return path;
}

/** The session's decision line when `simulate` replays the example through the policy file (null: none printed). */
export async function simulateExample(policyFile: string, example: TraceExample): Promise<{ code: number; decision: Decision | null; stderr: string }> {
  const folder = tempFolder("crm-policy-diff-example-");
  const events = join(folder, "events.jsonl");
  writeFileSync(events, example.events.map((e) => JSON.stringify(e)).join("\n") + "\n");
  const args = ["simulate", "--policy", policyFile, "--events", events];
  if (example.records.length > 0) {
    const records = join(folder, "records.jsonl");
    writeFileSync(records, example.records.map((r) => JSON.stringify(r)).join("\n") + "\n");
    args.push("--records", records);
  }
  const { code, stdout, stderr } = await runCli(args);
  const lines = stdout
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Decision);
  return { code, decision: lines.find((d) => d.sessionId === example.sessionId) ?? null, stderr };
}
