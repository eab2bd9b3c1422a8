import { readProjectJson } from "../compiler/project-files.js";

/** The version in the package's own package.json, whether run from sources, dist/ or an install. */
export function packageVersion(): string {
  const manifest = readProjectJson("package.json") as { version?: unknown };
  return typeof manifest.version === "string" ? manifest.version : "unknown";
}
