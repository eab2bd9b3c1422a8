// As a service would: pack both packages, install the tarballs into a new project (the npm cache
// serves third-party packages), type-check the README's service example against the installed
// declarations, compile a bundle with the installed CLI, run the service on it, and compare its
// decisions with `crm-policy simulate`. Also what the runtime tarball holds and weighs.
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { projectRoot } from "../../compiler/project-files.js";
import { runCli } from "../support/run-cli.js";

interface Packed {
  name: string;
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

const work = mkdtempSync(join(tmpdir(), "crm-policy-install-"));
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

/** The environment without the calling npm's per-run settings (workspace, package, lifecycle). */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_(package|lifecycle|config_(workspace|include_workspace_root|global|prefix))/i.test(key)),
);

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
}

/** The README's service example: the first TypeScript block of "Use it in a service". */
function readmeExample(): string {
  const readme = readFileSync(join(projectRoot, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Use it in a service"));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (block?.[1] === undefined) throw new Error('README.md: no TypeScript example under "Use it in a service"');
  return block[1];
}

function folderSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .reduce((sum, e) => sum + statSync(join(e.parentPath, e.name)).size, 0);
}

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

it("both packed packages install into a new project; a TypeScript service type-checks and decides as simulate does", { timeout: 240_000 }, async () => {
  // Built files are what `npm test` (and prepare/prepack) just built: pack them as they are.
  const packed = JSON.parse(
    run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work, "--workspace", "runtime", "--include-workspace-root"], projectRoot),
  ) as Packed[];
  const runtime = packed.find((p) => p.name === "@crm-policy/runtime");
  const cli = packed.find((p) => p.name === "crm-policy");
  if (runtime === undefined || cli === undefined) throw new Error(`npm pack made ${packed.map((p) => p.name).join(", ")}`);

  const testFile = /(^|\/)(test|tests|fixtures|bench)\/|\.test\.|(?<!\.d)\.ts$/;
  expect(runtime.files.filter((f) => testFile.test(f.path))).toEqual([]);
  expect(runtime.files.every((f) => f.path === "package.json" || f.path === "README.md" || f.path.startsWith("dist/"))).toBe(true);
  expect(runtime.files.map((f) => f.path)).toContain("dist/runtime/index.d.ts");
  expect(cli.files.filter((f) => testFile.test(f.path) || f.path.startsWith("dist/runtime/") || f.path.startsWith("policies/"))).toEqual([]);
  expect(cli.files.map((f) => f.path)).toEqual(
    expect.arrayContaining(["bin/crm-policy.js", "dist/cli/main.js", "dist/cli/main.d.ts", "schemas/policy.v1.schema.json", "catalog/crm-systems.json"]),
  );

  const service = join(work, "service");
  mkdirSync(service);
  writeFileSync(join(service, "package.json"), JSON.stringify({ name: "service", private: true, type: "module" }, null, 2));
  // --ignore-scripts: nothing of this needs an install script (the packages `serve` needs,
  // better-sqlite3 among them, are optional peer dependencies: not installed here).
  const typesNode = (JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { devDependencies: Record<string, string> }).devDependencies[
    "@types/node"
  ];
  run(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      join(work, runtime.filename),
      join(work, cli.filename),
      `@types/node@${typesNode}`,
    ],
    service,
  );

  const installed = join(service, "node_modules", "@crm-policy", "runtime");
  const manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
  const installedSize = folderSize(installed);
  console.log(
    `@crm-policy/runtime: ${runtime.filename} ${kB(runtime.size)} packed, ${kB(runtime.unpackedSize)} unpacked, ${runtime.files.length} files, ${kB(installedSize)} installed, 0 dependencies\n` +
      `crm-policy: ${cli.filename} ${kB(cli.size)} packed, ${kB(cli.unpackedSize)} unpacked, ${cli.files.length} files`,
  );

  // The README's example, type-checked against the installed declarations (theirs checked too).
  writeFileSync(join(service, "service.ts"), readmeExample());
  writeFileSync(
    join(service, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, types: ["node"], noEmit: true, skipLibCheck: false },
      include: ["service.ts"],
    }),
  );
  run(process.execPath, [join(projectRoot, "node_modules", "typescript", "bin", "tsc"), "--noEmit", "-p", "."], service);

  // The installed CLI compiles; the installed runtime decides.
  copyFileSync(join(projectRoot, "policies", "acme-support.yaml"), join(service, "acme-support.yaml"));
  copyFileSync(join(projectRoot, "examples", "sessions.jsonl"), join(service, "sessions.jsonl"));
  run("npx", ["--no-install", "crm-policy", "compile", "acme-support.yaml", "--out", "policies.bundle.json"], service);
  expect(run("npx", ["--no-install", "crm-policy", "--version"], service)).toMatch(/^crm-policy \d+\.\d+\.\d+ \(bundle format crm-policy-bundle\/v\d+\)\n$/);
  const decisions = run(
    process.execPath,
    [join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs"), "service.ts", "policies.bundle.json", "sessions.jsonl"],
    service,
  );

  // Without the server's packages every other command works, and `serve` says how to get them.
  for (const name of ["fastify", "better-sqlite3", "prom-client"]) expect(existsSync(join(service, "node_modules", name)), name).toBe(false);
  expect(run("npx", ["--no-install", "crm-policy", "--help"], service)).toMatch(/^ {2}serve +run the decision service/m);
  const serve = spawnSync(
    "npx",
    ["--no-install", "crm-policy", "serve", "--bundle", "policies.bundle.json", "--policy", "acme-support", "--state", ":memory:"],
    { cwd: service, env, encoding: "utf8", timeout: 60_000 },
  );
  expect({ status: serve.status, stdout: serve.stdout }).toEqual({ status: 1, stdout: "" });
  expect(serve.stderr).toMatch(
    /^crm-policy serve: the package `[a-z0-9-]+` is not installed\. .*\n {2}npm install better-sqlite3@\d+ fastify@\d+ prom-client@\d+\n$/,
  );

  // Lines the service rejects, simulate rejects too (exit 1): the decisions are what is compared.
  const simulated = await runCli(["simulate", "--policy", join(service, "policies.bundle.json"), "--events", join(service, "sessions.jsonl")]);
  const lines = decisions.trimEnd().split("\n");
  expect(lines).toEqual(simulated.stdout.trimEnd().split("\n"));
  const installedSimulate = spawnSync("npx", ["--no-install", "crm-policy", "simulate", "--policy", "policies.bundle.json", "--events", "sessions.jsonl"], {
    cwd: service,
    env,
    encoding: "utf8",
  });
  expect(installedSimulate.stdout).toBe(simulated.stdout);
  expect(lines.map((l) => (JSON.parse(l) as { decision: string }).decision)).toEqual(expect.arrayContaining(["create", "none"]));
});
