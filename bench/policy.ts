import { compileSources } from "../compiler/pipeline.js";
import { loadBundle } from "@crm-policy/runtime";
import type { CompiledPolicy } from "@crm-policy/runtime";
import type { RecordCreationPolicy } from "../schemas/types/policy.v1.js";

/**
 * The one policy the decision benchmarks run: Salesforce, append to the open case or reopen one
 * closed within 3 days, calls get a case only once connected, chats need 2 consumer messages,
 * abandoned chats need 1, and a title with three variables, TIMESTAMP in UTC.
 */
export const benchPolicy: RecordCreationPolicy = {
  apiVersion: "crm-policy/v1",
  kind: "RecordCreationPolicy",
  metadata: { name: "bench-salesforce", description: "the policy of the decision benchmarks" },
  crm: { system: "salesforce", closedStatuses: ["Closed", "Closed - Duplicate"], reopenStatus: "Open" },
  records: {
    append: { toOpenRecord: true, closedWithinDays: 3 },
    calls: { delayUntilConnected: true },
    chats: { minConsumerMessages: 2, abandoned: { minConsumerMessages: 1 } },
  },
  title: { template: "{{CALL_TYPE}} {{CALL_ID}} at {{TIMESTAMP}}", timeZone: "UTC" },
};

/** The same title template, for the title benchmarks' Handlebars and concatenation baselines. */
export const benchTemplate = "{{CALL_TYPE}} {{CALL_ID}} at {{TIMESTAMP}}";

/** The policy compiled to a bundle, as text, and loaded back through loadBundle as services do. */
export function benchBundle(): { text: string; policy: CompiledPolicy } {
  const compiled = compileSources([{ file: "bench-salesforce.json", bytes: Buffer.from(JSON.stringify(benchPolicy)) }]);
  if (compiled.bundle === undefined) throw new Error("the bench policy does not compile: " + JSON.stringify(compiled.diagnostics));
  const text = compiled.bundle.text;
  return { text, policy: loadBundle(text).policy(benchPolicy.metadata.name) };
}
