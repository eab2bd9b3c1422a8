// --format junit and --format github, on the failing and invalid fixtures and on policies/.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { caseNames, fixtures, policiesFolder, runTest } from "./support.js";
import { parseXml, type XmlElement } from "./xml.js";

const failingFile = join(fixtures.failing, "failing.test.yaml");
const invalidFile = join(fixtures.invalid, "invalid.test.yaml");

const all = (el: XmlElement, name: string): XmlElement[] => [...(el.name === name ? [el] : []), ...el.children.flatMap((c) => all(c, name))];

describe("--format junit", () => {
  it("is well-formed XML with a testcase per case, and the failures' differences", async () => {
    const { code, stdout, stderr } = await runTest(fixtures.failing, "--format", "junit");
    expect(code).toBe(1);
    expect(stderr).toBe("1 passed, 2 failed in 1 test file\n");
    const root = parseXml(stdout);
    expect(root.name).toBe("testsuites");
    expect(root.attributes).toMatchObject({ tests: "3", failures: "2", errors: "0" });
    const [suite] = all(root, "testsuite");
    expect(suite?.attributes).toMatchObject({ name: failingFile, tests: "3", failures: "2", errors: "0" });
    const cases = all(root, "testcase");
    // names come back exactly, `<`, `&` and `"` included
    expect(cases.map((c) => c.attributes["name"])).toEqual(caseNames(failingFile));
    expect(cases.map((c) => c.attributes["line"])).toEqual(["3", "11", "26"]);
    expect(cases.every((c) => c.attributes["file"] === failingFile && c.attributes["classname"] === failingFile)).toBe(true);
    expect(cases[0]?.children).toEqual([]);
    const failure = cases[1]?.children[0];
    expect(failure?.name).toBe("failure");
    expect(failure?.attributes["message"]).toBe("5 differences: decision 1 (session `c1`) differs from expect item 1 on line 21");
    expect(failure?.text).toContain('trigger: expected "assigned", actual "connected"');
    expect(failure?.text).toContain("overrides: expected [0], actual []");
    expect(failure?.text).toContain("event 6 on line 19 was rejected: unknown session `c9`: its `started` did not come by the end of input");
    expect(cases[2]?.children[0]?.text).toContain('title: expected "IVR Call c1", actual (no such field)');
  });

  it("reports an invalid test file as an error holding its diagnostics", async () => {
    const { code, stdout } = await runTest(fixtures.invalid, "--format", "junit");
    expect(code).toBe(1);
    const root = parseXml(stdout);
    expect(root.attributes).toMatchObject({ tests: "1", failures: "0", errors: "1" });
    const error = all(root, "error")[0];
    expect(error?.attributes["message"]).toBe("not run: the test file has 11 errors");
    expect(error?.text).toContain(`${invalidFile}:6:26: error[unknown-property]: unknown property \`sesionId\``);
  });

  it("reports the shipped tests with no failure", async () => {
    const { code, stdout } = await runTest(policiesFolder, "--format", "junit");
    expect(code).toBe(0);
    const root = parseXml(stdout);
    expect(root.attributes["failures"]).toBe("0");
    expect(all(root, "testsuite")).toHaveLength(4);
    expect(all(root, "failure")).toEqual([]);
  });
});

describe("--format github", () => {
  const annotation = /^::error file=([^,:]+),line=(\d+),col=(\d+),title=test failed%3A ([^:]*)::(.*)$/;

  it("annotates each failing case at its name, the differences in the message", async () => {
    const { code, stdout } = await runTest(fixtures.failing, "--format", "github");
    expect(code).toBe(1);
    const lines = stdout.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(2);
    const [first, second] = lines.map((line) => annotation.exec(line));
    expect(first?.slice(1, 5)).toEqual([failingFile, "11", "11", "expects the wrong trigger%2C a missing line and a rejection that does not happen"]);
    expect(first?.[5]?.split("%0A")).toEqual([
      "decision 1 (session `c1`) differs from expect item 1 on line 21:",
      '  trigger: expected "assigned", actual "connected"',
      '  tags: expected ["x"], actual []',
      'missing: no decision for expect item 2 on line 22: {"sessionId":"c3","decision":"none"}',
      "decision 2 (session `c2`) differs from expect item 3 on line 23:",
      "  overrides: expected [0], actual []",
      "event 3 on line 16 was accepted, but `rejected` lists it",
      "event 6 on line 19 was rejected: unknown session `c9`: its `started` did not come by the end of input",
    ]);
    expect(second?.slice(1, 4)).toEqual([failingFile, "26", "11"]);
  });

  it("writes an invalid test file's diagnostics as validate does", async () => {
    const { stdout } = await runTest(fixtures.invalid, "--format", "github");
    const lines = stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[1]).toBe(
      `::error file=${invalidFile},line=6,col=26,endLine=6,endColumn=34,title=unknown-property::unknown property \`sesionId\`%0Ahelp: did you mean \`sessionId\`?`,
    );
  });

  it("writes nothing when every case passes", async () => {
    const { code, stdout } = await runTest(policiesFolder, "--format", "github");
    expect(code).toBe(0);
    expect(stdout).toBe("");
  });
});
