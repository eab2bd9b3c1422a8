import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { loadBundle, readTrustedKeys, type CrmRecord, type TrustedKeys } from "@crm-policy/runtime";
import { FileBundleSource, UrlBundleSource, type BundleSource } from "./bundle-source.js";
import { buildApp } from "./http/app.js";
import { ServerMetrics } from "./metrics.js";
import { Reloader } from "./reloader.js";
import { DecisionService, keepEnded } from "./service/decision-service.js";
import { SqliteStateStore } from "./state/sqlite-state.js";

export interface ServeOptions {
  bundle: { file: string } | { url: string };
  policy: string;
  /** SQLite file, or `:memory:`. */
  state: string;
  host: string;
  port: number;
  /** A public key file, or a folder of them: only bundles signed by one of them load. */
  trust?: string | undefined;
  /** File holding the bearer token; none: no authentication. */
  tokenFile?: string | undefined;
  /** Records that exist before the first event, applied to a new state only. */
  records?: readonly CrmRecord[] | undefined;
  recordPrefix: string;
  bodyLimit: number;
  pollSeconds: number;
  /**
   * A session with no `ended` this long (ms) after its start is closed as `expired`; event time
   * then also follows the wall clock (every `clockSeconds`), so quiet streams get their decisions
   * too. Undefined: sessions never expire, and event time is only what events say.
   */
  maxSessionAge?: number | undefined;
  clockSeconds?: number | undefined;
  logLevel: string;
  logStream?: NodeJS.WritableStream | undefined;
}

export interface RunningServer {
  /** `http://host:port` it listens on. */
  url: string;
  app: FastifyInstance;
  service: DecisionService;
  reloader: Reloader;
  /** Stops accepting, finishes requests in flight, checkpoints and closes the state. */
  close(): Promise<void>;
}

/** A problem with how the server was asked to start: said once, exit status 1. */
export class StartError extends Error {}

/** Opens the state, loads the bundle, rebuilds in-flight sessions, and listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.tokenFile === undefined ? undefined : readToken(options.tokenFile);
  let trustedKeys: TrustedKeys | undefined;
  try {
    trustedKeys = options.trust === undefined ? undefined : readTrustedKeys(options.trust);
  } catch (error) {
    throw new StartError((error as Error).message);
  }
  const source: BundleSource = "file" in options.bundle ? new FileBundleSource(options.bundle.file) : new UrlBundleSource(options.bundle.url);
  let text: string | undefined;
  try {
    text = await source.poll();
  } catch (error) {
    throw new StartError(`cannot read the bundle at ${source.where}: ${(error as Error).message}`);
  }
  if (text === undefined) throw new StartError(`the bundle at ${source.where} is empty`);
  let store: SqliteStateStore;
  try {
    store = new SqliteStateStore({ path: options.state, recordPrefix: options.recordPrefix, keepEnded });
  } catch (error) {
    throw new StartError(`cannot open the state database ${options.state}: ${(error as Error).message}`);
  }
  const metrics = new ServerMetrics();
  const check = {
    policyName: options.policy,
    load: (t: string) => loadBundle(t, trustedKeys === undefined ? {} : { trustedKeys }),
    loadStored: (t: string) => loadBundle(t),
    maxSessionAge: options.maxSessionAge ?? Number.POSITIVE_INFINITY,
  };
  let service: DecisionService;
  let warn: (message: string) => void = () => {};
  try {
    if (options.records !== undefined) store.seedRecords(options.records);
    service = new DecisionService(store, check, text, { onWarning: (message) => warn(message), onOutcome: (outcome) => metrics.outcome(outcome) });
  } catch (error) {
    store.close();
    throw new StartError(`cannot serve ${source.where}: ${(error as Error).message}`);
  }
  let ready = false;
  const startedAt = new Date().toISOString();
  let reloader: Reloader | undefined;
  const app = buildApp({
    service,
    metrics,
    token,
    bodyLimit: options.bodyLimit,
    ready: () => ready,
    logLevel: options.logLevel,
    logStream: options.logStream,
    status: () => status(service, reloader!, { policy: options.policy, source: source.where, state: options.state, startedAt }),
  });
  reloader = new Reloader(source, service, metrics, app.log);
  warn = (message) => app.log.warn({ warning: message }, "event warning");
  app.addHook("onClose", async () => {
    reloader!.stop();
    store.checkpoint();
    store.close();
  });
  try {
    await app.listen({ host: options.host, port: options.port });
  } catch (error) {
    await app.close();
    throw new StartError(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
  }
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`;
  reloader.start(options.pollSeconds);
  const clock = options.maxSessionAge === undefined ? undefined : startClock(service, app.log, options.clockSeconds ?? 1);
  ready = true;
  const live = service.current;
  app.log.info(
    {
      url,
      policy: options.policy,
      digest: live.digest,
      keyId: live.keyId,
      policyRevision: live.policy.revision,
      source: source.where,
      state: options.state,
      inFlight: service.inFlight,
      lastSeq: store.lastSeq(),
    },
    "listening",
  );
  return {
    url,
    app,
    service,
    reloader,
    close: async () => {
      ready = false;
      clearInterval(clock);
      await app.close();
    },
  };
}

/**
 * Moves event time to the wall clock every `seconds`: sessions past their maximum age get their
 * decisions though no event comes. Nothing is flushed at a stop: a restarted service goes on
 * with the sessions it had.
 */
function startClock(service: DecisionService, log: FastifyInstance["log"], seconds: number): NodeJS.Timeout {
  const timer = setInterval(() => {
    try {
      const decided = service.advanceTo(new Date().toISOString());
      if (decided > 0) log.info({ decided }, "sessions closed by time");
    } catch (error) {
      log.error({ error: (error as Error).message }, "closing sessions by time failed; tried again at the next tick");
    }
  }, seconds * 1000);
  timer.unref();
  return timer;
}

function status(service: DecisionService, reloader: Reloader, facts: { policy: string; source: string; state: string; startedAt: string }): object {
  const revision = (r: DecisionService["current"]) => ({
    digest: r.digest,
    keyId: r.keyId,
    policyRevision: r.policy.revision,
    loadedAt: r.loadedAt,
    sessions: r.sessions,
  });
  return {
    policy: facts.policy,
    bundle: facts.source,
    revision: revision(service.current),
    serving: service.serving.map(revision),
    lastReloadError: reloader.lastError,
    inFlight: service.inFlight,
    lastSeq: service.lastSeq(),
    state: facts.state,
    startedAt: facts.startedAt,
  };
}

function readToken(path: string): string {
  let token: string;
  try {
    token = readFileSync(path, "utf8").trim();
  } catch (error) {
    throw new StartError(`cannot read the token file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  if (token === "" || /\s/.test(token)) throw new StartError(`the token file ${path} must hold one token with no spaces`);
  return token;
}
