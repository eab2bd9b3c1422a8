import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { validateSources } from "/work/main/compiler/pipeline.ts";
const args = process.argv.slice(2);
const sources = [];
for (const a of args) {
  if (statSync(a).isDirectory()) for (const f of readdirSync(a).sort()) { if (/\.(ya?ml|json)$/.test(f)) sources.push({ file: f, bytes: readFileSync(join(a, f)) }); }
  else sources.push({ file: a.split("/").pop()!, bytes: readFileSync(a) });
}
const r = validateSources(sources);
for (const d of r.diagnostics) console.log(`${d.file} ${d.code} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.pointer} | ${d.message}${d.help ? " || " + d.help : ""}`);
