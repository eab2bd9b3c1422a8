// For every setting of the policy schema, and for adding, removing and reordering an override:
// changing it in an example policy makes `diff` report that setting and at least one group of
// sessions, named after the rule the setting controls, whose example `simulate` replays under
// each version to exactly the decisions shown.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diffSides, type PolicyDiff } from "../../diff/diff-policies.js";
import { ruleOf, rules } from "../../diff/rules.js";
import { settingPaths } from "../../diff/settings.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { simulateExample, tempFolder, writeYaml } from "./support.js";

const base: RecordCreationPolicy = {
  apiVersion: "crm-policy/v1",
  kind: "RecordCreationPolicy",
  metadata: { name: "table", description: "every setting, each one changed in turn" },
  crm: { system: "zendesk" },
  records: {
    append: { toOpenRecord: true, closedWithinDays: 3 },
    calls: { delayUntilConnected: false, createForAbandoned: false },
    chats: { minConsumerMessages: 1, abandoned: "none", shortAbandonSeconds: 20 },
  },
  title: { template: "{{CALL_TYPE}} {{CALL_ID}} {{TIMESTAMP}}", timeZone: "UTC" },
  tags: { sessionType: false, platform: false },
  overrides: [
    { when: 'queue == "VIP"', records: { chats: { minConsumerMessages: 3 } } },
    { when: 'queue matches "V*"', records: { chats: { minConsumerMessages: 2 } } },
  ],
};

type Edit = (p: RecordCreationPolicy) => void;
const threshold = ruleOf("records.chats.minConsumerMessages").name;

/** One change per setting: the setting reported and the rule a group must name. */
const settingEdits: Record<string, Edit> = {
  "crm.system": (p) => (p.crm.system = "freshdesk"),
  "crm.closedStatuses": (p) => (p.crm.closedStatuses = ["pending", "solved", "closed"]),
  "crm.reopenStatus": (p) => (p.crm.reopenStatus = "pending"),
  "records.append.toOpenRecord": (p) => (p.records!.append = { toOpenRecord: false }),
  "records.append.closedWithinDays": (p) => (p.records!.append!.closedWithinDays = 1),
  "records.calls.delayUntilConnected": (p) => (p.records!.calls!.delayUntilConnected = true),
  "records.calls.createForAbandoned": (p) => (p.records!.calls!.createForAbandoned = true),
  "records.chats.minConsumerMessages": (p) => (p.records!.chats!.minConsumerMessages = 0),
  "records.chats.abandoned": (p) => (p.records!.chats!.abandoned = "all"),
  "records.chats.shortAbandonSeconds": (p) => (p.records!.chats!.shortAbandonSeconds = 5),
  "title.template": (p) => (p.title!.template = "{{CALL_ID}} {{TIMESTAMP}}"),
  "title.timeZone": (p) => (p.title!.timeZone = "Asia/Tokyo"),
  "tags.sessionType": (p) => (p.tags!.sessionType = true),
  "tags.platform": (p) => (p.tags!.platform = true),
};

interface Row {
  name: string;
  edit: Edit;
  /** What the settings diff must hold. */
  reported: (d: PolicyDiff) => boolean;
  rule: string;
}

const rows: Row[] = [
  ...Object.entries(settingEdits).map(([path, edit]) => ({
    name: path,
    edit,
    reported: (d: PolicyDiff) => d.settings?.base.some((c) => c.path === path) ?? false,
    rule: ruleOf(path).name,
  })),
  {
    name: "an override added",
    edit: (p) => p.overrides!.push({ when: 'channel == "chat" and queue == "Main"', records: { chats: { minConsumerMessages: 0 } } }),
    reported: (d) =>
      d.settings?.overrides.some(
        (o) => o.change === "added" && o.after?.index === 3 && o.settings.some((c) => c.path === "records.chats.minConsumerMessages"),
      ) ?? false,
    rule: threshold,
  },
  {
    name: "an override removed",
    edit: (p) => p.overrides!.splice(1, 1),
    reported: (d) => d.settings?.overrides.some((o) => o.change === "removed" && o.before?.index === 2) ?? false,
    rule: threshold,
  },
  {
    name: "two overrides reordered",
    edit: (p) => p.overrides!.reverse(),
    reported: (d) => d.settings?.overrides.some((o) => o.change === "moved") ?? false,
    rule: threshold,
  },
];

describe("diff reports every setting's change, with replayable examples", () => {
  it("the table has one row for every setting of the schema and every setting a rule", () => {
    expect(Object.keys(settingEdits).sort()).toEqual([...settingPaths()].sort());
    expect(Object.keys(rules).sort()).toEqual([...settingPaths()].sort());
  });

  const folder = tempFolder();
  const oldFile = writeYaml(folder, "old.yaml", base);
  const side = (file: string) => ({ label: file, sources: [{ file, bytes: readFileSync(file) }] });

  it.each(rows)("$name", async (row) => {
    const changed = structuredClone(base);
    row.edit(changed);
    const newFile = writeYaml(folder, `${row.name.replace(/\W+/g, "-")}.yaml`, changed);
    const result = diffSides(side(oldFile), side(newFile), { runs: 0, seed: 7, maxEvents: 4 });
    if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
    const [policy] = result.report.policies;
    expect(policy?.status).toBe("changed");
    if (policy === undefined) return;
    expect(row.reported(policy), JSON.stringify(policy.settings)).toBe(true);
    const groups = policy.behaviour?.groups ?? [];
    const named = groups.filter((g) => g.rules.includes(row.rule));
    expect(named.length, groups.map((g) => g.rules.join("; ")).join("\n")).toBeGreaterThan(0);
    for (const group of named.slice(0, 1)) {
      const before = await simulateExample(oldFile, group.example);
      const after = await simulateExample(newFile, group.example);
      expect([before.code, after.code], before.stderr + after.stderr).toEqual([0, 0]);
      expect(before.decision).toEqual(group.example.before);
      expect(after.decision).toEqual(group.example.after);
      expect(before.decision).not.toEqual(after.decision);
    }
  });
});
