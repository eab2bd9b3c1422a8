import { request } from "node:http";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { exampleBundle } from "./fixtures.js";
import { startServerProcess, type ServerProcess } from "./server-process.js";

const token = "t0ken-for-tests";
let server: ServerProcess;
let dir: string;

beforeAll(async () => {
  const example = exampleBundle();
  dir = example.dir;
  writeFileSync(join(dir, "token"), token);
  server = await startServerProcess([
    "--bundle",
    example.bundle,
    "--policy",
    "acme-support",
    "--state",
    join(dir, "state.db"),
    "--token-file",
    join(dir, "token"),
    "--max-body-bytes",
    "100000",
  ]);
});
afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
  await server.exited;
  rmSync(dir, { recursive: true, force: true });
});

const auth = { authorization: `Bearer ${token}` };
async function post(body: string, type = "application/x-ndjson", headers: Record<string, string> = auth): Promise<{ status: number; json: any }> {
  const response = await fetch(`${server.url}/v1/events`, { method: "POST", headers: { ...headers, "content-type": type }, body });
  return { status: response.status, json: await response.json() };
}
const at = (s: number) => `2026-11-20T11:00:${String(s).padStart(2, "0")}Z`;
const chat = (id: string) =>
  JSON.stringify({ type: "started", sessionId: id, at: at(0), channel: "chat", sessionType: "Chat", queue: "Support/Chat", endUser: `u-${id}` });

test("malformed lines are rejected one by one with their line numbers; the rest of the batch applies", async () => {
  const body = [
    chat("b1"),
    "",
    '{"type": ',
    "[1,2]",
    "null",
    JSON.stringify({ type: "teleported", sessionId: "b1", at: at(1) }),
    JSON.stringify({ type: "connected", sessionId: "b1", at: "yesterday" }),
    JSON.stringify({ type: "connected", sessionId: "b1", at: at(2) }),
    "\u0000\u00ff garbage",
  ].join("\n");
  const { status, json } = await post(body);
  expect(status).toBe(200);
  expect(json.results.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
    [1, "accepted"],
    [3, "rejected"],
    [4, "rejected"],
    [5, "rejected"],
    [6, "rejected"],
    [7, "rejected"],
    [8, "accepted"],
    [9, "rejected"],
  ]);
  expect(json.results[1].reason).toMatch(/^not JSON/);
  expect(json.results[4].reason).toBe("unknown event type `teleported`");
  expect(json.results[5].reason).toMatch(/field `at`/);
  // The good lines were applied: the session is in flight with both of its events.
  const session = (await (await fetch(`${server.url}/v1/sessions/b1`, { headers: auth })).json()) as { events: { type: string }[] };
  expect(session.events.map((e: { type: string }) => e.type)).toEqual(["started", "connected"]);
});

test("oversized bodies get 413, wrong content types 415, bad JSON 400, as JSON errors", async () => {
  const big = await post((chat("big") + "\n").repeat(2_000));
  expect(big.status).toBe(413);
  expect(big.json.error.code).toBe("body_too_large");
  for (const type of ["text/plain", "application/xml", "multipart/form-data; boundary=x"]) {
    const wrong = await post(chat("w"), type);
    expect([type, wrong.status, wrong.json.error.code]).toEqual([type, 415, "unsupported_media_type"]);
  }
  const noType = await fetch(`${server.url}/v1/events`, { method: "POST", headers: auth, body: new Uint8Array([1, 2, 3]) });
  expect(noType.status).toBe(415);
  const broken = await post('[{"type":', "application/json");
  expect([broken.status, broken.json.error.code]).toEqual([400, "bad_request"]);
  const empty = await post("", "application/json");
  expect(empty.status).toBe(400);
});

test("a missing or wrong token gets 401 on every route but the health checks", async () => {
  for (const headers of [{}, { authorization: "Bearer wrong" }, { authorization: `Basic ${token}` }, { authorization: `Bearer ${token}x` }]) {
    for (const path of ["/v1/status", "/v1/decisions", "/v1/sessions/b1", "/metrics"]) {
      const response = await fetch(server.url + path, { headers });
      expect([path, response.status]).toEqual([path, 401]);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
    }
    expect((await post(chat("x"), "application/x-ndjson", headers)).status).toBe(401);
  }
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
});

test("unknown routes and methods get 404 JSON errors; bad queries 400", async () => {
  for (const [method, path] of [
    ["GET", "/v1/nothing"],
    ["PUT", "/v1/events"],
    ["GET", "/v1/sessions/"],
    ["POST", "/v1/decisions"],
    ["GET", `/${"a".repeat(5_000)}`],
  ] as const) {
    const response = await fetch(server.url + path, { method, headers: auth });
    expect([method, path.slice(0, 20), response.status]).toEqual([method, path.slice(0, 20), 404]);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
  }
  for (const query of ["after=x", "limit=100000", "wait=99", "after=1e3", "limit=-5"]) {
    const response = await fetch(`${server.url}/v1/decisions?${query}`, { headers: auth });
    expect([query, response.status]).toEqual([query, 400]);
  }
});

test("a body cut off mid-request and a request with a lying content-length leave the server serving", async () => {
  const url = new URL(server.url);
  await new Promise<void>((resolve) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      method: "POST",
      path: "/v1/events",
      headers: { ...auth, "content-type": "application/x-ndjson", "content-length": "5000" },
    });
    req.on("error", () => resolve());
    req.write(chat("cut"));
    setTimeout(() => {
      req.destroy();
      resolve();
    }, 100);
  });
  const session = await fetch(`${server.url}/v1/sessions/cut`, { headers: auth });
  expect(session.status).toBe(404); // nothing of a body that never arrived applies
});

test("after all of it the process is still up and serving", async () => {
  expect(server.child.exitCode).toBe(null);
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  const { json } = await post(chat("after"));
  expect(json.results[0].status).toBe("accepted");
  expect(server.logs.some((l) => l["level"] === 50 || l["level"] === 60)).toBe(false); // no error or fatal log line
});

test("SIGTERM: a waiting long poll is answered, the process checkpoints and exits 0", async () => {
  const polling = fetch(`${server.url}/v1/decisions?after=1000000&wait=20`, { headers: auth });
  await new Promise((resolve) => setTimeout(resolve, 200));
  const begun = Date.now();
  server.child.kill("SIGTERM");
  const response = await polling;
  expect(response.status).toBe(200);
  expect(await server.exited).toBe(0);
  expect(Date.now() - begun).toBeLessThan(10_000);
  expect(server.logs.map((l) => l["msg"])).toContain("stopped");
});
