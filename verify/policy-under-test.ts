import type { Condition } from "../compiler/conditions/ast.js";
import { lowerCondition } from "../compiler/conditions/lower-condition.js";
import { parseCondition } from "../compiler/conditions/parse-condition.js";
import type { Diagnostic } from "../compiler/diagnostics/diagnostic.js";
import { defaultCatalog, type Catalog } from "../compiler/model/catalog.js";
import type { SourceFile } from "../compiler/passes/parse.js";
import { compileSources } from "../compiler/pipeline.js";
import { loadBundle } from "@crm-policy/runtime";
import type { CompiledCondition } from "@crm-policy/runtime/toolchain";
import type { CompiledPolicy } from "../schemas/types/bundle.v1.js";
import type { RecordCreationPolicy } from "../schemas/types/policy.v1.js";

/** A condition of the policy, parsed (for its literals) and lowered (to evaluate it). */
export interface PolicyCondition {
  text: string;
  ast: Condition;
  compiled: CompiledCondition;
}

/** One `expect` entry, ready to evaluate. */
export interface Expectation {
  name: string;
  for?: PolicyCondition;
  always: PolicyCondition;
}

/** What verify checks: the policy as written, and as the runtime runs it. */
export interface PolicyUnderTest {
  file: string;
  name: string;
  source: RecordCreationPolicy;
  /** From the compiled bundle, loaded (and digest-checked) the way a service loads it. */
  compiled: CompiledPolicy;
  catalog: Catalog;
  overrides: PolicyCondition[];
  expectations: Expectation[];
}

/**
 * Compiles the sources together (cross-file checks included) and pairs each policy of the
 * bundle with its source. No policies when any file has an error: verify runs only what
 * `compile` would ship.
 */
export function policiesUnderTest(
  sources: readonly SourceFile[],
  catalog: Catalog = defaultCatalog(),
): { policies: PolicyUnderTest[]; diagnostics: Diagnostic[] } {
  const result = compileSources(sources, catalog);
  if (result.bundle === undefined) return { policies: [], diagnostics: result.diagnostics };
  const bundle = loadBundle(result.bundle.text);
  const policies = result.policies.map(({ document, policy }) => ({
    file: document.source.file,
    name: policy.metadata.name,
    source: policy,
    compiled: bundle.policy(policy.metadata.name),
    catalog,
    overrides: (policy.overrides ?? []).map((o) => condition(o.when)),
    expectations: (policy.expect ?? []).map((e) => ({ name: e.name, ...(e.for === undefined ? {} : { for: condition(e.for) }), always: condition(e.always) })),
  }));
  return { policies, diagnostics: result.diagnostics };
}

function condition(text: string): PolicyCondition {
  const parsed = parseCondition(text);
  // the checks passed, so every condition parses
  if (!parsed.ok) throw new Error(`verify: condition does not parse: ${text}`);
  return { text, ast: parsed.ast, compiled: lowerCondition(parsed.ast) };
}
