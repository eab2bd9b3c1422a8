import { createReadStream } from "node:fs";

/** The lines of a file or of stdin ("-"), streamed in chunks: memory stays flat on long logs. */
export async function* readLines(path: string, stdin: NodeJS.ReadableStream): AsyncGenerator<string> {
  const stream = path === "-" ? stdin : createReadStream(path, { highWaterMark: 1 << 20 });
  const decoder = new TextDecoder("utf-8");
  let rest = "";
  for await (const chunk of stream) {
    const text = rest + (typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true }));
    let start = 0;
    let end = text.indexOf("\n");
    while (end !== -1) {
      yield text.slice(start, end);
      start = end + 1;
      end = text.indexOf("\n", start);
    }
    rest = text.slice(start);
  }
  rest += decoder.decode();
  if (rest !== "") yield rest;
}
