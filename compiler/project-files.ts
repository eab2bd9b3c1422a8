import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The package root, found from this file whether it runs from sources or from dist/. */
export const projectRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "schemas"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("crm-policy: package root not found");
    dir = parent;
  }
  return dir;
})();

export function readProjectJson(...path: string[]): unknown {
  return JSON.parse(readFileSync(join(projectRoot, ...path), "utf8"));
}
