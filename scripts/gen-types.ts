// Generates schemas/types/*.ts from schemas/*.schema.json with json-schema-to-typescript.
// `npm run gen` writes them; `--check` (used by the staleness test) only compares.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compile, type JSONSchema } from "json-schema-to-typescript";
import { projectRoot } from "../compiler/project-files.js";

const schemaDir = join(projectRoot, "schemas");
const typesDir = join(schemaDir, "types");

const banner = "/* Generated from schemas/ by `npm run gen`; do not edit. */";

export async function generatedTypes(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const files = readdirSync(schemaDir)
    .filter((f) => f.endsWith(".schema.json"))
    .sort();
  for (const file of files) {
    const schema = JSON.parse(readFileSync(join(schemaDir, file), "utf8")) as JSONSchema;
    const ts = await compile(schema, schema.title ?? file, {
      bannerComment: banner,
      cwd: schemaDir,
      additionalProperties: false,
      strictIndexSignatures: true,
      format: true,
      style: { printWidth: 100 },
    });
    out.set(join(typesDir, file.replace(/\.schema\.json$/, ".ts")), ts);
  }
  return out;
}

async function main(): Promise<void> {
  const check = process.argv.includes("--check");
  const stale: string[] = [];
  mkdirSync(typesDir, { recursive: true });
  for (const [path, ts] of await generatedTypes()) {
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {
      current = "";
    }
    if (current === ts) continue;
    if (check) stale.push(path);
    else writeFileSync(path, ts);
  }
  if (stale.length > 0) {
    console.error(`stale generated types (run \`npm run gen\`):\n  ${stale.join("\n  ")}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
