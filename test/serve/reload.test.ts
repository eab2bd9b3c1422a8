import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { createServer, type Server } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { compileSources } from "../../compiler/pipeline.js";
import { signBundle } from "../../compiler/passes/sign.js";
import type { PolicyBundle } from "@crm-policy/runtime";
import { inProcessServer } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "crm-policy-reload-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const source = readFileSync("policies/acme-support.yaml", "utf8");
/** acme-support with its base title template replaced: each revision titles records its own way. */
function bundleWithTitle(prefix: string): PolicyBundle {
  const text = source.replace('template: "{{CALL_TYPE}} {{CALL_ID}} via {{MENU_PATH}}"', `template: "${prefix} {{CALL_ID}}"`);
  const compiled = compileSources([{ file: "acme-support.yaml", bytes: Buffer.from(text) }]);
  if (compiled.bundle === undefined) throw new Error("does not compile");
  return compiled.bundle.value;
}
function keyPair(name: string): KeyObject {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  mkdirSync(join(dir, name), { recursive: true });
  writeFileSync(join(dir, name, "key.pem"), publicKey.export({ type: "spki", format: "pem" }));
  return privateKey;
}
/** Replaces the bundle file the way a deploy does: write aside, then rename over it. */
function deploy(path: string, text: string): void {
  writeFileSync(path + ".tmp", text);
  renameSync(path + ".tmp", path);
}

const at = (s: number) => `2026-11-20T12:00:${String(s).padStart(2, "0")}Z`;
const call = (id: string, s: number) => ({
  type: "started",
  sessionId: id,
  at: at(s),
  channel: "voice",
  sessionType: "Voice Inbound (IVR)",
  queue: "Support/Billing",
  menuPath: "Support > Billing",
  endUser: `u-${id}`,
});

test("a new signed bundle goes live for new sessions, in-flight ones finish under theirs, also across a restart; bad bundles are refused", async () => {
  const trusted = keyPair("trusted");
  const stranger = keyPair("stranger");
  const v1 = signBundle(bundleWithTitle("V1"), trusted);
  const v2 = signBundle(bundleWithTitle("V2"), trusted);
  const bundlePath = join(dir, "live.bundle.json");
  const state = join(dir, "state.db");
  deploy(bundlePath, v1.text);
  const options = { bundle: { file: bundlePath }, state, trust: join(dir, "trusted") };

  let server = await inProcessServer(options);
  const post = async (...events: unknown[]) => {
    const response = await fetch(`${server.url}/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/x-ndjson" },
      body: events.map((e) => JSON.stringify(e)).join("\n"),
    });
    return ((await response.json()) as { results: { status: string; reason?: string; decision?: { sessionId: string; title?: string; revision: string } }[] })
      .results;
  };
  const status = async () =>
    (await (await fetch(`${server.url}/v1/status`)).json()) as {
      revision: { digest: string; keyId: string | null };
      serving: { digest: string }[];
      lastReloadError: { message: string } | null;
    };
  const revisionOf = async (id: string) => ((await (await fetch(`${server.url}/v1/sessions/${id}`)).json()) as { revision: string }).revision;

  expect((await status()).revision).toMatchObject({ digest: v1.bundle.digest, keyId: v1.bundle.signature!.keyId });
  await post(call("old", 0));

  deploy(bundlePath, v2.text);
  expect(await server.reloader.check()).toBe("applied");
  expect((await status()).serving.map((r) => r.digest)).toEqual([v2.bundle.digest, v1.bundle.digest]);
  expect(server.logs.lines.find((l) => l["msg"] === "bundle reloaded")).toMatchObject({
    digest: v2.bundle.digest,
    previous: v1.bundle.digest,
    policyRevision: v2.bundle.policies[0]!.revision,
    keyId: v2.bundle.signature!.keyId,
  });
  await post(call("new", 1));
  expect(await revisionOf("old")).toBe(v1.bundle.digest);
  expect(await revisionOf("new")).toBe(v2.bundle.digest);

  // Each refused bundle leaves v2 serving and says why.
  const refused: [string, string, RegExp][] = [
    ["signed by a key not trusted", signBundle(bundleWithTitle("V3"), stranger).text, /signature|key/i],
    ["truncated", v2.text.slice(0, v2.text.length >> 1), /not JSON/],
    ["wrong format", JSON.stringify({ ...v2.bundle, format: "crm-policy-bundle/v9" }), /format/],
    ["unsigned", JSON.stringify(bundleWithTitle("V4")), /sign/i],
  ];
  for (const [what, text, why] of refused) {
    deploy(bundlePath, text);
    expect([what, await server.reloader.check()]).toEqual([what, "failed"]);
    const now = await status();
    expect(now.revision.digest, what).toBe(v2.bundle.digest);
    expect(now.lastReloadError?.message, what).toMatch(why);
  }
  expect(server.logs.lines.filter((l) => l["msg"] === "bundle refused; the serving bundle stays")).toHaveLength(refused.length);
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  expect(metrics).toMatch(/crm_policy_bundle_reloads_total\{result="failed"\} 4/);
  await post(call("later", 2));
  expect(await revisionOf("later")).toBe(v2.bundle.digest);

  // A restart with v2 on disk: "old" is rebuilt under v1, kept in the state database.
  deploy(bundlePath, v2.text);
  await server.close();
  server = await inProcessServer(options);
  expect(await revisionOf("old")).toBe(v1.bundle.digest);
  const decided = await post(
    { type: "connected", sessionId: "old", at: at(10) },
    { type: "connected", sessionId: "new", at: at(11) },
    { type: "connected", sessionId: "later", at: at(12) },
  );
  expect(decided.map((r) => r.decision?.title)).toEqual(["V1 old", "V2 new", "V2 later"]);
  // Provenance shows it: each decision names the policy revision it was made under.
  const [r1, r2] = [v1.bundle.policies[0]!.revision, v2.bundle.policies[0]!.revision];
  expect(r1).not.toBe(r2);
  expect(decided.map((r) => r.decision?.revision)).toEqual([r1, r2, r2]);
  await server.close();
});

test("the bundle file is watched: a change is picked up without a call", async () => {
  const path = join(dir, "watched.bundle.json");
  const v1 = compileSources([{ file: "a.yaml", bytes: Buffer.from(source) }]).bundle!;
  const v2 = bundleWithTitle("W2");
  writeFileSync(path, v1.text);
  const server = await inProcessServer({ bundle: { file: path }, pollSeconds: 0.05 });
  deploy(path, JSON.stringify(v2));
  const deadline = Date.now() + 10_000;
  let digest = "";
  while (Date.now() < deadline && digest !== v2.digest) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    digest = ((await (await fetch(`${server.url}/v1/status`)).json()) as { revision: { digest: string } }).revision.digest;
  }
  expect(digest).toBe(v2.digest);
  await server.close();
});

test("--bundle-url is polled with ETag: an unchanged bundle is not downloaded again", async () => {
  let body = compileSources([{ file: "a.yaml", bytes: Buffer.from(source) }]).bundle!.text;
  let etag = '"1"';
  const seen: (string | undefined)[] = [];
  const origin: Server = createServer((request, response) => {
    seen.push(request.headers["if-none-match"]);
    if (request.headers["if-none-match"] === etag) response.writeHead(304).end();
    else response.writeHead(200, { etag, "content-type": "application/json" }).end(body);
  });
  await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
  const port = (origin.address() as { port: number }).port;
  const server = await inProcessServer({ bundle: { url: `http://127.0.0.1:${port}/bundle.json` } });
  expect(await server.reloader.check()).toBe("unchanged");
  body = JSON.stringify(bundleWithTitle("U2"));
  etag = '"2"';
  expect(await server.reloader.check()).toBe("applied");
  expect(await server.reloader.check()).toBe("unchanged");
  expect(seen).toEqual([undefined, '"1"', '"1"', '"2"']);
  await server.close();
  await new Promise((resolve) => origin.close(resolve));
});
