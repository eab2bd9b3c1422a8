import { parseArgs } from "node:util";
import { startServer, StartError, type RunningServer } from "../../server/start.js";
import { UsageError, type Io } from "../io.js";
import { loadRecords } from "../load-records.js";

export const serveUsage =
  "crm-policy serve --bundle FILE|--bundle-url URL --policy NAME [--trust DIR|FILE] [--state PATH|:memory:] [--listen 127.0.0.1:8181] [--token-file FILE] [--records FILE] [--poll-seconds 2]";

/** How long SIGTERM waits for requests in flight before the process exits anyway. */
const stopWithinMs = 10_000;

/**
 * `crm-policy serve`: the decision service over HTTP (docs/serve.md). Runs until SIGTERM or
 * SIGINT, then stops accepting, finishes requests in flight, checkpoints the state, exits 0.
 */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      bundle: { type: "string" },
      "bundle-url": { type: "string" },
      policy: { type: "string" },
      state: { type: "string", default: "crm-policy-state.db" },
      listen: { type: "string", default: "127.0.0.1:8181" },
      trust: { type: "string" },
      "token-file": { type: "string" },
      records: { type: "string" },
      "record-prefix": { type: "string", default: "rec" },
      "max-body-bytes": { type: "string", default: String(8 << 20) },
      "poll-seconds": { type: "string", default: "2" },
      "log-level": { type: "string", default: "info" },
    },
  });
  if ((values.bundle === undefined) === (values["bundle-url"] === undefined)) throw new UsageError("give one of --bundle FILE or --bundle-url URL");
  if (values.policy === undefined) throw new UsageError("--policy NAME is required");
  const { host, port } = listenAddress(values.listen);
  const bodyLimit = positive(values["max-body-bytes"], "--max-body-bytes");
  const pollSeconds = positive(values["poll-seconds"], "--poll-seconds");
  if (!["fatal", "error", "warn", "info", "debug", "trace", "silent"].includes(values["log-level"])) throw new UsageError("--log-level is one of fatal, error, warn, info, debug, trace, silent");
  let records;
  if (values.records !== undefined) {
    const loaded = loadRecords(values.records);
    for (const problem of loaded.problems) io.stderr.write(problem + "\n");
    if (loaded.problems.length > 0) return 1;
    records = loaded.records;
  }
  let server: RunningServer;
  try {
    server = await startServer({
      bundle: values.bundle !== undefined ? { file: values.bundle } : { url: values["bundle-url"]! },
      policy: values.policy,
      state: values.state,
      host,
      port,
      trust: values.trust,
      tokenFile: values["token-file"],
      records,
      recordPrefix: values["record-prefix"],
      bodyLimit,
      pollSeconds,
      logLevel: values["log-level"],
    });
  } catch (error) {
    if (!(error instanceof StartError)) throw error;
    io.stderr.write(`crm-policy serve: ${error.message}\n`);
    return 1;
  }
  return new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      server.app.log.info({ signal }, "stopping");
      const timer = setTimeout(() => {
        server.app.log.error({ ms: stopWithinMs }, "requests still in flight at the stop bound; exiting");
        resolve(1);
      }, stopWithinMs);
      timer.unref();
      server.close().then(
        () => {
          clearTimeout(timer);
          server.app.log.info("stopped");
          resolve(0);
        },
        (error: unknown) => {
          clearTimeout(timer);
          server.app.log.error({ err: error }, "stop failed");
          resolve(1);
        },
      );
    };
    process.once("SIGTERM", () => stop("SIGTERM"));
    process.once("SIGINT", () => stop("SIGINT"));
  });
}

function listenAddress(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (match === null || port > 65_535) throw new UsageError(`--listen takes HOST:PORT (e.g. 127.0.0.1:8181, [::1]:8181, 0.0.0.0:8181), not \`${text}\``);
  return { host: match[1] ?? match[2]!, port };
}

function positive(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} takes a positive number, not \`${text}\``);
  return n;
}
