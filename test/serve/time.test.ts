import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { exampleBundle, inProcessServer } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "crm-policy-time-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const example = exampleBundle(dir);

const minute = 60_000;
const t0 = Date.parse("2026-11-20T10:00:00Z");
const at = (ms: number) => new Date(t0 + ms).toISOString();
const started = (id: string, ms: number) => ({
  type: "started",
  sessionId: id,
  at: at(ms),
  channel: "voice",
  sessionType: "Voice Inbound (IVR)",
  queue: "Support/Billing",
  endUser: `u-${id}`,
});

type Server = Awaited<ReturnType<typeof inProcessServer>>;
async function post(server: Server, ...events: unknown[]): Promise<{ status: string; decision?: { sessionId: string } }[]> {
  const response = await fetch(`${server.url}/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/x-ndjson" },
    body: events.map((e) => JSON.stringify(e)).join("\n"),
  });
  return ((await response.json()) as { results: { status: string; decision?: { sessionId: string } }[] }).results;
}
async function outbox(server: Server): Promise<{ sessionId: string; decision: string; reason?: string }[]> {
  const page = (await (await fetch(`${server.url}/v1/decisions?after=0&limit=1000`)).json()) as {
    decisions: { decision: { sessionId: string; decision: string; reason?: string } }[];
  };
  return page.decisions.map((d) => d.decision);
}
const state = async (server: Server, id: string) => ((await (await fetch(`${server.url}/v1/sessions/${id}`)).json()) as { state: string }).state;

test("sessions past their maximum age are decided by time passing, stored, and not flushed by a restart", async () => {
  const options = { bundle: { file: example.bundle }, state: join(dir, "state.db"), maxSessionAge: 10 * minute, clockSeconds: 3600 };
  let server = await inProcessServer(options);
  await post(server, started("a", 0), started("b", 5 * minute));

  // A quiet stream: only the clock moves.
  expect(server.service.advanceTo(at(10 * minute + 1))).toBe(1);
  expect(await outbox(server)).toEqual([expect.objectContaining({ sessionId: "a", decision: "none", reason: "expired" })]);
  expect([await state(server, "a"), await state(server, "b")]).toEqual(["ended", "in_flight"]);

  // A restart goes on with "b": not flushed, not decided again, "a" not decided twice.
  await server.close();
  server = await inProcessServer(options);
  expect(await state(server, "b")).toBe("in_flight");
  expect(await outbox(server)).toHaveLength(1);
  expect(server.service.advanceTo(at(10 * minute + 2))).toBe(0);

  // An event of another session moves event time past b's age: b's decision is in the outbox,
  // the event's own answer is about its own session.
  const results = await post(server, started("c", 15 * minute + 1));
  expect(results).toEqual([{ line: 1, status: "accepted" }]);
  expect((await outbox(server)).map((d) => [d.sessionId, d.reason])).toEqual([
    ["a", "expired"],
    ["b", "expired"],
  ]);
  expect(await state(server, "b")).toBe("ended");

  // Redelivered, the expired sessions' starts decide nothing again.
  await post(server, started("a", 0), started("b", 5 * minute));
  await server.close();
  server = await inProcessServer(options);
  await post(server, started("b", 5 * minute));
  expect((await outbox(server)).map((d) => d.sessionId)).toEqual(["a", "b"]);
  expect(await state(server, "c")).toBe("in_flight");
  await server.close();
});

test("the service's clock moves event time to the wall clock: a quiet session is decided with no event", async () => {
  const server = await inProcessServer({ bundle: { file: example.bundle }, maxSessionAge: 1000, clockSeconds: 0.05 });
  const now = Date.now();
  await post(server, { ...started("quiet", 0), at: new Date(now).toISOString() });
  const deadline = Date.now() + 15_000;
  let decisions = await outbox(server);
  while (decisions.length === 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    decisions = await outbox(server);
  }
  expect(decisions).toEqual([expect.objectContaining({ sessionId: "quiet", reason: "expired" })]);
  await server.close();
});
