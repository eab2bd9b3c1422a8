// Whatever a bundle says, with its digest recomputed: either loadBundle refuses it with a
// BundleError, or every policy in it runs a session trace without throwing.
import fc from "fast-check";
import { expect, it } from "vitest";
import { compileSources } from "../../compiler/pipeline.js";
import { readSources } from "../../cli/source-files.js";
import { canonicalJson } from "../../runtime/bundle/canonical-json.js";
import { bundleDigest } from "../../runtime/bundle/digest.js";
import { BundleError, Decider, loadBundle, MemoryRecordStore } from "../../runtime/index.js";

const compiled = compileSources(readSources(["policies"])).bundle;
if (compiled === undefined) throw new Error("example policies do not compile");
const valid = compiled.value;

type Path = (string | number)[];

/** Every place in the bundle a value sits, but the digest. */
function paths(value: unknown, at: Path = []): Path[] {
  const here = at.length > 0 && !(at.length === 1 && at[0] === "digest") ? [at] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...at, i]))];
  if (typeof value === "object" && value !== null) return [...here, ...Object.entries(value).flatMap(([key, v]) => paths(v, [...at, key]))];
  return here;
}

const places = paths(valid);

/** Puts `value` at `path`, if an earlier edit left a place there. */
function set(root: unknown, path: Path, value: unknown): void {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = typeof node === "object" && node !== null ? (node as Record<string | number, unknown>)[key] : undefined;
  const last = path[path.length - 1];
  if (typeof node === "object" && node !== null && last !== undefined) (node as Record<string | number, unknown>)[last] = value;
}

/** Values that broke the runtime before, and any small JSON. */
const hostile = fc.oneof(
  fc.constantFrom<unknown>(
    "bogus",
    "Mars/Olympus_Mons",
    "constructor",
    "__proto__",
    "\u001b[2J",
    "\ud800",
    "",
    null,
    -1,
    0,
    1.5,
    1e300,
    -1e300,
    true,
    [],
    {},
    { var: "constructor" },
    { op: "not" },
    [null],
    ["x", { var: "toString" }],
  ),
  fc.jsonValue({ maxDepth: 2 }),
);

const events = [
  {
    type: "started",
    sessionId: "v",
    at: "2026-11-20T10:00:00Z",
    channel: "voice",
    sessionType: "Voice Inbound (IVR)",
    queue: "Support/Billing",
    endUser: "u1",
    menuPath: "Billing",
    language: "en",
  },
  {
    type: "started",
    sessionId: "c",
    at: "2026-11-20T10:00:00Z",
    channel: "chat",
    sessionType: "Messaging Inbound (Web Chat)",
    queue: "Sales/VIP",
    endUser: "u2",
  },
  { type: "started", sessionId: "a", at: "2026-11-20T10:00:00Z", channel: "chat", sessionType: "Messaging Inbound (SMS)", queue: "Support" },
  { type: "assigned", sessionId: "v", at: "2026-11-20T10:00:10Z" },
  { type: "connected", sessionId: "v", at: "2026-11-20T10:00:20Z" },
  { type: "connected", sessionId: "c", at: "2026-11-20T10:00:20Z" },
  { type: "message", sessionId: "c", at: "2026-11-20T10:00:30Z", from: "consumer" },
  { type: "message", sessionId: "c", at: "2026-11-20T10:00:40Z", from: "consumer" },
  { type: "message", sessionId: "c", at: "2026-11-20T10:00:50Z", from: "consumer" },
  { type: "ended", sessionId: "v", at: "2026-11-20T10:01:00Z" },
  { type: "ended", sessionId: "c", at: "2026-11-20T10:01:00Z" },
  { type: "ended", sessionId: "a", at: "2026-11-20T10:01:00Z" },
];

it("a bundle either is refused with a BundleError or runs without throwing", () => {
  let loaded = 0;
  let refused = 0;
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom(...places), hostile), { minLength: 1, maxLength: 3 }), (edits) => {
      const bundle = structuredClone(valid) as unknown as Record<string, unknown>;
      for (const [path, value] of edits) set(bundle, path, value);
      const text = canonicalJson({ ...bundle, digest: bundleDigest(bundle) });
      let names: string[];
      let load: ReturnType<typeof loadBundle>;
      try {
        load = loadBundle(text);
        names = load.names;
      } catch (error) {
        if (!(error instanceof BundleError)) throw error;
        refused++;
        return;
      }
      loaded++;
      for (const name of names) {
        const decider = new Decider(
          load.policy(name),
          new MemoryRecordStore([
            { recordId: "R1", endUser: "u1", queue: "Support/Billing", status: "Closed", createdAt: "2026-11-19T10:00:00Z", closedAt: "2026-11-19T11:00:00Z" },
          ]),
        );
        const outcomes = [...events.flatMap((event) => decider.receive(structuredClone(event))), ...decider.flush()];
        const decisions = outcomes.filter((d) => !("rejected" in d));
        expect(decisions).toHaveLength(3);
      }
    }),
    { numRuns: Number(process.env["CRM_POLICY_RUNS"] ?? 600) },
  );
  expect(loaded).toBeGreaterThan(0);
  expect(refused).toBeGreaterThan(0);
});
