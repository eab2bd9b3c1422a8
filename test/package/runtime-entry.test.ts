// Code outside runtime/ reaches the runtime only through its package entries
// (`@crm-policy/runtime` for what services use, `@crm-policy/runtime/toolchain` for the internals
// the compiler shares), never by a relative path into runtime/: built, it runs on the installed
// runtime package, one copy of each module. Tests of runtime internals are the exception.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import { projectRoot } from "../../compiler/project-files.js";

const skipped = new Set(["node_modules", "dist", "runtime", "test", ".git"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return skipped.has(entry.name) || entry.name.startsWith(".") ? [] : sources(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

/** `file: specifier` for each import or re-export of a relative path into runtime/. */
export function relativeRuntimeImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/\bfrom\s*["']([^"']+)["']|\bimport\(\s*["']([^"']+)["']\s*\)/g)) {
    const spec = match[1] ?? match[2] ?? "";
    if (/^(\.\.?\/)+runtime\//.test(spec)) found.push(`${file}: ${spec}`);
  }
  return found;
}

it("no module outside runtime/ imports a runtime file by a relative path", () => {
  const files = sources(projectRoot);
  expect(files.length).toBeGreaterThan(50);
  const offending = files.flatMap((f) => relativeRuntimeImports(relative(projectRoot, f), readFileSync(f, "utf8")));
  expect(offending).toEqual([]);
});

it("the check sees a relative import into runtime/ when there is one", () => {
  expect(relativeRuntimeImports("cli/x.ts", `import { Decider } from "../runtime/decide/decider.js";`)).toEqual(["cli/x.ts: ../runtime/decide/decider.js"]);
  expect(relativeRuntimeImports("cli/x.ts", `const m = await import("../../runtime/index.js");`)).toHaveLength(1);
  expect(relativeRuntimeImports("cli/x.ts", `import { Decider } from "@crm-policy/runtime";`)).toEqual([]);
});
