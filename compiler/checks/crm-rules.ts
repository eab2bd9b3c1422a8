import type { Diagnostic } from "../diagnostics/diagnostic.js";
import { sessionTypeTag } from "@crm-policy/runtime/toolchain";
import { report, settingSections, type Check } from "./check.js";

/** Tags only where the catalog says the CRM's records have them (`tags: false`). */
export const tagsNotSupported: Check = (context) => {
  const { policy } = context;
  const crm = context.catalog.crms[policy.crm.system];
  if (crm.tags) return [];
  return settingSections(policy).flatMap(({ at, tags }) =>
    (["sessionType", "platform"] as const)
      .filter((tag) => tags?.[tag] === true)
      .map((tag) =>
        report(context, "tags-not-supported", `${crm.label} records have no tags, but \`tags.${tag}\` is on`, `${at}/tags/${tag}`, {
          help: "remove the `tags` section or set it to false",
        }),
      ),
  );
};

/** The closed-record window is a second option of appending. */
export const closedWithinDaysNeedsAppend: Check = (context) => {
  const problems: Diagnostic[] = [];
  const sections = [
    { records: context.policy.records, at: "/records" },
    ...(context.policy.overrides ?? []).map((o, i) => ({ records: o.records, at: `/overrides/${i}/records` })),
  ];
  const baseOn = context.policy.records?.append?.toOpenRecord ?? false;
  for (const { records, at } of sections) {
    const append = records?.append;
    if (append?.closedWithinDays === undefined) continue;
    const on = append.toOpenRecord ?? (at === "/records" ? false : baseOn);
    if (!on)
      problems.push(
        report(context, "closed-within-days-needs-append", "`closedWithinDays` has no effect unless `toOpenRecord` is true", `${at}/append/closedWithinDays`, {
          part: "key",
          help: "set `toOpenRecord: true` or remove `closedWithinDays`",
        }),
      );
  }
  return problems;
};

/** Reopening a record into a closed status would leave it closed. */
export const reopenStatusIsClosed: Check = (context) => {
  const { crm } = context.policy;
  const facts = context.catalog.crms[crm.system];
  const reopen = crm.reopenStatus ?? facts.reopenStatus;
  const closed = crm.closedStatuses ?? facts.closedStatuses;
  if (!closed.includes(reopen)) return [];
  // the explicit setting is the mistake; with the default reopen status, the closed status that names it is
  const pointer = crm.reopenStatus !== undefined ? "/crm/reopenStatus" : `/crm/closedStatuses/${closed.indexOf(reopen)}`;
  return [
    report(context, "reopen-status-is-closed", `reopen status \`${reopen}\` is one of the closed statuses`, pointer, {
      help: `a reopened record must be open: pick a status not in [${closed.join(", ")}]`,
    }),
  ];
};

/** A CRM with a tag limit (`tagLimit`) cuts longer session-type tags. */
export const tagTooLong: Check = (context) => {
  const { policy, catalog } = context;
  const crm = catalog.crms[policy.crm.system];
  if (!crm.tags || crm.tagLimit === 0 || policy.tags?.sessionType !== true) return [];
  const limit = crm.tagLimit;
  return catalog.sessionTypes.flatMap((type) => {
    const tag = [...(sessionTypeTag(type.name, { tagStyle: crm.tagStyle, tagLimit: 0 }) ?? "")];
    if (tag.length <= limit) return [];
    const text = tag.join("");
    return [
      report(context, "tag-too-long", `${crm.label} tag \`${text}\` is ${tag.length} characters, over ${crm.label}'s ${limit}`, "/tags/sessionType", {
        help: `the tag will be cut to \`${tag.slice(0, limit).join("")}\``,
      }),
    ];
  });
};
