import type { SourceFile } from "../compiler/passes/parse.js";
import { Prng } from "./prng.js";

const systems = ["salesforce", "zendesk", "kustomer", "freshdesk"] as const;
const closedBySystem: Record<(typeof systems)[number], string[]> = {
  salesforce: ["Closed", "Closed - Duplicate", "Closed - Resolved"],
  zendesk: ["solved", "closed", "archived"],
  kustomer: ["done", "archived"],
  freshdesk: ["Resolved", "Closed", "Spam"],
};
const reopenBySystem = { salesforce: "Open", zendesk: "open", kustomer: "open", freshdesk: "Open" };
const templates = [
  "{{CALL_TYPE}} {{CALL_ID}}",
  "{{CALL_TYPE}} {{CALL_ID}} at {{TIMESTAMP}}",
  "[{{LANGUAGE}}] {{CALL_TYPE}} from {{PHONE_NUMBER}} at {{TIMESTAMP}}",
  "{{CALL_TYPE}} – {{MENU_PATH}} ({{CALL_ID}})",
  "Case {{CALL_ID}} via {{MENU_PATH}} on {{TIMESTAMP}}",
];
const zones = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney"];
const conditions = ['channel == "chat"', 'queue == "vip"', 'channel == "voice"'];

/** `count` distinct, valid policy files in YAML, as teams write them, with varied settings. */
export function generatedPolicies(count: number, seed = 4): SourceFile[] {
  const rng = new Prng(seed);
  const files: SourceFile[] = [];
  for (let i = 0; i < count; i++) {
    const system = rng.pick(systems);
    const name = `team-${String(i).padStart(4, "0")}-${system}`;
    const append = rng.chance(0.7);
    const lines = [
      "apiVersion: crm-policy/v1",
      "kind: RecordCreationPolicy",
      "metadata:",
      `  name: ${name}`,
      `  description: generated policy ${i} for the compile benchmark`,
      "crm:",
      `  system: ${system}`,
      ...(rng.chance(0.5)
        ? [
            `  closedStatuses: [${closedBySystem[system]
              .slice(0, 1 + rng.int(3))
              .map((s) => JSON.stringify(s))
              .join(", ")}]`,
            `  reopenStatus: ${reopenBySystem[system]}`,
          ]
        : []),
      "records:",
      "  append:",
      `    toOpenRecord: ${append}`,
      ...(append && rng.chance(0.6) ? [`    closedWithinDays: ${1 + rng.int(30)}`] : []),
      "  calls:",
      `    delayUntilConnected: ${rng.chance(0.5)}`,
      `    createForAbandoned: ${rng.chance(0.5)}`,
      "  chats:",
      `    minConsumerMessages: ${rng.int(4)}`,
      ...(rng.chance(0.3) ? ["    abandoned:", `      minConsumerMessages: ${1 + rng.int(3)}`] : [`    abandoned: ${rng.pick(["none", "all"])}`]),
      `    shortAbandonSeconds: ${5 + rng.int(60)}`,
      "title:",
      `  template: ${JSON.stringify(rng.pick(templates))}`,
      `  timeZone: ${rng.pick(zones)}`,
      ...(system === "salesforce" ? [] : ["tags:", `  sessionType: ${rng.chance(0.7)}`, `  platform: ${rng.chance(0.7)}`]),
      ...(rng.chance(0.3)
        ? ["overrides:", `  - when: ${JSON.stringify(rng.pick(conditions))}`, "    records:", "      chats:", `        minConsumerMessages: ${rng.int(4)}`]
        : []),
    ];
    files.push({ file: `policies/${name}.yaml`, bytes: Buffer.from(lines.join("\n") + "\n") });
  }
  return files;
}
