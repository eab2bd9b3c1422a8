// Each invariant verify checks is shown to catch a planted bug: the policy the runtime runs (the
// compiled bundle) is changed behind the source's back, as a compiler or runtime bug would, and
// verify, which reads the settings from the source, must report the invariant that speaks
// about that setting. A setting changed in the source itself shows up in the policy's `expect`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { policiesUnderTest, type PolicyUnderTest } from "../../verify/policy-under-test.js";
import { verifyPolicy, type PolicyVerification } from "../../verify/verify-policy.js";
import type { CompiledPolicy } from "../../schemas/types/bundle.v1.js";

function policy(body: Record<string, unknown>): PolicyUnderTest {
  const text = stringify({ apiVersion: "crm-policy/v1", kind: "RecordCreationPolicy", metadata: { name: "planted" }, ...body });
  return fromText("planted.yaml", text);
}

function fromText(file: string, text: string): PolicyUnderTest {
  const { policies, diagnostics } = policiesUnderTest([{ file, bytes: new TextEncoder().encode(text) }]);
  const [first] = policies;
  if (first === undefined) throw new Error(JSON.stringify(diagnostics));
  return first;
}

function verify(p: PolicyUnderTest, plant?: (compiled: CompiledPolicy) => void): PolicyVerification {
  const compiled = structuredClone(p.compiled);
  plant?.(compiled);
  // in time order: these plants change settings, not how late events are taken (late-delivery.test.ts)
  return verifyPolicy({ ...p, compiled }, { runs: 300, seed: 3, maxEnumerated: 250_000, lateness: 0 });
}

const failed = (v: PolicyVerification) => v.results.filter((r) => r.counterexample !== undefined).map((r) => r.property.id);
const checked = (v: PolicyVerification) => v.results.map((r) => r.property.id);

interface Plant {
  name: string;
  body: Record<string, unknown>;
  plant: (compiled: CompiledPolicy) => void;
  breaks: string[];
}

const plants: Plant[] = [
  {
    name: "the runtime forgets delay until connected",
    body: { crm: { system: "salesforce" }, records: { calls: { delayUntilConnected: true, createForAbandoned: true } } },
    plant: (c) => void (c.records.delayUntilConnected = false),
    breaks: ["connected-calls-only", "delay-until-connected"],
  },
  {
    name: "the runtime creates records for abandoned calls that are off",
    body: { crm: { system: "salesforce" } },
    plant: (c) => void (c.records.createForAbandoned = true),
    breaks: ["abandoned-call-no-record"],
  },
  {
    name: "the runtime drops records for abandoned calls",
    body: { crm: { system: "salesforce" }, records: { calls: { createForAbandoned: true } } },
    plant: (c) => void (c.records.createForAbandoned = false),
    breaks: ["abandoned-call-record"],
  },
  {
    name: "the runtime ignores the chat threshold",
    body: { crm: { system: "kustomer" }, records: { chats: { minConsumerMessages: 2 } } },
    plant: (c) => void (c.records.minConsumerMessages = 0),
    breaks: ["chat-threshold"],
  },
  {
    name: "an override's threshold is lost in the merge",
    body: { crm: { system: "kustomer" }, overrides: [{ when: 'queue == "Billing"', records: { chats: { minConsumerMessages: 3 } } }] },
    plant: (c) => void delete c.overrides[0]?.records.minConsumerMessages,
    breaks: ["chat-threshold"],
  },
  {
    name: "abandoned chats `none` get records",
    body: { crm: { system: "kustomer" } },
    plant: (c) => void (c.records.abandonedChats = "all"),
    breaks: ["abandoned-chats-none"],
  },
  {
    name: "abandoned chats `all` get none",
    body: { crm: { system: "kustomer" }, records: { chats: { abandoned: "all" } } },
    plant: (c) => void (c.records.abandonedChats = "none"),
    breaks: ["abandoned-chats-all"],
  },
  {
    name: "abandoned chats below M messages get records",
    body: { crm: { system: "kustomer" }, records: { chats: { abandoned: { minConsumerMessages: 2 } } } },
    plant: (c) => void (c.records.abandonedMinMessages = 1),
    breaks: ["abandoned-chats-min"],
  },
  {
    name: "the runtime appends with append off",
    body: { crm: { system: "freshdesk" } },
    plant: (c) => void (c.records.appendToOpen = true),
    breaks: ["appends"],
  },
  {
    name: "the runtime reopens records closed too long ago",
    body: { crm: { system: "salesforce" }, records: { append: { toOpenRecord: true, closedWithinDays: 2 } } },
    plant: (c) => void (c.records.closedWithinDays = 30),
    breaks: ["appends", "appends-to-latest"],
  },
  {
    name: "the runtime updates a closed Zendesk ticket",
    body: { crm: { system: "zendesk" }, records: { append: { toOpenRecord: true, closedWithinDays: 2 } } },
    plant: (c) => void (c.crm.neverUpdated = []),
    breaks: ["appends", "appends-to-latest"],
  },
  {
    name: "the runtime lets titles grow past the subject limit",
    body: { crm: { system: "salesforce" }, title: { template: "{{MENU_PATH}}" } },
    plant: (c) => void (c.crm.subjectLimit = 100_000),
    breaks: ["titles"],
  },
  {
    name: "the platform tag goes missing",
    body: { crm: { system: "zendesk" }, tags: { platform: true } },
    plant: (c) => c.sessionTypes.forEach((t) => (t.tags = t.tags.filter((tag) => tag !== "ujet"))),
    breaks: ["tags"],
  },
  {
    name: "Zendesk tags keep the session type's spelling",
    body: { crm: { system: "zendesk" }, tags: { sessionType: true } },
    plant: (c) => c.sessionTypes.forEach((t) => (t.tags = [t.name])),
    breaks: ["tags"],
  },
];

describe.each(plants)("planted: $name", ({ body, plant, breaks }) => {
  const p = policy(body);

  it("passes without the plant", () => {
    const clean = verify(p);
    expect(checked(clean)).toEqual(expect.arrayContaining(breaks));
    expect(failed(clean)).toEqual([]);
  });

  it(`fails ${breaks.join(", ")} with the plant`, () => {
    expect(failed(verify(p, plant))).toEqual(breaks);
  });
});

describe("a setting changed in the source", () => {
  const acme = readFileSync("policies/acme-support.yaml", "utf8");

  it("breaks the policy's own expect; the headline invariant no longer applies, so it is not reported", () => {
    const before = verify(fromText("acme-support.yaml", acme));
    expect(checked(before)).toContain("connected-calls-only");
    expect(failed(before)).toEqual([]);
    const after = verify(fromText("acme-support.yaml", acme.replace("delayUntilConnected: true", "delayUntilConnected: false")));
    expect(checked(after)).not.toContain("connected-calls-only");
    expect(checked(after)).not.toContain("delay-until-connected");
    expect(failed(after)).toEqual(["expect:only calls connected to an agent get a case"]);
  });
});
