import type { RunningServer } from "../../server/start.js";
import { defineCommand, parseCommand } from "../command-spec.js";
import { parseDuration } from "../duration.js";
import { UsageError, type Io } from "../io.js";
import { loadRecords } from "../load-records.js";
import { loadServer, MissingServerPackage } from "../server-packages.js";

export const serveSpec = defineCommand({
  name: "serve",
  summary: "run the decision service over HTTP, durable on SQLite (docs/serve.md)",
  description:
    "POST /v1/events takes batches of session events and answers once they are stored; GET /v1/decisions is the outbox. The bundle is watched and reloaded; SIGTERM stops cleanly.",
  options: {
    bundle: { type: "string", value: "FILE", description: "the bundle file, watched for changes (or --bundle-url)" },
    "bundle-url": { type: "string", value: "URL", description: "the bundle's URL, polled with ETag (or --bundle)" },
    policy: { type: "string", value: "NAME", required: true, description: "the policy of the bundle to run" },
    trust: { type: "string", value: "DIR|FILE", description: "public keys: only bundles signed by one of them load" },
    state: { type: "string", value: "PATH|:memory:", default: "crm-policy-state.db", description: "the SQLite state file" },
    listen: { type: "string", value: "HOST:PORT", default: "127.0.0.1:8181", description: "the address to listen on" },
    "token-file": { type: "string", value: "FILE", description: "a bearer token every route but the health checks requires" },
    records: { type: "string", value: "FILE", description: "CRM records that exist before the first event (new state only)" },
    "record-prefix": { type: "string", value: "P", default: "rec", description: "ids of created records: P-1, P-2, …" },
    "max-body-bytes": { type: "string", value: "N", default: String(8 << 20), description: "larger request bodies get 413" },
    "max-session-age": {
      type: "string",
      value: "DURATION",
      description: "close a session with no `ended` this long after its start as `expired` (e.g. 1d); event time then follows the wall clock",
    },
    "poll-seconds": { type: "string", value: "S", default: "2", description: "how often the bundle file or URL is checked" },
    "log-level": {
      type: "string",
      choices: ["fatal", "error", "warn", "info", "debug", "trace", "silent"],
      default: "info",
      description: "JSON logs on stdout from this level up",
    },
  },
  examples: ["crm-policy serve --bundle dist/policies.bundle.json --policy acme-support --state state.db"],
});

/** How long SIGTERM waits for requests in flight before the process exits anyway. */
const stopWithinMs = 10_000;

/**
 * `crm-policy serve`: the decision service over HTTP (docs/serve.md). Runs until SIGTERM or
 * SIGINT, then stops accepting, finishes requests in flight, checkpoints the state, exits 0.
 * The server and its packages (optional peer dependencies) are loaded only here.
 */
export async function serveCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseCommand(serveSpec, args);
  if ((values.bundle === undefined) === (values["bundle-url"] === undefined)) throw new UsageError("give one of --bundle FILE or --bundle-url URL");
  const { host, port } = listenAddress(values.listen);
  const bodyLimit = positive(values["max-body-bytes"], "--max-body-bytes");
  const pollSeconds = positive(values["poll-seconds"], "--poll-seconds");
  const maxSessionAge = values["max-session-age"] === undefined ? undefined : parseDuration(values["max-session-age"]);
  if (maxSessionAge === 0 || (values["max-session-age"] !== undefined && maxSessionAge === undefined)) {
    throw new UsageError(`--max-session-age ${JSON.stringify(values["max-session-age"])}: a duration is a number with a unit, e.g. 12h, 1d, 90m`);
  }
  let records;
  if (values.records !== undefined) {
    const loaded = loadRecords(values.records);
    for (const problem of loaded.problems) io.stderr.write(problem + "\n");
    if (loaded.problems.length > 0) return 1;
    records = loaded.records;
  }
  let serverModule: typeof import("../../server/start.js");
  try {
    serverModule = await loadServer(() => import("../../server/start.js"));
  } catch (error) {
    if (!(error instanceof MissingServerPackage)) throw error;
    io.stderr.write(`crm-policy serve: ${error.message}\n`);
    return 1;
  }
  const { startServer, StartError } = serverModule;
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
      maxSessionAge,
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
