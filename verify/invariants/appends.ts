import { day } from "../trace.js";
import { domain, named, type Invariant } from "../property.js";
import { appendCandidates } from "./append-candidates.js";

/**
 * Appends go only to a record of the same end user and leaf queue that is open, or closed
 * within D days (and is then reopened) when no open one exists; never for anonymous end users,
 * never with append off, never to a status the CRM does not update (Zendesk `closed`).
 */
export const appends: Invariant = {
  id: "appends",
  title:
    "appends: only to an open (or recently closed, then reopened) record of the same end user and leaf queue; never anonymous, never with append off, never to a record the CRM does not update",
  quotes: [
    domain("With append off, or no matching record, a new record is created."),
    domain("Anonymous end users (no CRM identity) never append: they always get a new record."),
    domain("A Zendesk ticket in `closed` cannot be updated at all."),
  ],
  applies: () => true,
  session(run) {
    const { append } = run.settings.records;
    const crm = run.settings.crm;
    for (const { decision, target, recordsBefore } of run.decisions) {
      if (decision.decision !== "append") continue;
      const to = `appended to \`${decision.recordId}\``;
      if (!append.toOpenRecord) return `${named(run)} ${to} with append off`;
      if (run.start.endUser === undefined) return `${named(run)} is anonymous, yet ${to}`;
      if (target === undefined) return `${named(run)} ${to}, a record that does not exist`;
      if (target.endUser !== run.start.endUser || target.queue !== run.start.queue)
        return `${named(run)} (end user \`${run.start.endUser}\`, queue \`${run.start.queue}\`) ${to} of end user \`${target.endUser ?? "none"}\`, queue \`${target.queue}\``;
      if (crm.neverUpdated.includes(target.status)) return `${named(run)} ${to}, whose status \`${target.status}\` the CRM never updates`;
      if (!crm.closedStatuses.includes(target.status)) {
        if (decision.reopened || decision.status !== target.status)
          return `${named(run)} ${to}, which was open (\`${target.status}\`), but reports status \`${decision.status}\`, reopened ${decision.reopened}`;
        continue;
      }
      const open = appendCandidates(run, recordsBefore, decision.at).open;
      if (open.length > 0) return `${named(run)} ${to}, which was closed, while open records exist (${open.map((r) => `\`${r.recordId}\``).join(", ")})`;
      const days = append.closedWithinDays;
      if (days === null) return `${named(run)} ${to}, which was closed (\`${target.status}\`), without \`closedWithinDays\``;
      if (target.closedAt === null || Date.parse(decision.at) - Date.parse(target.closedAt) > days * day)
        return `${named(run)} ${to} at ${decision.at}, closed at ${target.closedAt ?? "an unknown time"}: more than ${days} days before`;
      if (!decision.reopened || decision.status !== crm.reopenStatus)
        return `${named(run)} ${to}, which was closed, but did not reopen it to \`${crm.reopenStatus}\``;
    }
    return undefined;
  },
};
