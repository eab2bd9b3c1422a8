import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { compileSources } from "../../compiler/pipeline.js";
import { startServer, type RunningServer, type ServeOptions } from "../../server/start.js";

/** The example policies compiled into a bundle file in a fresh temp folder. */
export function exampleBundle(dir = mkdtempSync(join(tmpdir(), "crm-policy-serve-"))): { dir: string; bundle: string; text: string } {
  const files = readdirSync("policies")
    .filter((name) => !name.includes(".test."))
    .map((name) => `policies/${name}`);
  const compiled = compileSources(files.map((file) => ({ file, bytes: readFileSync(file) })));
  if (compiled.bundle === undefined) throw new Error("the example policies do not compile");
  const bundle = join(dir, "policies.bundle.json");
  writeFileSync(bundle, compiled.bundle.text);
  return { dir, bundle, text: compiled.bundle.text };
}

/** The JSON log lines a server wrote, kept in memory. */
export class LogLines extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split("\n")) if (line !== "") this.lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  }
}

/** A server in this process on a free loopback port, logging into `logs`. */
export async function inProcessServer(
  options: Partial<ServeOptions> & { bundle: ServeOptions["bundle"] },
  logs = new LogLines(),
): Promise<RunningServer & { logs: LogLines }> {
  const server = await startServer({
    policy: "acme-support",
    state: ":memory:",
    host: "127.0.0.1",
    port: 0,
    recordPrefix: "rec",
    bodyLimit: 1 << 20,
    pollSeconds: 60,
    logLevel: "info",
    logStream: logs,
    ...options,
  });
  return Object.assign(server, { logs });
}
