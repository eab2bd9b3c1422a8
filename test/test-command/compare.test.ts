// How expected and actual decision lines are lined up and compared (cli/policy-tests/compare.ts).
import { describe, expect, it } from "vitest";
import { compare, type Difference } from "../../cli/policy-tests/compare.js";
import type { Decision } from "@crm-policy/runtime";
import type { ExpectedDecision, TestCase } from "../../schemas/types/policy-test.v1.js";

const provenance = { policy: "acme-support", revision: "sha256:" + "0".repeat(64), overrides: [] };
const none = (sessionId: string): Decision => ({ sessionId, decision: "none", reason: "abandoned_call", at: "2026-11-20T10:00:00Z", ...provenance });
const create = (sessionId: string, recordId = "sim-1"): Decision => ({
  sessionId,
  decision: "create",
  recordId,
  trigger: "assigned",
  at: "2026-11-20T10:00:00Z",
  title: `IVR Call ${sessionId}`,
  tags: [],
  status: "New",
  ...provenance,
});
const start = { type: "started" as const };

function differences(expect: ExpectedDecision[], decisions: Decision[], rejected?: number[], rejections: number[] = []): string[] {
  const test: TestCase = { name: "t", policy: "p", events: [start, start, start], expect, ...(rejected === undefined ? {} : { rejected }) };
  return compare(test, { decisions, rejections: rejections.map((event) => ({ event, reason: "bad" })), warnings: [] }).map(brief);
}

function brief(d: Difference): string {
  switch (d.kind) {
    case "mismatch":
      return `mismatch ${d.expected}~${d.actual} ${d.fields.map((f) => f.field).join(",")}`;
    case "missing":
      return `missing ${d.expected}`;
    case "extra":
      return `extra ${d.actual}`;
    case "rejected":
    case "accepted":
      return `${d.kind} ${d.event}`;
  }
}

describe("compare", () => {
  it.each([
    ["equal on the fields given", [{ sessionId: "a", decision: "create" }], [create("a")], []],
    ["nothing expected, nothing decided", [], [], []],
    ["a field differs", [{ sessionId: "a", decision: "none" }], [create("a")], ["mismatch 1~1 decision"]],
    ["tags compare as whole lists", [{ tags: ["x"] }], [create("a")], ["mismatch 1~1 tags"]],
    ["a field the line does not have", [{ title: "x" }], [none("a")], ["mismatch 1~1 title"]],
    [
      "a missing line in the middle is missing, not a cascade",
      [{ sessionId: "a" }, { sessionId: "b" }, { sessionId: "c" }],
      [create("a"), create("c", "sim-2")],
      ["missing 2"],
    ],
    ["an extra line in the middle is extra", [{ sessionId: "a" }, { sessionId: "c" }], [create("a"), none("b"), create("c", "sim-2")], ["extra 2"]],
    ["without session ids, lines pair in order", [{ decision: "none" }, { decision: "none" }], [create("a"), none("b")], ["mismatch 1~1 decision"]],
    ["one line too many", [{ sessionId: "a" }], [create("a"), none("b")], ["extra 2"]],
    ["one line too few", [{ sessionId: "a" }, { sessionId: "b" }], [create("a")], ["missing 2"]],
    ["another session in its place", [{ sessionId: "a" }], [create("b")], ["missing 1", "extra 1"]],
  ] as [string, ExpectedDecision[], Decision[], string[]][])("%s", (_, expected, decisions, want) => {
    expect(differences(expected, decisions)).toEqual(want);
  });

  it("reports unexpected rejections and expected ones that did not happen, by event", () => {
    expect(differences([], [], [1, 3], [2, 3])).toEqual(["accepted 1", "rejected 2"]);
    expect(differences([], [], undefined, [2])).toEqual(["rejected 2"]);
    expect(differences([], [], [2], [2])).toEqual([]);
  });
});
