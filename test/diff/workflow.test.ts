// The shipped GitHub Actions workflow (examples/github/policy-review.yml), run step by step:
// a throw-away repository with two commits of a policy folder, the base branch as
// `origin/main`, each `run:` step in bash as Actions runs it, with the variables Actions sets
// (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, GITHUB_BASE_REF, …), the `if:` and `env:` expressions
// evaluated. Two stand-ins, since the test has neither a registry package nor GitHub's API:
// CRM_POLICY runs this checkout's crm-policy, and `gh` is a script that records what it was asked.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { projectRoot } from "../../compiler/project-files.js";
import { tempFolder } from "./support.js";

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
}
interface Workflow {
  env: Record<string, string>;
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = parse(readFileSync(join(projectRoot, "examples", "github", "policy-review.yml"), "utf8")) as Workflow;

function repository(): { repo: string; home: string } {
  const home = tempFolder("crm-policy-workflow-");
  const repo = join(home, "work");
  mkdirSync(join(repo, "policies"), { recursive: true });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: repo, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "review@example.com");
  git("config", "user.name", "Review");
  for (const f of ["initech-service.yaml", "initech-service.test.yaml"]) copyFileSync(join(projectRoot, "policies", f), join(repo, "policies", f));
  writeFileSync(join(repo, "package.json"), JSON.stringify({ name: "policies", version: "1.0.0", private: true }, null, 2) + "\n");
  writeFileSync(
    join(repo, "package-lock.json"),
    JSON.stringify(
      { name: "policies", version: "1.0.0", lockfileVersion: 3, requires: true, packages: { "": { name: "policies", version: "1.0.0" } } },
      null,
      2,
    ) + "\n",
  );
  writeFileSync(join(repo, ".gitignore"), "node_modules/\n");
  git("add", ".");
  git("commit", "-qm", "policies");
  git("update-ref", "refs/remotes/origin/main", "HEAD");
  git("checkout", "-qb", "longer-reopen-window");
  const edit = (name: string, from: string, to: string) => {
    const file = join(repo, "policies", name);
    const text = readFileSync(file, "utf8");
    if (!text.includes(from)) throw new Error(`${name} no longer holds ${from}`);
    writeFileSync(file, text.replace(from, to));
  };
  edit("initech-service.yaml", "closedWithinDays: 7", "closedWithinDays: 10");
  edit(
    "initech-service.test.yaml",
    "{ sessionId: k8, decision: create, recordId: sim-1, status: open }",
    "{ sessionId: k8, decision: append, recordId: conv-2, status: open, reopened: true }",
  );
  git("commit", "-qam", "reopen conversations closed within 10 days, not 7");
  return { repo, home };
}

/** The `${{ … }}` expressions the workflow may use, as Actions evaluates them for this pull request. */
function expression(text: string, outputs: Map<string, Record<string, string>>): string {
  const known: Record<string, string> = { "github.token": "ghs_test_token", "github.event.pull_request.number": "7" };
  const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(text);
  if (step !== null) return outputs.get(step[1] ?? "")?.[step[2] ?? ""] ?? "";
  const value = known[text];
  if (value === undefined) throw new Error(`the test does not know the expression \`${text}\``);
  return value;
}

function condition(text: string, outputs: Map<string, Record<string, string>>): boolean {
  const m = /^(\S+) == '([^']*)'$/.exec(text.trim());
  if (m === null) throw new Error(`the test does not know the condition \`${text}\``);
  return expression(m[1] ?? "", outputs) === m[2];
}

describe("the shipped GitHub Actions workflow", () => {
  it("runs each step on a pull request: validate, test, verify pass; diff goes to the summary and a comment", () => {
    const { repo, home } = repository();
    const temp = join(home, "runner-temp");
    const bin = join(home, "bin");
    mkdirSync(temp);
    mkdirSync(bin);
    const ghLog = join(home, "gh.log");
    writeFileSync(
      join(bin, "gh"),
      `#!/bin/sh\necho "$@" >> "${ghLog}"\nwhile [ $# -gt 0 ]; do if [ "$1" = "--body-file" ]; then cat "$2" > "${ghLog}.body"; fi; shift; done\n`,
    );
    chmodSync(join(bin, "gh"), 0o755);
    const summary = join(home, "step-summary.md");
    const event = join(home, "event.json");
    writeFileSync(event, JSON.stringify({ pull_request: { number: 7, base: { ref: "main" }, head: { ref: "longer-reopen-window" } } }));
    const github = {
      CI: "true",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: "pull_request",
      GITHUB_EVENT_PATH: event,
      GITHUB_BASE_REF: "main",
      GITHUB_HEAD_REF: "longer-reopen-window",
      GITHUB_REF: "refs/pull/7/merge",
      GITHUB_REPOSITORY: "acme/policies",
      GITHUB_WORKSPACE: repo,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: temp,
    };
    const outputs = new Map<string, Record<string, string>>();
    const ran: string[] = [];
    const steps = Object.values(workflow.jobs)[0]?.steps ?? [];
    steps.forEach((step, i) => {
      if (step.run === undefined) return;
      if (step.if !== undefined && !condition(step.if, outputs)) return;
      const output = join(home, `output-${i}`);
      writeFileSync(output, "");
      const stepEnv = Object.fromEntries(
        Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => expression(e, outputs))]),
      );
      const env = {
        PATH: `${bin}:${process.env["PATH"] ?? ""}`,
        HOME: home,
        ...github,
        GITHUB_OUTPUT: output,
        ...workflow.env,
        // stand-in: this checkout's crm-policy, not one installed from the registry
        CRM_POLICY: `${process.execPath} ${join(projectRoot, "bin", "crm-policy.js")}`,
        ...stepEnv,
      };
      const script = join(home, `step-${i}.sh`);
      writeFileSync(script, step.run);
      const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: repo, env, encoding: "utf8" });
      expect(r.status, `step ${step.name ?? i}:\n${r.stdout}\n${r.stderr}`).toBe(0);
      expect(r.stdout, `step ${step.name ?? i}`).not.toMatch(/^::error/m);
      if (step.id !== undefined)
        outputs.set(
          step.id,
          Object.fromEntries(
            readFileSync(output, "utf8")
              .split("\n")
              .filter((l) => l.includes("="))
              .map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
          ),
        );
      ran.push(step.name ?? step.run);
    });
    expect(ran).toEqual(["Install", "Validate", "Test", "Verify", "Diff against the base branch", "Comment on the pull request"]);
    expect(outputs.get("diff")).toEqual({ changed: "true" });
    const markdown = readFileSync(summary, "utf8");
    expect(markdown).toMatch(/^#### initech-service: \d+ kinds? of session decides? differently/m);
    expect(markdown).toContain("- `records.append.closedWithinDays: 7 → 10`");
    expect(markdown).toContain("append to a record closed within D days");
    expect(readFileSync(ghLog, "utf8")).toBe(`pr comment 7 --body-file ${join(temp, "policy-diff.md")}\n`);
    expect(readFileSync(`${ghLog}.body`, "utf8")).toBe(markdown);
  });
});
