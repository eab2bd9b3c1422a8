import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

/** Every module reachable from runtime/index.ts, following its imports. */
function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(
      /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["'];?\s*$|\bimport\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm,
    )) {
      const spec = match[1] ?? match[2] ?? match[3] ?? "";
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

it("the runtime reaches nothing of the compiler, ajv, nearley, handlebars or yaml", () => {
  const { files, packages } = closure(join(root, "runtime/index.ts"));
  const outside = [...files].map((f) => relative(root, f)).filter((f) => !f.startsWith("runtime/") && !f.startsWith("schemas/types/"));
  expect(outside).toEqual([]);
  expect([...packages].filter((p) => !p.startsWith("node:"))).toEqual([]);
  expect(files.size).toBeGreaterThan(10);
});

it("the boundary check sees a forbidden import when there is one", () => {
  const { files } = closure(join(root, "compiler/passes/lower.ts"));
  expect([...files].some((f) => relative(root, f).startsWith("compiler/"))).toBe(true);
});
