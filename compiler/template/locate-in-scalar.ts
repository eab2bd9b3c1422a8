import { Scalar, type Node } from "yaml";
import type { Span } from "../diagnostics/diagnostic.js";
import type { SourceText } from "../source/source-text.js";

/**
 * Maps an offset inside a YAML string's value back to the file, so a template problem can
 * underline the offending characters. Plain, quoted (with escapes) and block scalars map
 * exactly; other forms (flow scalars over several lines) fall back to the whole scalar.
 */
export function spanInScalar(source: SourceText, node: Node | undefined, start: number, end: number): Span | undefined {
  if (!(node instanceof Scalar) || node.range === undefined || node.range === null) return undefined;
  const value = String(node.value);
  const offsets = valueOffsets(source.text.slice(node.range[0], node.range[1]), node.type, value);
  if (offsets === undefined) return source.span(node.range[0], node.range[1]);
  const at = (i: number) => node.range![0] + (offsets[Math.min(i, offsets.length - 1)] ?? 0);
  const to = Math.max(at(start) + 1, at(end));
  // a problem that ends with a block scalar's line break stops there, not at the next line's indentation
  const lineBreak = source.text.indexOf("\n", at(Math.max(start, end - 1)));
  return source.span(at(start), lineBreak !== -1 && lineBreak < to ? lineBreak + 1 : to);
}

/** For each index of the value (and one past its end), the offset in the raw scalar text. */
function valueOffsets(raw: string, type: Scalar.Type | undefined, value: string): number[] | undefined {
  const identity = (shift: number) => Array.from({ length: value.length + 1 }, (_, i) => i + shift);
  switch (type) {
    case Scalar.PLAIN:
      return raw === value ? identity(0) : undefined;
    case Scalar.QUOTE_SINGLE:
      return raw.includes("\n") ? undefined : singleQuoted(raw, value);
    case Scalar.QUOTE_DOUBLE:
      return raw.includes("\n") ? undefined : doubleQuoted(raw, value);
    case Scalar.BLOCK_LITERAL:
      return blockScalar(raw, value, false);
    case Scalar.BLOCK_FOLDED:
      return blockScalar(raw, value, true);
    default:
      return undefined;
  }
}

function singleQuoted(raw: string, value: string): number[] | undefined {
  const offsets: number[] = [];
  let i = 1;
  while (i < raw.length - 1 && offsets.length < value.length) {
    offsets.push(i);
    i += raw[i] === "'" && raw[i + 1] === "'" ? 2 : 1;
  }
  offsets.push(i);
  return offsets.length === value.length + 1 ? offsets : undefined;
}

const escapeLength: Record<string, number> = { x: 4, u: 6, U: 10 };

function doubleQuoted(raw: string, value: string): number[] | undefined {
  const offsets: number[] = [];
  let i = 1;
  while (i < raw.length - 1 && offsets.length < value.length) {
    const length = raw[i] === "\\" ? (escapeLength[raw[i + 1] ?? ""] ?? 2) : 1;
    const produced = raw[i] === "\\" && raw[i + 1] === "U" ? 2 : 1;
    for (let k = 0; k < produced; k++) offsets.push(i);
    i += length;
  }
  offsets.push(i);
  return offsets.length === value.length + 1 ? offsets : undefined;
}

/**
 * `|` and `>` blocks: each content line from the block's indentation on, its line break (CRLF
 * too) standing for the value's `\n` (or, folded, the space it became). Blank lines and the
 * final line break count too. Any character that does not line up (folded blank lines,
 * indentation indicators) gives up, and the caller underlines the whole scalar.
 */
function blockScalar(raw: string, value: string, folded: boolean): number[] | undefined {
  const lines = raw.split("\n");
  const offsets: number[] = [];
  let lineStart = (lines[0] ?? "").length + 1;
  const body = lines.slice(1);
  // the block's indentation, whether detected or given by an indicator (`|2`): what the first
  // content line has beyond its text in the value
  const leading = (list: string[]) => /^ */.exec(list.find((line) => line.trim() !== "") ?? "")?.[0].length ?? 0;
  const indent = leading(body) - leading(value.split("\n"));
  for (const line of body) {
    const text = line.endsWith("\r") ? line.slice(0, -1) : line;
    for (let c = Math.min(indent, text.length); c <= text.length; c++) offsets.push(lineStart + c);
    lineStart += line.length + 1;
  }
  if (offsets.length < value.length + 1) return undefined;
  for (let i = 0; i < value.length; i++) {
    const found = raw[offsets[i] ?? 0];
    const lineBreak = found === "\n" || found === "\r" || found === undefined;
    if (found !== value[i] && !(lineBreak && (value[i] === "\n" || (folded && value[i] === " ")))) return undefined;
  }
  return offsets.slice(0, value.length + 1);
}
