// The CLI explains itself: `--help` for the command list and for each command, `--version`, and
// "did you mean" for mistyped commands, options and option values.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../cli/main.js";
import { usageLine } from "../../cli/command-spec.js";
import { projectRoot } from "../../compiler/project-files.js";
import { bundleFormat } from "@crm-policy/runtime";
import { runCli } from "../support/run-cli.js";

const specs = await Promise.all(Object.entries(commands).map(async ([name, load]) => [name, (await load()).spec] as const));

describe("crm-policy --help", () => {
  it.each([["--help"], ["-h"], ["help"]])("%s lists every command with its one-line summary, exit 0", async (flag) => {
    const { code, stdout } = await runCli([flag]);
    expect(code).toBe(0);
    for (const [name, spec] of specs) {
      expect(spec.name).toBe(name);
      expect(spec.summary).not.toContain("\n");
      expect(stdout).toMatch(new RegExp(`^  ${name} +${escape(spec.summary)}$`, "m"));
    }
  });

  it("with no command, prints the list to stderr and exits 2", async () => {
    const { code, stdout, stderr } = await runCli([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("commands:");
  });
});

describe.each(specs)("crm-policy %s --help", (name, spec) => {
  it.each([["--help"], ["-h"]])("%s prints the usage, every option with its default, and an example; exit 0", async (flag) => {
    const { code, stdout, stderr } = await runCli([name, flag]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe(`usage: ${usageLine(spec)}`);
    for (const [option, declared] of Object.entries(spec.options)) {
      const line = stdout.split("\n").find((l) => l.includes(`--${option}`) && l.includes(declared.description));
      expect(line, `--${option}`).toBeDefined();
      if (declared.required === true) expect(line).toContain("(required)");
      else if (declared.default !== undefined) expect(line).toContain(`(default: ${String(declared.default)})`);
      else expect(line).toMatch(/\(default: (none|off)\)/);
    }
    expect(spec.examples.length).toBeGreaterThan(0);
    for (const example of spec.examples) {
      expect(example.startsWith(`crm-policy ${name}`)).toBe(true);
      expect(stdout).toContain(`  ${example}\n`);
    }
  });

  it("`crm-policy help NAME` prints the same help", async () => {
    expect((await runCli(["help", name])).stdout).toBe((await runCli([name, "--help"])).stdout);
  });

  it("help wins over other arguments, even missing required ones", async () => {
    const { code, stdout } = await runCli([name, "some/path", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`usage: ${usageLine(spec)}`);
  });
});

describe("crm-policy --version", () => {
  it.each([["--version"], ["-v"]])("%s prints the package version and the bundle format", async (flag) => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
    const { code, stdout } = await runCli([flag]);
    expect(code).toBe(0);
    expect(stdout).toBe(`crm-policy ${version} (bundle format ${bundleFormat})\n`);
  });
});

describe("did you mean", () => {
  it.each([
    ["valdate", "validate"],
    ["compiel", "compile"],
    ["simulat", "simulate"],
    ["tst", "test"],
    ["verfy", "verify"],
  ])("an unknown command `%s` suggests `%s`, exit 2", async (typed, meant) => {
    const { code, stdout, stderr } = await runCli([typed]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`unknown command \`${typed}\`: did you mean \`${meant}\`?`);
  });

  it("a command far from every name gets no suggestion", async () => {
    const { code, stderr } = await runCli(["frobnicate"]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown command `frobnicate`\n");
    expect(stderr).not.toContain("did you mean");
  });

  it.each([
    [["validate", "--formt", "json"], "unknown option `--formt`: did you mean `--format`?"],
    [["compile", "--outt", "x.json"], "unknown option `--outt`: did you mean `--out`?"],
    [["simulate", "--polcy", "x", "--events", "-"], "unknown option `--polcy`: did you mean `--policy`?"],
    [["verify", "--rusn", "3"], "unknown option `--rusn`: did you mean `--runs`?"],
    [["test", "--hlep"], "unknown option `--hlep`: did you mean `--help`?"],
    [["test", "--format", "jnit"], "unknown --format `jnit`: did you mean `junit`?"],
    [["validate", "--format", "xml"], "unknown --format `xml`: use human, json or github"],
    [["validate", "-x"], "unknown option `-x`\n"],
  ])("%j: %s, exit 2 with the usage", async (args, message) => {
    const { code, stderr } = await runCli(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).toContain(`usage: crm-policy ${args[0]} `);
  });

  it("a missing required option is named", async () => {
    const { code, stderr } = await runCli(["simulate", "--policy", "x.bundle.json"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--events FILE|- is required");
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
