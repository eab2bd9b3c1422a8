import { readProjectJson } from "../compiler/project-files.js";

/** A package only `crm-policy serve` needs, and the versions it works with. */
export interface ServerPackage {
  name: string;
  range: string;
}

/**
 * The packages only `serve` needs (its HTTP framework, SQLite, metrics): the optional peer
 * dependencies in package.json. The other commands never load them, so installing crm-policy
 * does not install them (nor build SQLite's native module).
 */
export function serverPackages(): ServerPackage[] {
  const manifest = readProjectJson("package.json") as {
    peerDependencies?: Record<string, string>;
    peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  };
  return Object.entries(manifest.peerDependencies ?? {})
    .filter(([name]) => manifest.peerDependenciesMeta?.[name]?.optional === true)
    .map(([name, range]) => ({ name, range }));
}

/** `serve` was asked for but one of its packages is not installed. */
export class MissingServerPackage extends Error {}

/**
 * Loads the server only when `serve` runs (`load` imports it). When the import fails because one
 * of the server's packages is not installed, throws a MissingServerPackage that says which and
 * the one command that installs them all; any other failure is rethrown as it is.
 */
export async function loadServer<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const packages = serverPackages();
    const missing = missingPackage(error);
    if (missing === undefined || !packages.some((p) => p.name === missing)) throw error;
    const install = packages.map((p) => `${p.name}@${major(p.range)}`).join(" ");
    throw new MissingServerPackage(
      `the package \`${missing}\` is not installed. \`serve\` needs ${list(packages.map((p) => p.name))}, which the other commands do without; install them next to crm-policy:\n  npm install ${install}`,
    );
  }
}

/** The package an ES module import could not find, from Node's ERR_MODULE_NOT_FOUND. */
function missingPackage(error: unknown): string | undefined {
  if ((error as { code?: unknown } | null)?.code !== "ERR_MODULE_NOT_FOUND") return undefined;
  return /Cannot find package '([^']+)'/.exec(String((error as Error).message))?.[1];
}

/** `^12.11.1` → `12`: the major version, what `npm install NAME@MAJOR` needs. */
function major(range: string): string {
  return /\d+/.exec(range)?.[0] ?? "latest";
}

function list(names: string[]): string {
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
