import { expect, it } from "vitest";
import { evaluateCondition } from "../../runtime/conditions/evaluate.js";
import type { CompiledCondition } from "../../runtime/conditions/compiled-condition.js";
import { variantCacheSize, Variants } from "../../runtime/decide/variants.js";
import type { Settings } from "../../schemas/types/bundle.v1.js";
import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { compiled } from "./support-flaky-store.js";

// 20 independent `menuPath contains` overrides: up to 2^20 distinct sets of matching overrides.
// The merged variants kept stay bounded, and every session still gets its own merge.
const n = 20;
const source: RecordCreationPolicy = {
  apiVersion: "crm-policy/v1",
  kind: "RecordCreationPolicy",
  metadata: { name: "many-overrides" },
  crm: { system: "zendesk" },
  overrides: Array.from({ length: n }, (_, i) => ({
    when: `menuPath contains "k${i}"`,
    records: { chats: { minConsumerMessages: i % 4 }, calls: { delayUntilConnected: i % 2 === 0 } },
    ...(i % 5 === 0 ? { title: { template: `T${i} {{CALL_ID}}` } } : {}),
    ...(i % 7 === 0 ? { tags: { platform: i % 14 === 0 } } : {}),
  })),
};

it(`keeps at most ${variantCacheSize} merged variants whatever the sessions, each session merged as its overrides say`, () => {
  const policy = compiled(source);
  const variants = new Variants(policy);
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let s = 0; s < 20_000; s++) {
    const menuPath = Array.from({ length: n }, (_, i) => (random() < 0.5 ? `k${i}` : ""))
      .filter(Boolean)
      .join(">");
    const start = { channel: "chat" as const, sessionType: "Messaging Inbound (Web Chat)", queue: "Q", menuPath };
    const variant = variants.for(start);
    expect(variants.cached).toBeLessThanOrEqual(variantCacheSize);
    if (s % 97 === 0) {
      // the merge, written out: later overrides win, each sets only what it names
      let expected: Settings = policy.records;
      for (const o of policy.overrides) if (evaluateCondition(o.condition as CompiledCondition, start)) expected = { ...expected, ...o.records };
      expect(variant.settings).toEqual(expected);
    }
  }
  expect(variants.cached).toBe(variantCacheSize);
});
