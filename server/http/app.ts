import { timingSafeEqual } from "node:crypto";
import Fastify, { LogController, type FastifyInstance } from "fastify";
import type { ServerMetrics } from "../metrics.js";
import type { DecisionService } from "../service/decision-service.js";
import { describeError, sendError } from "./errors.js";
import { jsonLinesTypes, parseBatch } from "./parse-batch.js";
import { outboxQuery } from "./outbox-query.js";

export interface AppOptions {
  service: DecisionService;
  metrics: ServerMetrics;
  /** The body of GET /v1/status. */
  status: () => object;
  /** Bearer token every route but the health checks requires; none: no authentication. */
  token: string | undefined;
  /** Largest request body, bytes (413 above it). */
  bodyLimit: number;
  /** False while starting and once stopping: /readyz answers 503. */
  ready: () => boolean;
  logLevel: string;
  /** Where the JSON log lines go (default: stdout). */
  logStream?: NodeJS.WritableStream | undefined;
}

const open = new Set(["/healthz", "/readyz"]);

/** The HTTP API of `crm-policy serve` (docs/serve.md, docs/serve.openapi.json). */
export function buildApp(options: AppOptions): FastifyInstance {
  const { service, metrics } = options;
  const app = Fastify({
    logger: { level: options.logLevel, ...(options.logStream === undefined ? {} : { stream: options.logStream }) },
    bodyLimit: options.bodyLimit,
    logController: new LogController({ disableRequestLogging: true }),
    connectionTimeout: 120_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
  });
  app.server.headersTimeout = 10_000;

  app.removeAllContentTypeParsers();
  app.addContentTypeParser(["application/json", ...jsonLinesTypes], { parseAs: "string" }, (_request, body, done) => done(null, body));

  const expected = options.token === undefined ? undefined : Buffer.from(`Bearer ${options.token}`);
  app.addHook("onRequest", async (request, reply) => {
    if (expected === undefined || open.has(request.url.split("?")[0]!)) return;
    const given = Buffer.from(request.headers.authorization ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      reply.header("www-authenticate", 'Bearer realm="crm-policy"');
      return sendError(
        reply,
        401,
        "unauthorized",
        request.headers.authorization === undefined ? "this server needs `Authorization: Bearer TOKEN`" : "wrong bearer token",
      );
    }
  });
  app.addHook("onResponse", async (request, reply) => {
    const route = request.routeOptions.url ?? "unknown";
    metrics.requests.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
    request.log.debug({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, "request");
  });
  app.addHook("preClose", async () => service.waiters.wakeAll());

  app.setNotFoundHandler((request, reply) => sendError(reply, 404, "not_found", `no route ${request.method} ${request.url.split("?")[0]}`));
  app.setErrorHandler((error, request, reply) => {
    const described = describeError(error as { code?: string; statusCode?: number; message: string });
    if (described.status >= 500) request.log.error({ err: error }, "request failed");
    else request.log.info({ code: described.code, message: described.message }, "request refused");
    return sendError(reply, described.status, described.code, described.message);
  });

  app.post("/v1/events", async (request, reply) => {
    const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
    const items = parseBatch(request.body as string, jsonLinesTypes.includes(type));
    if ("error" in items) return sendError(reply, 400, "bad_request", items.error);
    const begun = performance.now();
    let results;
    try {
      results = service.apply(items);
    } catch (error) {
      request.log.error({ err: error }, "batch not stored");
      return sendError(reply, 503, "store_failed", `the batch was not stored (${(error as Error).message}); nothing of it applied: send it again`);
    } finally {
      metrics.storeWrites.observe((performance.now() - begun) / 1000);
      metrics.inFlight.set(service.inFlight);
    }
    return reply.type("application/json").send({ results });
  });

  app.get("/v1/decisions", async (request, reply) => {
    const query = outboxQuery(request.query as Record<string, unknown>);
    if ("error" in query) return sendError(reply, 400, "bad_request", query.error);
    let entries = service.outbox(query.after, query.limit);
    if (entries.length === 0 && query.wait > 0 && options.ready()) {
      await service.waiters.wait(query.wait * 1000);
      entries = service.outbox(query.after, query.limit);
    }
    const next = entries.length === 0 ? query.after : entries[entries.length - 1]!.seq;
    // The decisions are stored as JSON text: spliced in, not parsed and written again.
    const body = `{"decisions":[${entries.map((e) => `{"seq":${e.seq},"decision":${e.json}}`).join(",")}],"next":${next}}`;
    return reply.type("application/json").send(body);
  });

  app.get("/v1/sessions/:id", async (request, reply) => {
    const id = (request.params as { id: string }).id;
    const session = service.describe(id);
    if (session === undefined) return sendError(reply, 404, "not_found", `no session \`${id}\` in flight or recently ended`);
    return session;
  });

  app.get("/v1/status", async () => options.status());
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => (options.ready() ? { status: "ready" } : sendError(reply, 503, "not_ready", "starting or stopping")));
  app.get("/metrics", async (_request, reply) => {
    metrics.inFlight.set(service.inFlight);
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return app;
}
