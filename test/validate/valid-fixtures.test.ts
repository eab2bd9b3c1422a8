// Valid policies produce no errors: each fixture on its own, the folder as a whole, and the
// policies/ folder the project ships.
import { describe, expect, it } from "vitest";
import { defaultCatalog } from "../../compiler/model/catalog.js";
import { mergeOverrides } from "../../compiler/model/merge-overrides.js";
import { resolvePolicy } from "../../compiler/model/resolved-policy.js";
import { validateSources } from "../../compiler/pipeline.js";
import { fixtureSources, policiesFolder, validFolder } from "./support.js";

const valid = fixtureSources(validFolder);

describe.each(valid)("valid fixture $file", (fixture) => {
  it("has no errors and no warnings", () => {
    const result = validateSources([fixture]);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.policies).toHaveLength(1);
  });
});

describe("the valid fixtures folder", () => {
  it("has the minimal, every-setting, JSON and block-scalar forms", () => {
    const files = valid.map((f) => f.file);
    expect(files).toEqual(
      expect.arrayContaining(["minimal.yaml", "minimal.json", "every-setting.yaml", "every-setting.json", "block-scalars.yaml", "bom-crlf.yaml"]),
    );
  });

  it("is valid as a whole: names are unique across it", () => {
    const result = validateSources(valid);
    expect(result.ok).toBe(true);
    expect(result.policies).toHaveLength(valid.length);
    expect(new Set(result.policies.map((p) => p.policy.metadata.name)).size).toBe(valid.length);
  });

  it("reads the minimal policy with every default", () => {
    const [checked] = validateSources(valid.filter((f) => f.file === "minimal.yaml")).policies;
    expect(checked).toBeDefined();
    const resolved = resolvePolicy(checked!.policy, defaultCatalog());
    expect(resolved.records).toEqual({
      append: { toOpenRecord: false, closedWithinDays: null },
      calls: { delayUntilConnected: false, createForAbandoned: false },
      chats: { minConsumerMessages: 0, abandoned: "none", shortAbandonSeconds: null },
    });
    expect(resolved.title).toEqual({ template: "{{CALL_TYPE}} {{CALL_ID}}", timeZone: "UTC" });
    expect(resolved.tags).toEqual({ sessionType: false, platform: false });
  });

  it("reads the every-setting policy as written", () => {
    const [checked] = validateSources(valid.filter((f) => f.file === "every-setting.yaml")).policies;
    const resolved = resolvePolicy(checked!.policy, defaultCatalog());
    expect(resolved.records).toEqual({
      append: { toOpenRecord: true, closedWithinDays: 14 },
      calls: { delayUntilConnected: true, createForAbandoned: true },
      chats: { minConsumerMessages: 2, abandoned: "all", shortAbandonSeconds: 30 },
    });
    expect(resolved.crm.closedStatuses).toEqual(["solved", "closed", "archived"]);
    // Each override alone, merged over the base: what it does not set comes from the base.
    const overrides = checked!.policy.overrides ?? [];
    const alone = overrides.map((_, i) =>
      resolvePolicy(
        mergeOverrides(
          checked!.policy,
          overrides.map((_, k) => k === i),
        ),
        defaultCatalog(),
      ),
    );
    expect(alone.map((o) => o.records.chats.abandoned)).toEqual([{ minConsumerMessages: 3 }, "all"]);
  });

  it("reads a folded block template as one line", () => {
    const [checked] = validateSources(valid.filter((f) => f.file === "block-scalars.yaml")).policies;
    expect(checked?.policy.title?.template).toBe("{{CALL_TYPE}} {{CALL_ID}} from {{PHONE_NUMBER}}");
  });
});

describe("the shipped policies/ folder", () => {
  it("is valid, without a single warning", () => {
    const sources = fixtureSources(policiesFolder).filter((s) => !s.file.endsWith(".test.yaml"));
    expect(sources.length).toBeGreaterThan(0);
    const result = validateSources(sources);
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.policies).toHaveLength(sources.length);
  });
});
