import type { BatchItem } from "../service/batch-item.js";

/** Media types of a batch: JSON Lines (one event a line) or one JSON array of events. */
export const jsonLinesTypes = ["application/x-ndjson", "application/jsonl", "application/json-lines"];

/**
 * The items of a posted batch. JSON Lines: each non-blank line is one item numbered by its
 * line, and a line that is not JSON becomes a rejected item; the others still apply. A JSON
 * body must be an array (items numbered from 1) or one event; otherwise the body is refused.
 */
export function parseBatch(body: string, jsonLines: boolean): BatchItem[] | { error: string } {
  if (jsonLines) {
    const items: BatchItem[] = [];
    const lines = body.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!;
      if (text.trim() === "") continue;
      try {
        items.push({ line: i + 1, value: JSON.parse(text) });
      } catch (error) {
        items.push({ line: i + 1, problem: `not JSON (${(error as Error).message})` });
      }
    }
    return items;
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    return {
      error: `the body is not JSON (${(error as Error).message}); send a JSON array of events, or JSON Lines as application/x-ndjson to have bad lines rejected one by one`,
    };
  }
  if (Array.isArray(value)) return value.map((item, i) => ({ line: i + 1, value: item }));
  return [{ line: 1, value }];
}
