import { Scalar, type Node } from "yaml";
import type { Span } from "../diagnostics/diagnostic.js";
import type { SourceText } from "../source/source-text.js";

/**
 * Maps an offset inside a YAML string's value back to the file, so a template problem can
 * underline the offending characters. Plain, quoted (with escapes) and literal block scalars
 * map exactly; other forms fall back to the start of the scalar.
 */
export function spanInScalar(source: SourceText, node: Node | undefined, start: number, end: number): Span | undefined {
  if (!(node instanceof Scalar) || node.range === undefined || node.range === null) return undefined;
  const value = String(node.value);
  const offsets = valueOffsets(source.text.slice(node.range[0], node.range[1]), node.type, value);
  if (offsets === undefined) return source.span(node.range[0], node.range[1]);
  const at = (i: number) => node.range![0] + (offsets[Math.min(i, offsets.length - 1)] ?? 0);
  return source.span(at(start), Math.max(at(start) + 1, at(end)));
}

/** For each index of the value (and one past its end), the offset in the raw scalar text. */
function valueOffsets(raw: string, type: Scalar.Type | undefined, value: string): number[] | undefined {
  const identity = (shift: number) => Array.from({ length: value.length + 1 }, (_, i) => i + shift);
  switch (type) {
    case Scalar.PLAIN:
      return raw === value ? identity(0) : undefined;
    case Scalar.QUOTE_SINGLE:
      return raw.slice(1, -1) === value ? identity(1) : undefined;
    case Scalar.QUOTE_DOUBLE:
      return raw.includes("\n") ? undefined : doubleQuoted(raw, value);
    case Scalar.BLOCK_LITERAL:
      return literalBlock(raw, value);
    default:
      return undefined;
  }
}

const escapeLength: Record<string, number> = { x: 4, u: 6, U: 10 };

function doubleQuoted(raw: string, value: string): number[] | undefined {
  const offsets: number[] = [];
  let i = 1;
  while (i < raw.length - 1 && offsets.length < value.length) {
    const length = raw[i] === "\\" ? escapeLength[raw[i + 1] ?? ""] ?? 2 : 1;
    const produced = raw[i] === "\\" && raw[i + 1] === "U" ? 2 : 1;
    for (let k = 0; k < produced; k++) offsets.push(i);
    i += length;
  }
  offsets.push(i);
  return offsets.length === value.length + 1 ? offsets : undefined;
}

function literalBlock(raw: string, value: string): number[] | undefined {
  const lines = raw.split("\n");
  const offsets: number[] = [];
  let lineStart = (lines[0] ?? "").length + 1;
  const indent = /^ */.exec(lines[1] ?? "")?.[0].length ?? 0;
  for (const line of lines.slice(1)) {
    for (let c = indent; c <= line.length; c++) offsets.push(lineStart + c);
    lineStart += line.length + 1;
  }
  return offsets.length >= value.length + 1 ? offsets.slice(0, value.length + 1) : undefined;
}
