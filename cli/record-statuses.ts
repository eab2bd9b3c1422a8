import { defaultCatalog } from "../compiler/model/catalog.js";
import type { Crm } from "../schemas/types/bundle.v1.js";

/**
 * A warning for a record status the CRM does not have (`statuses` in catalog/crm-systems.json, plus the
 * statuses the policy itself names), or undefined. Such a record is still handled: as open,
 * unless the policy lists the status as closed.
 */
export function unknownStatusWarning(status: string, crm: Crm): string | undefined {
  const statuses: Record<string, string[] | undefined> = defaultCatalog().statuses;
  const known = [...new Set([...(statuses[crm.system] ?? []), crm.newStatus, crm.reopenStatus, ...crm.closedStatuses, ...crm.neverUpdated])];
  if (known.includes(status)) return undefined;
  const same = known.find((k) => k.toLowerCase() === status.toLowerCase());
  return `unknown ${crm.system} status \`${status}\`${same === undefined ? "" : ` (did you mean \`${same}\`?)`}, treated as ${crm.closedStatuses.includes(status) ? "closed" : "open"}: ${crm.system} statuses are ${known.map((k) => `\`${k}\``).join(", ")}`;
}
