// Finding 9: `verify --runs 1300000` reported false FAILED properties (its replayer kept every
// never-ended session until the Map size limit), and `--runs 9007199254740991` ran without end.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { policiesUnderTest } from "../../verify/policy-under-test.js";
import { Replayer } from "../../verify/replay.js";
import { SessionSettings } from "../../verify/session-settings.js";
import { runCli } from "../support/run-cli.js";

const file = "policies/acme-support.yaml";

it("the replayer's memory stays flat over traces whose sessions never end", () => {
  const { policies } = policiesUnderTest([{ file, bytes: readFileSync(file) }]);
  const policy = policies[0]!;
  const replayer = new Replayer(policy, new SessionSettings(policy), 500);
  const at = "2026-11-20T10:00:00Z";
  const start = { type: "started", sessionId: "s1", at, channel: "voice", sessionType: "Voice Inbound (IVR)", queue: "Q", endUser: "u1" } as const;
  for (let i = 0; i < 2_000; i++) replayer.run({ records: [], events: [start] });
  expect(replayer.inFlight).toBeLessThanOrEqual(500);
  // and it still decides: a trace after the Decider was renewed
  const run = replayer.run({ records: [], events: [start, { type: "connected", sessionId: "s1", at }] });
  expect(run.decisions.map((d) => [d.sessionId, d.decision])).toEqual([["s1", "create"]]);
});

it("--runs is capped: a huge count is a usage error, not a command without end", async () => {
  const { code, stderr } = await runCli(["verify", file, "--runs", "9007199254740991"]);
  expect(code).toBe(2);
  expect(stderr).toMatch(/--runs takes a whole number from 1 to 10,000,000/);
});
