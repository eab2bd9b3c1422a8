// Generates runtime/bundle/bundle-schema.generated.ts: ajv's standalone validator of
// schemas/bundle.v1.schema.json, so that the runtime checks a bundle's structure fully without
// importing ajv. `npm run gen` writes it; `--check` (and a test) only compare.
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const validatorPath = join(root, "runtime", "bundle", "bundle-schema.generated.ts");

const banner = [
  "/* Generated from schemas/bundle.v1.schema.json by `npm run gen` (ajv standalone); do not edit. */",
  "// Self-contained: no import, no require; the typed entry is ./check-structure.ts.",
  "// @ts-nocheck",
].join("\n");

/** The schema without its prose: the validator needs no descriptions. */
function withoutProse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutProse);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, v]) => !((key === "description" || key === "$comment") && typeof v === "string"))
      .map(([key, v]) => [key, withoutProse(v)]),
  );
}

export function generatedBundleValidator(): string {
  const schema = withoutProse(JSON.parse(readFileSync(join(root, "schemas", "bundle.v1.schema.json"), "utf8"))) as object;
  const ajv = new Ajv2020({ code: { source: true, esm: true, lines: true }, strict: true, allErrors: false, unicodeRegExp: true });
  const code = standaloneCode.default(ajv, ajv.compile(schema));
  // Any helper ajv would load at run time (ucs2length, equal, …) would make the runtime depend on ajv.
  const imports = code.match(/\brequire\s*\(|^\s*import\b/m);
  if (imports !== null) throw new Error(`the standalone bundle validator needs an ajv helper (${imports[0]}): change the schema or inline the helper`);
  return `${banner}\n${code.trimEnd()}\n`;
}

function main(): void {
  const code = generatedBundleValidator();
  let current = "";
  try {
    current = readFileSync(validatorPath, "utf8");
  } catch {
    current = "";
  }
  if (current === code) return;
  if (process.argv.includes("--check")) {
    console.error(`stale generated validator (run \`npm run gen\`): ${validatorPath}`);
    process.exitCode = 1;
  } else writeFileSync(validatorPath, code);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
