import { isMap, isPair, isSeq, parseAllDocuments, visit, type Document, type Node } from "yaml";
import type { Span } from "../diagnostics/diagnostic.js";
import { keyProblems, keyText, type KeyProblem } from "./yaml-keys.js";
import type { SourceText } from "./source-text.js";
import { valueProblems } from "./yaml-values.js";

/** A parsed policy file: its plain value, and where each JSON pointer sits in the text. */
export interface ParsedDocument {
  source: SourceText;
  value: unknown;
  /** Span of the value at `pointer`; `key` asks for its property name instead. */
  locate(pointer: string, part?: "key" | "value"): Span;
  /** The node at `pointer`, for checks that look at how a scalar was written. */
  node(pointer: string): Node | undefined;
}

export interface YamlProblem {
  kind: "syntax" | "duplicate-key" | "multiple-documents" | "empty" | "out-of-range";
  message: string;
  span: Span;
  help?: string;
  /** Where in the document, when the problem is about one value. */
  pointer?: string;
}

export type ParseResult = { ok: true; document: ParsedDocument } | { ok: false; problems: YamlProblem[] };

/** Parses YAML (and so JSON) with source positions; every syntax problem of the file is returned. */
export function parseYaml(source: SourceText): ParseResult {
  const documents = parseAllDocuments(source.text, {
    // Keys are compared as the plain value sees them, aliases resolved: yaml-keys.ts.
    uniqueKeys: false,
    prettyErrors: false,
    strict: true,
    keepSourceTokens: false,
    // Problems are reported as diagnostics; yaml's own warnings would go to process.emitWarning.
    logLevel: "error",
  });
  const list = Array.isArray(documents) ? documents : [];
  const problems: YamlProblem[] = [];
  for (const doc of list) {
    for (const error of doc.errors) {
      problems.push({ kind: "syntax", message: yamlMessage(error.code, error.message), span: source.span(error.pos[0], error.pos[1]) });
    }
    problems.push(...keyProblems(doc).map((problem) => keyProblem(source, problem)));
    problems.push(...valueProblems(source, doc));
  }
  const second = list[1];
  if (second !== undefined) {
    const start = second.range[0];
    problems.push({
      kind: "multiple-documents",
      message: "a policy file holds one YAML document, found more",
      span: source.span(start, start + 1),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const doc = list[0];
  if (doc === undefined || doc.contents === null) {
    return {
      ok: false,
      problems: [{ kind: "empty", message: "file is empty", span: source.span(0, 0) }],
    };
  }
  try {
    return { ok: true, document: documentOf(source, doc, doc.toJS({ maxAliasCount: 100 })) };
  } catch (error) {
    // toJS refuses unresolved aliases and alias bombs; the message names the alias.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ kind: "syntax", message: yamlMessage("", message), span: unresolvedAlias(source, doc) ?? source.span(0, 0) }] };
  }
}

function keyProblem(source: SourceText, problem: KeyProblem): YamlProblem {
  const [start, end] = problem.node.range ?? [0, 0];
  return { kind: problem.kind, message: problem.message, span: source.span(start, end), ...(problem.help === undefined ? {} : { help: problem.help }) };
}

/** The first alias whose anchor is not defined before it, which is what toJS refuses. */
function unresolvedAlias(source: SourceText, doc: Document.Parsed): Span | undefined {
  let span: Span | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined || !alias.range) return undefined;
      span = source.span(alias.range[0], alias.range[1]);
      return visit.BREAK;
    },
  });
  return span;
}

function documentOf(source: SourceText, doc: Document.Parsed, value: unknown): ParsedDocument {
  const root = doc.contents;
  const walk = (pointer: string): { key?: Node; value?: Node } | undefined => {
    let current: { key?: Node; value?: Node } = root === null ? {} : { value: root };
    for (const segment of segments(pointer)) {
      const node = current.value;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && keyText(doc, p.key) === segment);
        if (pair === undefined) return undefined;
        current = { ...(isNode(pair.key) ? { key: pair.key } : {}), ...(isNode(pair.value) ? { value: pair.value } : {}) };
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)];
        if (!isNode(item)) return undefined;
        current = { value: item };
      } else {
        return undefined;
      }
    }
    return current;
  };
  const spanOf = (node: Node | undefined): Span | undefined => (node?.range ? source.span(node.range[0], node.range[1]) : undefined);
  return {
    source,
    value,
    node: (pointer) => walk(pointer)?.value,
    locate(pointer, part = "value") {
      // The nearest enclosing node that exists gives the position.
      let p = pointer;
      for (;;) {
        const found = walk(p);
        if (found !== undefined) {
          const preferred = part === "key" || p !== pointer ? (found.key ?? found.value) : (found.value ?? found.key);
          const span = spanOf(preferred);
          if (span !== undefined) return span;
        }
        if (p === "") return source.span(0, 0);
        p = p.slice(0, p.lastIndexOf("/"));
      }
    },
  };
}

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && "range" in value;
}

export function segments(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

export function pointerOf(...parts: (string | number)[]): string {
  return parts.map((p) => "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("");
}

function yamlMessage(_code: string, message: string): string {
  const first = message.split("\n")[0] ?? message;
  return first
    .replace(/ at line \d+, column \d+.*$/, "")
    .replace(/\.$/, "")
    .replace(/^./, (c) => c.toLowerCase());
}
