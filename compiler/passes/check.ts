import type { RecordCreationPolicy } from "../../schemas/types/policy.v1.js";
import { report, type Check, type CheckContext } from "../checks/check.js";
import { policyChecks } from "../checks/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { Catalog } from "../model/catalog.js";
import type { ParsedDocument } from "../source/yaml-document.js";

export interface CheckedPolicy {
  document: ParsedDocument;
  policy: RecordCreationPolicy;
}

/** A policy that failed the schema, with the pointers the schema complained about. */
export interface PartialPolicy extends CheckedPolicy {
  schemaErrors: readonly string[];
}

/**
 * Pass 3: what JSON Schema cannot say, per policy and across all files. Policies that failed
 * the schema are checked too, so one run reports everything; a check that trips over their
 * malformed data, or that concerns a value the schema already rejected, stays silent.
 */
export function check(policies: readonly CheckedPolicy[], catalog: Catalog, partial: readonly PartialPolicy[] = []): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { document, policy } of policies) {
    for (const rule of policyChecks) diagnostics.push(...runCheck(rule, { document, policy, catalog }));
  }
  for (const { document, policy: malformed, schemaErrors } of partial) {
    const clean = (d: Diagnostic) => !schemaErrors.some((p) => d.pointer === p || d.pointer.startsWith(p + "/") || p.startsWith(d.pointer + "/"));
    const policy = usableOverrides(malformed);
    for (const rule of policyChecks) {
      try {
        diagnostics.push(...rule({ document, policy, catalog }).filter(clean));
      } catch {
        // the schema errors already describe this document
      }
    }
  }
  // in file order, so the later file is the duplicate whether or not either also failed the schema
  const named = [...policies, ...partial]
    .filter((p) => typeof p.policy.metadata?.name === "string")
    .sort((a, b) => (a.document.source.file < b.document.source.file ? -1 : a.document.source.file > b.document.source.file ? 1 : 0));
  diagnostics.push(...duplicateNames(named, catalog));
  return diagnostics;
}

/** One check on one schema-valid policy; a check that throws is a bug, reported as `internal-error` naming it. */
function runCheck(rule: Check, context: CheckContext): Diagnostic[] {
  try {
    return rule(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [
      report(context, "internal-error", `check \`${rule.name}\` failed: ${reason}`, "", {
        help: "this is a bug in crm-policy, not in the policy: please report it with the policy file",
        params: { check: rule.name },
      }),
    ];
  }
}

/**
 * Checks walk the base settings and the overrides together; a malformed `overrides` must not
 * make them throw and lose what they found in the base. Items that are not mappings become
 * empty ones (keeping the indexes), a value that is not a list is left out.
 */
function usableOverrides(policy: RecordCreationPolicy): RecordCreationPolicy {
  const overrides: unknown = policy.overrides;
  if (overrides === undefined || (Array.isArray(overrides) && overrides.every(isRecord))) return policy;
  const { overrides: _, ...rest } = policy;
  if (!Array.isArray(overrides)) return rest;
  return { ...rest, overrides: overrides.map((o) => (isRecord(o) ? o : {})) as RecordCreationPolicy["overrides"] & object };
}

function isRecord(value: unknown): boolean {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function duplicateNames(policies: readonly CheckedPolicy[], catalog: Catalog): Diagnostic[] {
  const first = new Map<string, CheckedPolicy>();
  const problems: Diagnostic[] = [];
  for (const entry of policies) {
    const name = entry.policy.metadata.name;
    const earlier = first.get(name);
    if (earlier === undefined) {
      first.set(name, entry);
      continue;
    }
    const where = earlier.document.locate("/metadata/name");
    problems.push(
      report({ ...entry, catalog }, "duplicate-name", `policy name \`${name}\` is already used`, "/metadata/name", {
        help: `first used in ${earlier.document.source.file}:${where.line}:${where.column}; names are unique in a bundle`,
      }),
    );
  }
  return problems;
}
