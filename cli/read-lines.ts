import { createReadStream } from "node:fs";

/**
 * The lines of a file or of stdin ("-"), streamed in chunks so memory stays flat on long
 * logs, and yielded a chunk's worth at a time so the per-line cost is a plain loop.
 */
export async function* readLineBatches(path: string, stdin: NodeJS.ReadableStream): AsyncGenerator<string[]> {
  const stream = path === "-" ? stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    const lines = text.split("\n");
    rest = lines.pop() ?? "";
    yield lines;
  }
  rest += decoder.decode();
  if (rest !== "") yield [rest];
}
