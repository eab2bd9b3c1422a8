// The condition evaluator is runtime code: it reaches nothing of the compiler, the reference, or
// any package (nearley, handlebars, ajv, yaml), so a service that loads a bundle never parses.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");

function closure(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const match of readFileSync(file, "utf8").matchAll(
      /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm,
    )) {
      const spec = match[1] ?? match[2] ?? match[3] ?? "";
      if (spec.startsWith(".")) visit(resolve(dirname(file), spec.replace(/\.js$/, ".ts")));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files].map((f) => relative(root, f)), packages: [...packages] };
}

it.each(["runtime/conditions/evaluate.ts", "runtime/conditions/glob.ts", "runtime/conditions/compiled-condition.ts"])(
  "%s imports only runtime/conditions",
  (entry) => {
    const { files, packages } = closure(join(root, entry));
    expect(files.filter((f) => !f.startsWith("runtime/conditions/"))).toEqual([]);
    expect(packages).toEqual([]);
  },
);

it("sees the compiler side's imports, so the check above can fail", () => {
  const { files, packages } = closure(join(root, "compiler/conditions/check-condition.ts"));
  expect(files.some((f) => f.startsWith("compiler/"))).toBe(true);
  expect(packages).toContain("nearley");
});
