import { isPair, isScalar, isSeq, visit, type Document } from "yaml";
import type { SourceText } from "./source-text.js";
import type { YamlProblem } from "./yaml-document.js";

/**
 * Values YAML reads without a word that a policy must not hold: a tag the YAML core schema
 * does not know (`!foo 1` would be read as the plain `"1"`), and an integer JavaScript cannot
 * hold exactly (`9007199254740993` would be read as `9007199254740992`).
 */
export function valueProblems(source: SourceText, doc: Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  for (const warning of doc.warnings) {
    if (warning.code !== "TAG_RESOLVE_FAILED") continue;
    const [start, end] = warning.pos;
    problems.push({
      kind: "syntax",
      message: `unknown YAML tag \`${source.text.slice(start, end)}\``,
      span: source.span(start, end),
      help: "policies hold plain YAML values: remove the tag",
    });
  }
  visit(doc, {
    Scalar(key, node, path) {
      if (key === "key" || !isScalar(node) || typeof node.value !== "number" || !Number.isInteger(node.value) || Number.isSafeInteger(node.value)) return;
      const [start, end] = node.range ?? [0, 0];
      const written = source.text.slice(start, end);
      problems.push({
        kind: "out-of-range",
        message: `the integer \`${written.length > 40 ? written.slice(0, 37) + "..." : written}\` is beyond 2^53 and cannot be read exactly`,
        span: source.span(start, end),
        pointer: pointerOf([...path, node]),
      });
    },
  });
  return problems;
}

/** The JSON pointer of the last node of a visitor path (document, collections, pairs, node). */
function pointerOf(path: readonly unknown[]): string {
  let pointer = "";
  for (let i = 0; i < path.length - 1; i++) {
    const parent = path[i];
    const child = path[i + 1];
    if (isPair(parent) && child === parent.value)
      pointer +=
        "/" +
        String(isScalar(parent.key) ? parent.key.value : parent.key)
          .replace(/~/g, "~0")
          .replace(/\//g, "~1");
    else if (isSeq(parent)) pointer += "/" + parent.items.indexOf(child as never);
  }
  return pointer;
}
