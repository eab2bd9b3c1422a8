// The runtime's evaluator against the reference: the lowered JSON tree and the syntax tree agree
// on every generated condition and session.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Condition } from "../../compiler/conditions/ast.js";
import { lowerCondition } from "../../compiler/conditions/lower-condition.js";
import { parseCondition } from "../../compiler/conditions/parse-condition.js";
import { referenceCondition } from "../../reference/conditions.js";
import type { CompiledCondition } from "../../runtime/conditions/compiled-condition.js";
import { evaluateCondition, type OutcomeValues, type SessionAttributes } from "../../runtime/conditions/evaluate.js";
import { conditionArb, outcomeArb, runs, sessionArb } from "./arbitraries.js";

function parsed(text: string): Condition {
  const result = parseCondition(text);
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return result.ast;
}

const session: SessionAttributes = { channel: "chat", sessionType: "Messaging (WhatsApp)", queue: "Billing/EU", menuPath: "Support > Billing", language: "de" };
const outcome: OutcomeValues = {
  decision: "create",
  trigger: "message",
  reason: "",
  assigned: true,
  connected: true,
  abandoned: false,
  shortAbandoned: false,
  consumerMessages: 2,
  appendedTo: "",
};

describe("evaluateCondition on lowerCondition equals referenceCondition", () => {
  it("on generated conditions, sessions and outcomes", () => {
    let held = 0;
    let total = 0;
    fc.assert(
      fc.property(conditionArb(), sessionArb, outcomeArb, (tree, s, o) => {
        const expected = referenceCondition(tree, s, o);
        expect(evaluateCondition(lowerCondition(tree), s, o)).toBe(expected);
        // through JSON, as the bundle carries it
        expect(evaluateCondition(JSON.parse(JSON.stringify(lowerCondition(tree))) as CompiledCondition, s, o)).toBe(expected);
        total++;
        if (expected) held++;
      }),
      { numRuns: runs(5000) },
    );
    // the generators make conditions that hold and that do not, in fair measure
    expect(held / total).toBeGreaterThan(0.2);
    expect(held / total).toBeLessThan(0.8);
  });

  it.each<[string, boolean]>([
    ['channel == "chat"', true],
    ['channel != "chat"', false],
    ['queue matches "Billing/*"', true],
    ['queue matches "Billing/?"', false],
    ['queue matches "*/EU"', true],
    ['queue startsWith "Billing" and not queue endsWith "VIP"', true],
    ['sessionType in ["Messaging (WhatsApp)", "Messaging Inbound (SMS)"]', true],
    ['sessionType not in ["Messaging (WhatsApp)"]', false],
    ["anonymous", true],
    ["not anonymous", false],
    ['phoneNumber == ""', true],
    ['language == "de" or language == "en"', true],
    ['menuPath contains "Billing" and queue contains "EU"', true],
    ['queue in "Billing/EU"', false],
    ['queue not in "Billing/EU"', true],
    ['anonymous == "true"', false],
    ["1 == 1", true],
    ["[1, 2] == [1, 2]", true],
    ["true", true],
    ['"x"', false],
    ["consumerMessages >= 2", true],
    ["consumerMessages > 2", false],
    ["consumerMessages <= 2 and consumerMessages < 3", true],
    ["3 > consumerMessages", true],
    ["1 < 2", true],
    ["-1 >= 0", false],
    ['queue < "z"', false],
    ['"a" <= "a"', false],
    ['decision == "create" and trigger == "message"', true],
    ['decision == "none" or consumerMessages >= 3', false],
    ['reason == "" and appendedTo == ""', true],
    ["assigned and connected and not abandoned and not shortAbandoned", true],
    ['channel == "chat" and decision in ["create", "append"]', true],
  ])("%s is %s", (text, expected) => {
    const tree = parsed(text);
    expect(referenceCondition(tree, session, outcome)).toBe(expected);
    expect(evaluateCondition(lowerCondition(tree), session, outcome)).toBe(expected);
  });

  it("reads an outcome attribute as no value at all without an outcome, as the runtime does", () => {
    expect(evaluateCondition(lowerCondition(parsed('decision == "create"')), session)).toBe(false);
    expect(evaluateCondition(lowerCondition(parsed('decision != "create"')), session)).toBe(false);
    expect(evaluateCondition(lowerCondition(parsed("consumerMessages >= 0")), session)).toBe(false);
    expect(() => referenceCondition(parsed("connected"), session)).toThrow(/needs the session's outcome/);
  });

  it("reads absent attributes as empty and an end user as not anonymous", () => {
    const tree = parsed('menuPath == "" and language == "" and phoneNumber == "" and not anonymous');
    const known = { channel: "voice", sessionType: "Voice Outbound", queue: "Q", endUser: "u1" };
    expect(referenceCondition(tree, known)).toBe(true);
    expect(evaluateCondition(lowerCondition(tree), known)).toBe(true);
  });
});

describe("lowerCondition", () => {
  it("flattens chains, drops spans and parentheses, and writes a bare boolean as == true", () => {
    expect(lowerCondition(parsed('a_ == 1 or (channel == "voice" and (anonymous and queue in ["a"])) or not true'.replace("a_ == 1", 'queue == "x"')))).toEqual(
      {
        op: "or",
        args: [
          { op: "==", left: { attribute: "queue" }, right: { value: "x" } },
          {
            op: "and",
            args: [
              { op: "==", left: { attribute: "channel" }, right: { value: "voice" } },
              { op: "==", left: { attribute: "anonymous" }, right: { value: true } },
              { op: "in", left: { attribute: "queue" }, right: { value: ["a"] } },
            ],
          },
          { op: "not", arg: { op: "==", left: { value: true }, right: { value: true } } },
        ],
      },
    );
  });

  it("refuses an unknown attribute: conditions are checked before they are lowered", () => {
    expect(() => lowerCondition(parsed('chanel == "voice"'))).toThrow(/unknown attribute `chanel`/);
  });
});

describe("evaluateCondition is total", () => {
  it("answers true or false for any JSON whatsoever, and never throws", () => {
    fc.assert(
      fc.property(fc.jsonValue(), sessionArb, fc.option(outcomeArb, { nil: undefined }), (json, s, o) => {
        expect(typeof evaluateCondition(json as unknown as CompiledCondition, s, o)).toBe("boolean");
      }),
      { numRuns: runs(2000) },
    );
  });

  it("answers for damaged trees: unknown operators, missing parts, odd attributes, deep nesting", () => {
    const damaged: unknown[] = [
      null,
      { op: "xor", args: [] },
      { op: "and" },
      { op: "or", args: [null, 3] },
      { op: "not" },
      { op: "==", left: { attribute: "endUser" }, right: { value: "" } },
      { op: "matches", left: { attribute: "queue" }, right: {} },
      { op: "in", left: { value: [[[]]] }, right: { value: [[[[]]]] } },
      { op: "<", left: { attribute: "consumerMessages" }, right: { value: [1] } },
      { op: ">=", left: { attribute: "toString" }, right: { value: 1 } },
    ];
    let deep: unknown = { op: "==", left: { value: 1 }, right: { value: 1 } };
    for (let i = 0; i < 100_000; i++) deep = { op: "not", arg: deep };
    damaged.push(deep);
    let deepList: unknown = [];
    for (let i = 0; i < 100_000; i++) deepList = [deepList];
    damaged.push({ op: "==", left: { value: deepList }, right: { value: deepList } });
    for (const tree of damaged) expect(typeof evaluateCondition(tree as CompiledCondition, session)).toBe("boolean");
    expect(evaluateCondition({ op: "and", args: [] }, session)).toBe(true);
    expect(evaluateCondition({ op: "or", args: [] }, session)).toBe(false);
  });
});
