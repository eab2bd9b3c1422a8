// A failing run: each kind of difference, as the human report prints it. The fixture
// (fixtures/failing/failing.test.yaml) is written to fail in known ways.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtures, policiesFolder, runTest } from "./support.js";

const file = join(fixtures.failing, "failing.test.yaml");
const revision =
  "sha256:" +
  createHash("sha256")
    .update(readFileSync(join(fixtures.failing, "mini-support.yaml")))
    .digest("hex");
const provenance = `"policy":"mini-support","revision":"${revision}","overrides":[]`;

describe("a failing test file", () => {
  it("exits 1 and counts passes and failures", async () => {
    const { code, stderr } = await runTest(fixtures.failing);
    expect(code).toBe(1);
    expect(stderr).toBe("1 passed, 2 failed in 1 test file\n");
  });

  it("prints each difference, where its expectation is, and the decisions made", async () => {
    const { stdout } = await runTest(fixtures.failing);
    expect(stdout).toBe(
      [
        file,
        "  pass  passes",
        `  FAIL  expects the wrong trigger, a missing line and a rejection that does not happen  (${file}:11)`,
        "        decision 1 (session `c1`) differs from expect item 1 on line 21:",
        '          trigger: expected "assigned", actual "connected"',
        '          tags: expected ["x"], actual []',
        '        missing: no decision for expect item 2 on line 22: {"sessionId":"c3","decision":"none"}',
        "        decision 2 (session `c2`) differs from expect item 3 on line 23:",
        "          overrides: expected [0], actual []",
        "        event 3 on line 16 was accepted, but `rejected` lists it",
        "        event 6 on line 19 was rejected: unknown session `c9`: its `started` did not come by the end of input",
        "        decisions made:",
        `          {"sessionId":"c1","decision":"create","recordId":"sim-1","trigger":"connected","at":"2026-11-20T10:00:30Z","title":"IVR Call c1","tags":[],"status":"New",${provenance}}`,
        `          {"sessionId":"c2","decision":"none","reason":"abandoned_call","at":"2026-11-20T10:02:00Z",${provenance}}`,
        `  FAIL  an extra decision, and a name with <markup> & "quotes"  (${file}:26)`,
        "        decision 1 (session `c1`) differs from expect item 1 on line 37:",
        '          title: expected "IVR Call c1", actual (no such field)',
        `        extra: decision 2 was not expected: {"sessionId":"h1","decision":"none","reason":"below_message_threshold","at":"2026-11-20T10:01:00Z",${provenance}}`,
        "        decisions made:",
        `          {"sessionId":"c1","decision":"append","recordId":"R1","trigger":"connected","at":"2026-11-20T10:00:30Z","tags":[],"status":"Working","reopened":false,${provenance}}`,
        `          {"sessionId":"h1","decision":"none","reason":"below_message_threshold","at":"2026-11-20T10:01:00Z",${provenance}}`,
        "",
      ].join("\n"),
    );
  });

  it("fails the whole run when one of several paths fails", async () => {
    const { code, stderr } = await runTest(join(policiesFolder, "acme-support.test.yaml"), fixtures.failing);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^\d+ passed, 2 failed in 2 test files\n$/);
  });
});
