import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogFiles } from "../compiler/model/catalog-files.js";
import { projectRoot } from "../compiler/project-files.js";
import type { Crm } from "../schemas/types/bundle.v1.js";

/**
 * A warning for a record status the CRM does not have (`statuses` in catalog/crm-systems.json, plus the
 * statuses the policy itself names), or undefined. Such a record is still handled: as open,
 * unless the policy lists the status as closed.
 */
export function unknownStatusWarning(status: string, crm: Crm): string | undefined {
  const known = [...new Set([...catalogStatuses(crm.system), crm.newStatus, crm.reopenStatus, ...crm.closedStatuses, ...crm.neverUpdated])];
  if (known.includes(status)) return undefined;
  const same = known.find((k) => k.toLowerCase() === status.toLowerCase());
  return `unknown ${crm.system} status \`${status}\`${same === undefined ? "" : ` (did you mean \`${same}\`?)`}, treated as ${crm.closedStatuses.includes(status) ? "closed" : "open"}: ${crm.system} statuses are ${known.map((k) => `\`${k}\``).join(", ")}`;
}

let systems: Record<string, unknown> | undefined;

/**
 * The statuses catalog/crm-systems.json lists for a CRM. Read from that one file, not through the
 * compiler's validated catalog: validating every catalog document would add a fifth of a second
 * to each `simulate` start for a warning (`npm run gen` and the tests validate the shipped
 * catalog). A CRM it does not list, or a list that is not strings, gives none.
 */
function catalogStatuses(system: string): string[] {
  systems ??= (JSON.parse(readFileSync(join(projectRoot, "catalog", catalogFiles.crmSystems.file), "utf8")) as { systems: Record<string, unknown> }).systems;
  const entry = Object.hasOwn(systems, system) ? (systems[system] as { statuses?: unknown }) : undefined;
  const statuses = entry?.statuses;
  return Array.isArray(statuses) && statuses.every((s) => typeof s === "string") ? statuses : [];
}
