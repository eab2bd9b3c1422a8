// Generates the runtime's schema validators with ajv's standalone code, so that the runtime
// checks a bundle's (and a decider snapshot's) structure fully without importing ajv:
// runtime/bundle/bundle-schema.generated.ts from schemas/bundle.v1.schema.json and
// runtime/decide/snapshot-schema.generated.ts from schemas/decider-snapshot.v1.schema.json.
// `npm run gen` writes them; `--check` (and a test) only compare.
import { readFileSync, writeFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import standaloneCode from "ajv/dist/standalone/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const validatorPath = join(root, "runtime", "bundle", "bundle-schema.generated.ts");
export const snapshotValidatorPath = join(root, "runtime", "decide", "snapshot-schema.generated.ts");

const banner = (schemaFile: string, entry: string) =>
  [
    `/* Generated from schemas/${schemaFile} by \`npm run gen\` (ajv standalone); do not edit. */`,
    `// Self-contained: no import, no require; the typed entry is ${entry}.`,
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
  return generatedValidator("bundle.v1.schema.json", "./check-structure.ts");
}

export function generatedSnapshotValidator(): string {
  // string lengths in UTF-16 code units: they only bound the input, and need no ajv helper
  return generatedValidator("decider-snapshot.v1.schema.json", "./snapshot-check.ts", { unicode: false });
}

function generatedValidator(schemaFile: string, entry: string, options: { unicode?: boolean } = {}): string {
  const schema = withoutProse(JSON.parse(readFileSync(join(root, "schemas", schemaFile), "utf8"))) as object;
  const ajv = new Ajv2020({ code: { source: true, esm: true, lines: true }, strict: true, allErrors: false, unicodeRegExp: true, ...options });
  const code = standaloneCode.default(ajv, ajv.compile(schema));
  // Any helper ajv would load at run time (ucs2length, equal, …) would make the runtime depend on ajv.
  const imports = code.match(/\brequire\s*\(|^\s*import\b/m);
  if (imports !== null)
    throw new Error(`the standalone validator of ${schemaFile} needs an ajv helper (${imports[0]}): change the schema or inline the helper`);
  return `${banner(schemaFile, entry)}\n${code.trimEnd()}\n`;
}

function main(): void {
  for (const [path, code] of [
    [validatorPath, generatedBundleValidator()],
    [snapshotValidatorPath, generatedSnapshotValidator()],
  ] as const) {
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {
      current = "";
    }
    if (current === code) continue;
    if (process.argv.includes("--check")) {
      console.error(`stale generated validator (run \`npm run gen\`): ${path}`);
      process.exitCode = 1;
    } else writeFileSync(path, code);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
