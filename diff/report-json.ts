import { behaviourChanged, type DiffReport, type PolicyDiff } from "./diff-policies.js";
import { groupLabel } from "./describe.js";
import type { Group } from "./groups.js";

/** The report as one JSON document, `schemas/diff.v1.schema.json`. */
export function reportJson(r: DiffReport): string {
  return (
    JSON.stringify(
      {
        format: "crm-policy-diff/v1",
        before: r.before,
        after: r.after,
        behaviourChanged: behaviourChanged(r),
        unchanged: r.unchanged,
        policies: r.policies.map(policy),
      },
      null,
      2,
    ) + "\n"
  );
}

function policy(p: PolicyDiff): unknown {
  return {
    name: p.name,
    status: p.status,
    files: p.files,
    ...(p.settings === undefined ? {} : { settings: p.settings }),
    ...(p.behaviour === undefined ? {} : { behaviour: { ...p.behaviour, groups: p.behaviour.groups.map(group) } }),
    ...(p.log === undefined ? {} : { log: { ...p.log, groups: p.log.groups.map(group) } }),
  };
}

function group<E>(g: Group<E>): unknown {
  const { key: _key, size: _size, ...rest } = g;
  return { label: groupLabel(g), ...rest };
}
