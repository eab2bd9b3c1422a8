// How verify makes its traces: enumeration counts what it makes and stays within its bound; the
// alphabet comes from the policy's own conditions; sampling finds and shrinks what only several
// sessions show; the one-decision invariant catches duplicates, gaps and strays.
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { alphabetOf, defaultQueue } from "../../verify/alphabet.js";
import { enumeratedEvents, enumerateTraces, enumerationSize } from "../../verify/enumerate.js";
import { oneDecision } from "../../verify/invariants/one-decision.js";
import { policiesUnderTest, type PolicyUnderTest } from "../../verify/policy-under-test.js";
import { invariantProperty } from "../../verify/property.js";
import { replay } from "../../verify/replay.js";
import { reportPolicy } from "../../verify/report.js";
import { SessionSettings } from "../../verify/session-settings.js";
import { eventsPerSession } from "../../verify/trace.js";
import { verifyPolicy } from "../../verify/verify-policy.js";
import { readSources } from "../../cli/source-files.js";
import { runCli } from "../support/run-cli.js";
import { counterexampleOf, tempFolder, writePolicy } from "./support.js";

const shipped = policiesUnderTest(readSources(["policies"])).policies;
const named = (name: string): PolicyUnderTest => {
  const p = shipped.find((q) => q.name === name);
  if (p === undefined) throw new Error(name);
  return p;
};

describe("enumeration", () => {
  it.each(shipped.map((p) => [p.name, p] as const))("of %s makes exactly as many traces as it counts, none over the bound", (_, p) => {
    const settings = new SessionSettings(p);
    const alphabet = alphabetOf(p, settings);
    let n = 0;
    let longest = 0;
    for (const trace of enumerateTraces(alphabet, settings)) {
      n++;
      longest = Math.max(longest, eventsPerSession(trace));
    }
    expect(n).toBe(enumerationSize(alphabet, settings));
    expect(longest).toBe(enumeratedEvents(alphabet));
  });

  it("reaches every chat threshold of the policy, overrides included", () => {
    // acme-support: 2 consumer messages, 3 for billing chats: a connection, 3 messages, one more step
    const p = named("acme-support");
    expect(enumeratedEvents(alphabetOf(p, new SessionSettings(p)))).toBe(7);
  });

  it("is skipped, and says so, when there are too many traces", () => {
    const v = verifyPolicy(named("initech-service"), { runs: 20, seed: 1, maxEnumerated: 10 });
    expect(v.enumeration.done).toBe(false);
    expect(reportPolicy(v).split("\n")[0]).toMatch(/: not enumerated \([\d,]+ one-session traces up to 6 events, over the limit of 10\); sampled 20 traces/);
  });
});

describe("the alphabet", () => {
  it("takes queues, session types and values from the policy's conditions, and one queue none names", () => {
    const p = named("acme-support");
    const alphabet = alphabetOf(p, new SessionSettings(p));
    expect(alphabet.pools.queue).toEqual([defaultQueue, "Support/Billing", "Support/VIP", "Sales"]);
    expect(alphabet.pools.sessionType.voice).toContain("Voice Outbound");
    const profiles = alphabet.profiles;
    // one start per class the conditions tell apart: billing chats, VIP/sales, outbound calls, the rest; each anonymous or not
    expect(profiles.some((s) => s.channel === "chat" && s.queue === "Support/Billing")).toBe(true);
    expect(profiles.some((s) => s.channel === "voice" && s.sessionType === "Voice Outbound")).toBe(true);
    expect(profiles.some((s) => s.queue === "Sales" || s.queue === "Support/VIP")).toBe(true);
    expect(profiles.some((s) => s.endUser === undefined) && profiles.some((s) => s.endUser !== undefined)).toBe(true);
    expect(new Set(profiles.map((s) => JSON.stringify(s))).size).toBe(profiles.length);
    // the variants: the base, billing chats (3 messages), VIP and sales (no append)
    expect(alphabet.variants.map((v) => [v.records.chats.minConsumerMessages, v.records.append.toOpenRecord])).toEqual(
      expect.arrayContaining([
        [2, true],
        [3, true],
        [2, false],
      ]),
    );
  });
});

describe("sampling", () => {
  const folder = tempFolder();
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const file = writePolicy(folder, "second-session-appends", {
    crm: { system: "salesforce" },
    records: { append: { toOpenRecord: true } },
    expect: [{ name: "nothing is ever appended", always: 'decision != "append"' }],
  });
  const [p] = policiesUnderTest(readSources([file])).policies;

  it("finds what enumeration would, shrinks it, and simulate replays it", async () => {
    if (p === undefined) throw new Error("no policy");
    const v = verifyPolicy(p, { runs: 500, seed: 5, maxEnumerated: 0 });
    const result = v.results.find((r) => r.property.id === "expect:nothing is ever appended");
    expect(result?.counterexample?.foundBy).toBe("sampling");
    const trace = result?.counterexample?.trace;
    // shrunk: a session appending to an existing record, or one session's record then another's append
    expect(trace?.events.length).toBeLessThanOrEqual(5);
    const c = counterexampleOf(reportPolicy(v), 'expect "nothing is ever appended"');
    const args = ["simulate", "--policy", file, "--events", "-"];
    if (c.records.length > 0) {
      const records = join(folder, "records.jsonl");
      writeFileSync(records, c.records.join("\n") + "\n");
      args.push("--records", records);
    }
    const replayed = await runCli(args, c.events.join("\n") + "\n");
    expect(replayed.code).toBe(0);
    expect(replayed.stdout.trimEnd().split("\n")).toEqual(c.decisions);
  });

  it("leaves out of a counterexample the lines the runtime refuses", () => {
    if (p === undefined) throw new Error("no policy");
    const v = verifyPolicy(p, { runs: 500, seed: 11, maxEnumerated: 0 });
    for (const r of v.results) {
      const trace = r.counterexample?.trace;
      if (trace === undefined) continue;
      expect(replay(p, new SessionSettings(p), trace).rejected).toEqual([]);
    }
  });
});

describe("the one-decision invariant", () => {
  const p = named("initech-service");
  const settings = new SessionSettings(p);
  const check = (events: object[]) => invariantProperty(oneDecision).check(replay(p, settings, { records: [], events: events as never }));
  const start = { type: "started", sessionId: "s1", at: "2026-11-20T10:00:00Z", channel: "voice", sessionType: "Voice Outbound", queue: "Main", endUser: "u1" };

  it("holds for a session decided once, whatever is delivered again", () => {
    const assigned = { type: "assigned", sessionId: "s1", at: "2026-11-20T10:00:01Z" };
    expect(check([start, start, assigned, assigned, { type: "ended", sessionId: "s1", at: "2026-11-20T10:00:02Z" }])).toBeUndefined();
  });

  it("catches a second decision and a missing one, on the runs it is given", () => {
    const run = replay(p, settings, { records: [], events: [start as never, { type: "ended", sessionId: "s1", at: "2026-11-20T10:00:02Z" }] });
    const session = run.sessions.get("s1");
    if (session === undefined) throw new Error("no session");
    const property = invariantProperty(oneDecision);
    const decision = session.decisions[0];
    if (decision === undefined) throw new Error("no decision");
    session.decisions.push(decision);
    expect(property.check(run)?.message).toBe("session `s1` got 2 decisions");
    session.decisions.length = 0;
    expect(property.check(run)?.message).toBe("session `s1` ended without a decision");
    expect(property.check({ ...run, strays: [{ ...decision.decision, sessionId: "ghost" }] })?.message).toBe(
      "a decision for session `ghost`, which never started",
    );
  });
});
