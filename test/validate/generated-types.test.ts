// schemas/types/ is checked in: regenerating it from schemas/ must change nothing. When this
// fails, run `npm run gen` and commit the result with the schema change.
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../compiler/project-files.js";
import { generatedTypes } from "../../scripts/gen-types.js";

const typesDir = join(projectRoot, "schemas", "types");

describe("generated types", () => {
  it("are up to date with schemas/", async () => {
    const generated = await generatedTypes();
    expect(generated.size).toBeGreaterThan(0);
    for (const [path, text] of generated) {
      const checkedIn = readFileSync(path, "utf8");
      expect(checkedIn, `${basename(path)} is stale: run \`npm run gen\``).toBe(text);
    }
  });

  it("are all generated: schemas/types has no file without a schema", async () => {
    const generated = [...(await generatedTypes()).keys()].map((path) => basename(path)).sort();
    const present = readdirSync(typesDir)
      .filter((f) => f.endsWith(".ts"))
      .sort();
    expect(present).toEqual(generated);
  });
});
