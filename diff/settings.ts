import { readProjectJson } from "../compiler/project-files.js";
import type { ResolvedPolicy } from "../compiler/model/resolved-policy.js";

/** The sections of a policy that hold settings (metadata, overrides and expect are not settings). */
const sections = ["crm", "records", "title", "tags"] as const;

interface SchemaNode {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaNode>;
}

let paths: string[] | undefined;

/**
 * Every setting of `schemas/policy.v1.schema.json`, as a dotted path (`records.calls.delayUntilConnected`):
 * the leaves under the setting sections, read from the schema itself so a new setting is
 * diffed without a change here.
 */
export function settingPaths(): readonly string[] {
  if (paths !== undefined) return paths;
  const schema = readProjectJson("schemas", "policy.v1.schema.json") as SchemaNode & { $defs: Record<string, SchemaNode> };
  const resolve = (node: SchemaNode): SchemaNode => (node.$ref === undefined ? node : resolve(schema.$defs[node.$ref.replace("#/$defs/", "")] ?? {}));
  const out: string[] = [];
  const walk = (node: SchemaNode, path: string[]): void => {
    const n = resolve(node);
    if (n.type === "object" && n.properties !== undefined) for (const [key, child] of Object.entries(n.properties)) walk(child, [...path, key]);
    else out.push(path.join("."));
  };
  for (const section of sections) walk(schema.properties?.[section] ?? {}, [section]);
  paths = out;
  return out;
}

/** The effective value of a setting: defaults resolved (`null` where a setting is off by being unset). */
export function settingValue(policy: ResolvedPolicy, path: string): unknown {
  let value: unknown = policy;
  for (const key of path.split(".")) value = typeof value === "object" && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  return value;
}

/** Whether the policy text (or an override) writes this setting. */
export function writes(settings: unknown, path: string): boolean {
  let value: unknown = settings;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !(key in value)) return false;
    value = (value as Record<string, unknown>)[key];
  }
  return true;
}

/** A setting's value as the reports print it: JSON, `unset` for a setting left off. */
export function showValue(value: unknown): string {
  return value === null || value === undefined ? "unset" : JSON.stringify(value);
}

/** Values compare as canonical JSON: key order never makes two settings differ. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
