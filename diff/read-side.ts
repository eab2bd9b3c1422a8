import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { SourceFile } from "../compiler/passes/parse.js";
import type { Side } from "./diff-policies.js";

/** A side that cannot be read: one line for the user, exit status 2. */
export class SideError extends Error {}

/** Test files sit beside the policies they test but are not policies (as everywhere else). */
const isPolicyFile = (name: string): boolean => /\.(ya?ml|json)$/.test(name) && !/\.test\.ya?ml$/.test(name);

/**
 * `REV:PATH` read with git: the policy files of PATH (a file or a folder, relative to the
 * current directory as git reads `REV:./PATH`) as they are in revision REV. Anything that exists
 * on disk is a path, so only a name that does not exist is taken as `REV:PATH`.
 */
export function readGitSide(spec: string, cwd = process.cwd()): Side | undefined {
  if (existsSync(spec)) return undefined;
  const colon = spec.indexOf(":");
  if (colon <= 0) return undefined;
  const rev = spec.slice(0, colon);
  const path = spec.slice(colon + 1).replace(/\/+$/, "") || ".";
  const git = (args: string[]) => {
    const result = spawnSync("git", args, { cwd, maxBuffer: 1 << 28 });
    if (result.error !== undefined)
      throw new SideError(`cannot run git to read \`${spec}\`: ${(result.error as NodeJS.ErrnoException).code ?? result.error.message}`);
    return result;
  };
  if (git(["rev-parse", "--git-dir"]).status !== 0) throw new SideError(`cannot read \`${spec}\`: not a git repository (REV:PATH needs one)`);
  if (git(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).status !== 0) throw new SideError(`cannot read \`${spec}\`: unknown revision \`${rev}\``);
  const object = `${rev}:./${path}`;
  const type = git(["cat-file", "-t", object]);
  if (type.status !== 0) throw new SideError(`cannot read \`${spec}\`: \`${path}\` is not in revision \`${rev}\``);
  const kind = type.stdout.toString("utf8").trim();
  let files: string[];
  if (kind === "blob") files = [path];
  else {
    const listed = git(["ls-tree", "-r", "-z", "--name-only", rev, "--", path === "." ? "." : path]);
    if (listed.status !== 0) throw new SideError(`cannot read \`${spec}\`: ${listed.stderr.toString("utf8").trim().split("\n")[0] ?? "git ls-tree failed"}`);
    files = listed.stdout
      .toString("utf8")
      .split("\0")
      .filter((f) => f !== "" && isPolicyFile(f.slice(f.lastIndexOf("/") + 1)))
      .sort();
  }
  const sources: SourceFile[] = files.map((file) => {
    const blob = git(["cat-file", "blob", `${rev}:./${file}`]);
    const label = `${rev}:${file}`;
    return blob.status === 0
      ? { file: label, bytes: new Uint8Array(blob.stdout) }
      : { file: label, bytes: new Uint8Array(), readError: blob.stderr.toString("utf8").trim() };
  });
  return { label: spec, sources };
}
