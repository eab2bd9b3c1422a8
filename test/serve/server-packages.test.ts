import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadServer, serverPackages } from "../../cli/server-packages.js";

// A module outside the project, where none of its packages resolve, imported by Node itself
// (not by the test runner, whose resolver would find them): it fails as importing the server
// fails where crm-policy was installed without its optional packages.
const dir = mkdtempSync(join(tmpdir(), "crm-policy-packages-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the built loadServer throws in a plain Node process for a module importing `name`. */
function loadFailure(name: string): { missing: boolean; code: string | undefined; message: string } {
  const file = join(dir, `imports-${name}.mjs`);
  writeFileSync(file, `import ${JSON.stringify(name)};\n`);
  const script = `
    import { loadServer, MissingServerPackage } from ${JSON.stringify(pathToFileURL("dist/cli/server-packages.js").href)};
    try { await loadServer(() => import(${JSON.stringify(pathToFileURL(file).href)})); console.log("null"); }
    catch (e) { console.log(JSON.stringify({ missing: e instanceof MissingServerPackage, code: e.code, message: e.message })); }`;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })) as {
    missing: boolean;
    code: string | undefined;
    message: string;
  };
}

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

describe("the server's packages", () => {
  it("are optional peer dependencies: not installed with crm-policy, installed for its own tests", () => {
    const names = serverPackages().map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(["better-sqlite3", "fastify", "prom-client"]));
    for (const name of names) {
      expect(manifest.dependencies[name], name).toBeUndefined();
      expect(manifest.devDependencies[name], name).toBeDefined();
    }
  });

  it("when one is missing, `serve` says which and the one command that installs them all (the majors the project tests with)", async () => {
    const install = serverPackages().map((p) => `${p.name}@${/\d+/.exec(manifest.devDependencies[p.name]!)![0]}`);
    for (const missing of ["fastify", "better-sqlite3", "prom-client"]) {
      const error = loadFailure(missing);
      expect(error.missing).toBe(true);
      expect(error.message).toContain(`the package \`${missing}\` is not installed`);
      expect(error.message).toContain(`\n  npm install ${install.join(" ")}`);
    }
  });

  it("any other failure to load is not dressed up as a missing package", async () => {
    const other = loadFailure("no-such-package-here");
    expect(other.missing).toBe(false);
    expect(other.code).toBe("ERR_MODULE_NOT_FOUND");
    const broken = new Error("boom");
    await expect(loadServer(() => Promise.reject(broken))).rejects.toBe(broken);
  });

  it("load the server when they are there", async () => {
    const server = await loadServer(() => import("../../server/start.js"));
    expect(typeof server.startServer).toBe("function");
  });
});
