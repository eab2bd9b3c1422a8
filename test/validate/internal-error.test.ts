// A check that throws is a bug in crm-policy: validation goes on and reports it as an
// `internal-error` naming the check, never a stack trace and never silence.
import { describe, expect, it, vi } from "vitest";
import { validateSources } from "../../compiler/pipeline.js";
import { minimalPolicy, source } from "./support.js";

vi.mock("../../compiler/checks/index.js", async (importActual) => {
  const actual = await importActual<typeof import("../../compiler/checks/index.js")>();
  const plantedCheck = (): never => {
    throw new TypeError("cannot read properties of undefined");
  };
  return { policyChecks: [...actual.policyChecks, plantedCheck] };
});

describe("internal-error", () => {
  it("names the check that threw, and the other checks still report", () => {
    const result = validateSources([source("p.yaml", minimalPolicy("p", "salesforce") + "tags:\n  platform: true\n")]);
    expect(result.ok).toBe(false);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual(["internal-error", "tags-not-supported"]);
    const internal = result.diagnostics.find((d) => d.code === "internal-error");
    expect(internal).toMatchObject({ severity: "error", file: "p.yaml", pointer: "", params: { check: "plantedCheck" } });
    expect(internal?.message).toBe("check `plantedCheck` failed: cannot read properties of undefined");
  });
});

describe("params", () => {
  it("carry the values of the message, so the misspelled-required rule needs no text parsing", () => {
    const policy = minimalPolicy("p").replace("crm:", "records:\n  chats: { minConsumerMessage: 2 }\ncrm:");
    const [d, ...rest] = validateSources([source("p.yaml", policy)]).diagnostics.filter((x) => x.code !== "internal-error");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: "unknown-property", params: { property: "minConsumerMessage", didYouMean: "minConsumerMessages" } });
  });
});
