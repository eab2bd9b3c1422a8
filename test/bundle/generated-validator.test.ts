// runtime/bundle/bundle-schema.generated.ts is checked in: regenerating it from the bundle schema
// must change nothing, and it must stay self-contained (the runtime imports no ajv).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generatedBundleValidator, generatedSnapshotValidator, snapshotValidatorPath, validatorPath } from "../../scripts/gen-bundle-validator.js";

describe("the generated bundle validator", () => {
  const checkedIn = readFileSync(validatorPath, "utf8");

  it("is up to date with schemas/bundle.v1.schema.json (else run `npm run gen`)", () => {
    expect(checkedIn).toBe(generatedBundleValidator());
  });

  it("loads nothing: no import, no require of ajv's runtime helpers", () => {
    expect(checkedIn).not.toMatch(/\brequire\s*\(/);
    expect(checkedIn).not.toMatch(/^\s*import\b/m);
    expect(checkedIn).not.toContain("ajv/dist");
  });
});

describe("the generated decider snapshot validator", () => {
  const checkedIn = readFileSync(snapshotValidatorPath, "utf8");

  it("is up to date with schemas/decider-snapshot.v1.schema.json (else run `npm run gen`)", () => {
    expect(checkedIn).toBe(generatedSnapshotValidator());
  });

  it("loads nothing", () => {
    expect(checkedIn).not.toMatch(/\brequire\s*\(/);
    expect(checkedIn).not.toMatch(/^\s*import\b/m);
  });
});
