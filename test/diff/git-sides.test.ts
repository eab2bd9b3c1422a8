// `crm-policy diff REV:PATH PATH` in a git checkout, and each way REV:PATH can be wrong: one
// clear line on stderr, exit status 2.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../compiler/project-files.js";
import { tempFolder } from "./support.js";

const bin = join(projectRoot, "bin", "crm-policy.js");
const crmPolicy = (cwd: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

/** A repository with two commits of policies/: acme-support's chat threshold lowered in the second. */
function repository(): string {
  const dir = tempFolder("crm-policy-diff-git-");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("config", "user.email", "review@example.com");
  git("config", "user.name", "Review");
  mkdirSync(join(dir, "policies"));
  for (const f of ["acme-support.yaml", "acme-support.test.yaml", "umbrella-care.json"])
    copyFileSync(join(projectRoot, "policies", f), join(dir, "policies", f));
  git("add", ".");
  git("commit", "-qm", "policies");
  const file = join(dir, "policies", "acme-support.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("minConsumerMessages: 2", "minConsumerMessages: 1"));
  git("commit", "-qam", "lower the chat threshold");
  return dir;
}

describe("diff with git revisions", () => {
  const repo = repository();

  it("diff HEAD~1:policies policies reports the change, test files ignored", () => {
    const r = crmPolicy(repo, "diff", "HEAD~1:policies", "policies", "--max-events", "5", "--runs", "10");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^HEAD~1:policies → policies: 1 changed, 0 added, 0 removed, 1 unchanged\n/);
    expect(r.stdout).toContain("records.chats.minConsumerMessages: 2 → 1");
    expect(r.stdout).toContain("files: HEAD~1:policies/acme-support.yaml → policies/acme-support.yaml");
    expect(r.stdout).toMatch(/chats: the record waits for N consumer messages: none \(below_message_threshold\) → record \(message\)/);
  });

  it("a file at a revision against the same file at another: no change, exit 0", () => {
    const r = crmPolicy(join(repo, "policies"), "diff", "HEAD:./umbrella-care.json", "HEAD~1:umbrella-care.json");
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout).toContain("0 changed, 0 added, 0 removed, 1 unchanged");
  });

  it.each([
    ["an unknown revision", ["nope:policies", "policies"], "crm-policy diff: cannot read `nope:policies`: unknown revision `nope`\n", repo],
    ["a path not in the revision", ["HEAD~1:rules", "policies"], "crm-policy diff: cannot read `HEAD~1:rules`: `rules` is not in revision `HEAD~1`\n", repo],
    [
      "no git repository",
      ["HEAD:policies", "policies"],
      "crm-policy diff: cannot read `HEAD:policies`: not a git repository (REV:PATH needs one)\n",
      undefined,
    ],
    ["a path that does not exist", ["policies", "missing"], "crm-policy diff: no such file or folder: missing\n", repo],
  ])("%s: one line, exit 2", (_name, args, message, cwd) => {
    const dir = cwd ?? tempFolder("crm-policy-diff-nogit-");
    if (cwd === undefined) {
      mkdirSync(join(dir, "policies"));
      copyFileSync(join(projectRoot, "policies", "umbrella-care.json"), join(dir, "policies", "umbrella-care.json"));
    }
    const r = crmPolicy(dir, "diff", ...args);
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", message]);
  });
});
