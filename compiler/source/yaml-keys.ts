import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node } from "yaml";

/**
 * Mapping keys as the policy's plain value has them: a key written as an alias is the name of the
 * scalar it points to, and a key that is a list or a mapping (or an alias of one) has no name.
 * yaml's own duplicate check compares keys as written, so `&a a: 1` then `*a : 2` passed and the
 * second value silently won; and it turns a list key into text with a Node warning on stderr.
 */
export interface KeyProblem {
  kind: "syntax" | "duplicate-key";
  message: string;
  help?: string;
  /** Where the key is written. */
  node: Node;
}

/** Keys a policy file cannot have, and keys written twice (the second one), in document order. */
export function keyProblems(doc: Document.Parsed): KeyProblem[] {
  const problems: KeyProblem[] = [];
  const targets = aliasTargets(doc);
  const seen = new Map<unknown, Set<string>>();
  visit(doc, {
    Pair(_, pair, path) {
      const map = path[path.length - 1];
      const key = pair.key as Node | null;
      if (!isMap(map) || key === null || isMergeKey(doc, key)) return;
      const target = isAlias(key) ? targets.get(key) : key;
      if (target === undefined) return; // an alias without an anchor, which reading reports
      const name = nameOf(target);
      if (name === undefined) {
        const message = `a key must be a string, found ${describe(target, isAlias(key))}`;
        problems.push({ kind: "syntax", message, ...(isMap(key) || isSeq(key) ? { help: quoteHelp } : {}), node: key });
        return;
      }
      const names = seen.get(map) ?? new Set<string>();
      seen.set(map, names);
      if (names.has(name)) problems.push({ kind: "duplicate-key", message: `duplicate key \`${name}\``, node: key });
      names.add(name);
    },
  });
  return problems;
}

// the usual way to meet this: `template: {{CALL_ID}}` is a mapping whose key is the mapping `{CALL_ID}`
const quoteHelp = 'in YAML, text that starts with `{` or `[` is a mapping or a list: put it in quotes, as in `template: "{{CALL_ID}}"`';

const targetsOf = new WeakMap<Document.Parsed, Map<Alias, Node | undefined>>();

/** The name a key has in the plain value (aliases resolved), or undefined if it has none. */
export function keyText(doc: Document.Parsed, key: unknown): string | undefined {
  if (key === null) return "";
  if (isAlias(key)) {
    const target = aliasTargets(doc).get(key);
    return target === undefined ? undefined : nameOf(target);
  }
  return isScalar(key) ? nameOf(key) : undefined;
}

/** The node each alias names: the last node before it with that anchor, as yaml resolves it. */
function aliasTargets(doc: Document.Parsed): Map<Alias, Node | undefined> {
  const cached = targetsOf.get(doc);
  if (cached !== undefined) return cached;
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  const anchored = (_: unknown, node: Node) => {
    if (node.anchor !== undefined) anchors.set(node.anchor, node);
  };
  visit(doc, {
    Map: anchored,
    Seq: anchored,
    Scalar: anchored,
    Alias(_, alias) {
      targets.set(alias, anchors.get(alias.source));
    },
  });
  targetsOf.set(doc, targets);
  return targets;
}

/** What yaml's conversion to a plain object makes of a scalar key; undefined for anything else. */
function nameOf(node: Node): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  if (value === null) return "";
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" ? String(value) : undefined;
}

function describe(node: Node, throughAlias: boolean): string {
  const tag = node.tag?.replace("tag:yaml.org,2002:", "!!");
  const what = isSeq(node) ? "a list" : isMap(node) ? "a mapping" : tag === undefined ? "a value that is not text" : `a \`${tag}\` value`;
  return throughAlias ? `an alias of ${what}` : what;
}

/** `<<` where the document's schema merges mappings (YAML 1.1, which reads it as a symbol): not a key of its own. */
function isMergeKey(doc: Document.Parsed, key: Node): boolean {
  return (
    isScalar(key) &&
    typeof key.value === "symbol" &&
    key.value.description === "<<" &&
    doc.schema.tags.some((tag) => tag.tag === "tag:yaml.org,2002:merge" && Boolean(tag.default))
  );
}
