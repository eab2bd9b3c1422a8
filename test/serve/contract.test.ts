import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { RunningServer } from "../../server/start.js";
import { exampleBundle, inProcessServer, type LogLines } from "./fixtures.js";
import { errorBodyProblems, openapi, responseProblems } from "./openapi-check.js";

const token = "s3cret-token";
let server: RunningServer & { logs: LogLines };
let dir: string;
/** The bundle's digest and acme-support's revision in it, read from the bundle itself. */
let bundle: { digest: string; policyRevision: string };
const seen = new Set<string>();

beforeAll(async () => {
  const example = exampleBundle();
  dir = example.dir;
  const value = JSON.parse(example.text) as { digest: string; policies: { name: string; revision: string }[] };
  bundle = { digest: value.digest, policyRevision: value.policies.find((p) => p.name === "acme-support")!.revision };
  writeFileSync(join(dir, "token"), token + "\n");
  server = await inProcessServer({ bundle: { file: example.bundle }, tokenFile: join(dir, "token"), bodyLimit: 64 * 1024 });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** One request; its response must match the OpenAPI document. Returns status and body. */
async function call(
  method: string,
  route: string,
  path: string,
  init: { body?: string; type?: string; auth?: string | null } = {},
): Promise<{ status: number; json: any; text: string }> {
  const headers: Record<string, string> = {};
  if (init.auth !== null) headers["authorization"] = `Bearer ${init.auth ?? token}`;
  if (init.type !== undefined) headers["content-type"] = init.type;
  const response = await fetch(server.url + path, { method, headers, ...(init.body === undefined ? {} : { body: init.body }) });
  const text = await response.text();
  expect(
    responseProblems(method, route, response.status, response.headers.get("content-type"), text),
    `${method} ${path} → ${response.status} ${text.slice(0, 300)}`,
  ).toEqual([]);
  seen.add(`${method.toLowerCase()} ${route} ${response.status}`);
  return { status: response.status, text, json: response.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : undefined };
}

const at = (s: number) => `2026-11-20T10:00:${String(s).padStart(2, "0")}Z`;
const started = (id: string, s: number) => ({
  type: "started",
  sessionId: id,
  at: at(s),
  channel: "voice",
  sessionType: "Voice Inbound (IVR)",
  queue: "Support/Billing",
  endUser: `u-${id}`,
});
const lines = (...events: unknown[]) => events.map((e) => (typeof e === "string" ? e : JSON.stringify(e))).join("\n") + "\n";

describe("every response matches docs/serve.openapi.json", () => {
  test("POST /v1/events: decided, accepted and rejected outcomes, JSON Lines and JSON array", async () => {
    const batch = await call("POST", "/v1/events", "/v1/events", {
      type: "application/x-ndjson",
      body: lines(
        started("k1", 0),
        { type: "connected", sessionId: "k1", at: at(5) },
        "{not json",
        { type: "assigned", sessionId: "nobody", at: at(6) },
        started("k2", 7),
      ),
    });
    expect(batch.status).toBe(200);
    expect(batch.json.results.map((r: { status: string }) => r.status)).toEqual(["accepted", "decided", "rejected", "rejected", "accepted"]);
    // Provenance: the policy and its revision in the bundle that decided, and the overrides that held.
    expect(batch.json.results[1].decision).toMatchObject({ sessionId: "k1", policy: "acme-support", revision: bundle.policyRevision, overrides: [] });
    const array = await call("POST", "/v1/events", "/v1/events", {
      type: "application/json",
      body: JSON.stringify([{ type: "ended", sessionId: "k1", at: at(9) }]),
    });
    expect(array.json.results).toEqual([{ line: 1, status: "accepted" }]);
    expect((await call("POST", "/v1/events", "/v1/events", { type: "application/json", body: "[{" })).status).toBe(400);
    expect((await call("POST", "/v1/events", "/v1/events", { type: "text/csv", body: "a,b" })).status).toBe(415);
    expect((await call("POST", "/v1/events", "/v1/events", { type: "application/x-ndjson", body: "x".repeat(65 * 1024) })).status).toBe(413);
    expect((await call("POST", "/v1/events", "/v1/events", { type: "application/x-ndjson", body: "{}", auth: null })).status).toBe(401);
  });

  test("GET /v1/decisions: pages, long-poll, bad query", async () => {
    const page = await call("GET", "/v1/decisions", "/v1/decisions?after=0&limit=1");
    expect(page.json.decisions).toHaveLength(1);
    expect(page.json.next).toBe(page.json.decisions[0].seq);
    const empty = await call("GET", "/v1/decisions", `/v1/decisions?after=${page.json.next}&wait=0`);
    expect(empty.json).toEqual({ decisions: [], next: page.json.next });
    // A long poll answered by a batch that decides while it waits.
    const polling = call("GET", "/v1/decisions", `/v1/decisions?after=${page.json.next}&wait=5`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await call("POST", "/v1/events", "/v1/events", { type: "application/x-ndjson", body: lines({ type: "connected", sessionId: "k2", at: at(20) }) });
    const woken = await polling;
    expect(woken.json.decisions.map((d: { decision: { sessionId: string } }) => d.decision.sessionId)).toEqual(["k2"]);
    expect(woken.json.decisions[0].decision).toMatchObject({ policy: "acme-support", revision: bundle.policyRevision, overrides: [] });
    expect((await call("GET", "/v1/decisions", "/v1/decisions?limit=0")).status).toBe(400);
    expect((await call("GET", "/v1/decisions", "/v1/decisions?after=-1")).status).toBe(400);
    expect((await call("GET", "/v1/decisions", "/v1/decisions", { auth: "wrong" })).status).toBe(401);
  });

  test("GET /v1/sessions/{id}: in flight, ended, unknown", async () => {
    const live = await call("GET", "/v1/sessions/{id}", "/v1/sessions/k2");
    expect(live.json.state).toBe("in_flight");
    expect(live.json.progress).toMatchObject({ channel: "voice", connected: true, decided: true, settings: { delayUntilConnected: true } });
    expect(live.json.events.map((e: { type: string }) => e.type)).toEqual(["started", "connected"]);
    expect((await call("GET", "/v1/sessions/{id}", "/v1/sessions/k1")).json.state).toBe("ended");
    expect((await call("GET", "/v1/sessions/{id}", "/v1/sessions/none")).status).toBe(404);
    expect((await call("GET", "/v1/sessions/{id}", "/v1/sessions/k1", { auth: null })).status).toBe(401);
  });

  test("status, health, readiness, metrics", async () => {
    const status = await call("GET", "/v1/status", "/v1/status");
    expect(status.json.revision).toMatchObject({ digest: bundle.digest, policyRevision: bundle.policyRevision, keyId: null });
    expect(status.json.serving).toEqual([status.json.revision]);
    // The log says at start which bundle it loaded.
    expect(server.logs.lines.find((l) => l["msg"] === "listening")).toMatchObject({
      digest: bundle.digest,
      policyRevision: bundle.policyRevision,
      keyId: null,
    });
    expect(status.json.inFlight).toBe(1);
    expect((await call("GET", "/v1/status", "/v1/status", { auth: null })).status).toBe(401);
    expect((await call("GET", "/healthz", "/healthz", { auth: null })).status).toBe(200);
    expect((await call("GET", "/readyz", "/readyz", { auth: null })).status).toBe(200);
    const metrics = await call("GET", "/metrics", "/metrics");
    for (const name of [
      "crm_policy_events_total",
      "crm_policy_decisions_total",
      "crm_policy_rejections_total",
      "crm_policy_sessions_in_flight",
      "crm_policy_http_request_duration_seconds",
      "crm_policy_bundle_reloads_total",
      "crm_policy_store_write_duration_seconds",
    ]) {
      expect(metrics.text).toContain(`# TYPE ${name}`);
    }
    expect(metrics.text).toMatch(/crm_policy_rejections_total\{reason="unknown session"\} 1/);
    expect((await call("GET", "/metrics", "/metrics", { auth: null })).status).toBe(401);
  });

  test("unknown routes answer 404 with the error body", async () => {
    for (const [method, path] of [
      ["GET", "/v2/events"],
      ["DELETE", "/v1/events"],
      ["GET", "/"],
    ] as const) {
      const response = await fetch(server.url + path, { method, headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(404);
      expect(errorBodyProblems(await response.text())).toEqual([]);
    }
  });

  test("every documented operation is served, and every response status the tests saw is documented", () => {
    for (const [route, operations] of Object.entries(openapi.paths)) {
      for (const method of Object.keys(operations)) {
        expect(server.app.hasRoute({ method: method.toUpperCase() as "GET", url: route.replace(/\{(\w+)\}/g, ":$1") }), `${method} ${route}`).toBe(true);
        expect(
          [...seen].some((s) => s.startsWith(`${method} ${route} 2`)),
          `${method} ${route}: no 2xx response checked`,
        ).toBe(true);
      }
    }
  });
});
