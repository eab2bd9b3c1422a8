import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, test } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const packages = new Set(["@crm-policy/runtime", "fastify", "better-sqlite3", "prom-client"]);

function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/gm)].map((m) => m[1] ?? m[2] ?? "");
}

/** What a server/ file imports that server/README.md does not allow. */
function forbidden(file: string): string[] {
  return imports(file).filter((spec) => {
    if (spec.startsWith("node:")) return false;
    if (!spec.startsWith(".")) return !packages.has(spec);
    const target = relative(root, resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
    return !(target.startsWith("server/") || target === "runtime/index.ts" || target.startsWith("schemas/types/"));
  });
}

test("server/ reaches the runtime only through its public entry (@crm-policy/runtime), and only its own packages", () => {
  const files = readdirSync(join(root, "server"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
  expect(files.length).toBeGreaterThan(10);
  const found = files.flatMap((f) => forbidden(join(root, "server", f)).map((spec) => `server/${f}: ${spec}`));
  expect(found).toEqual([]);
});

test("the check sees a deep runtime import or a foreign package", () => {
  expect(forbidden(join(root, "cli/commands/simulate.ts"))).not.toEqual([]); // reaches cli/ and runtime internals
});
