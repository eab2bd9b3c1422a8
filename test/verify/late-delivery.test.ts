// verify delivers each trace out of order within the lateness too: a runtime that decides
// correctly in time order but ignores the events of an ended session that come late (a
// `connected` or a consumer message stamped before its `ended`, delivered after it) passes
// verify in time order (`lateness: 0`, verify before it delivered out of order) and fails it
// with the default lateness, with a counterexample that shows both orders.
import { describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { policiesUnderTest, type PolicyUnderTest } from "../../verify/policy-under-test.js";
import { reportPolicy } from "../../verify/report.js";
import { verifyPolicy, type PolicyVerification } from "../../verify/verify-policy.js";

// Planted bug: an event of a session that has ended, and waits for the lateness before its end
// decision, is ignored as if it were a redelivery, instead of applied as if it had come in order.
vi.mock("../../runtime/decide/decider.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../runtime/decide/decider.js")>();
  const proto = original.Decider.prototype as any;
  const apply = proto.apply;
  proto.apply = function (this: any, event: any) {
    const session = event.type === "record.status" ? undefined : this.sessions.get(event.sessionId);
    if (session?.endedAt !== undefined && event.type !== "ended") return undefined;
    return apply.call(this, event);
  };
  return original;
});

function policy(body: Record<string, unknown>): PolicyUnderTest {
  const text = stringify({ apiVersion: "crm-policy/v1", kind: "RecordCreationPolicy", metadata: { name: "late" }, ...body });
  const [first] = policiesUnderTest([{ file: "late.yaml", bytes: new TextEncoder().encode(text) }]).policies;
  if (first === undefined) throw new Error(text);
  return first;
}

const failed = (v: PolicyVerification) => v.results.filter((r) => r.counterexample !== undefined).map((r) => r.property.id);
const options = { runs: 50, seed: 5, maxEnumerated: 250_000 };

describe("planted bug: late events of an ended session ignored", () => {
  it("a connected call whose `connected` comes after its `ended`: no record (the headline rule)", () => {
    const calls = policy({
      crm: { system: "salesforce" },
      records: { calls: { delayUntilConnected: true, createForAbandoned: true } },
      expect: [{ name: "connected calls get a case", for: 'channel == "voice"', always: 'decision != "none" or not connected' }],
    });
    const inOrder = verifyPolicy(calls, { ...options, lateness: 0 });
    expect(failed(inOrder), reportPolicy(inOrder)).toEqual([]);
    const late = verifyPolicy(calls, options);
    expect(failed(late)).toEqual(expect.arrayContaining(["delay-until-connected", "expect:connected calls get a case"]));
    const report = reportPolicy(late);
    expect(report).toContain("delivered out of order");
    expect(report).toContain("events in time order:");
    expect(report).toContain("events as delivered, within the lateness of 30s (replay: crm-policy simulate --policy late.yaml --lateness 30s --events -):");
    const c = late.results.find((r) => r.property.id === "expect:connected calls get a case")?.counterexample;
    // the counterexample: the `connected` delivered after the `ended` it came before
    const types = (events: readonly { type: string }[]) => events.map((e) => e.type).join(" ");
    expect(types(c?.trace.events ?? [])).toMatch(/connected.* ended$/);
    expect(types(c?.delivery?.events ?? [])).toMatch(/ended.* connected/);
    expect(c?.decisions.map((d) => d.decision)).toEqual(["none"]);
  });

  it("a chat whose last consumer message comes after its `ended`: below the threshold", () => {
    const chats = policy({ crm: { system: "kustomer" }, records: { chats: { minConsumerMessages: 1 } } });
    expect(failed(verifyPolicy(chats, { ...options, lateness: 0 }))).toEqual([]);
    expect(failed(verifyPolicy(chats, options))).toContain("chat-threshold");
  });
});
