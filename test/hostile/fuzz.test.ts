// Fuzzing: generated and mutated policies, event lines, record lines and bundles. Nothing may
// throw out of the project's code, hang, or leave a line unaccounted for, and the runtime must
// agree with the reference interpreter on whatever it accepts. `npm test` runs a short budget;
// `npm run test:long` sets CRM_POLICY_FUZZ=long: over 1,000,000 generated inputs in all.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";
import { loadRecords } from "../../cli/load-records.js";
import { compileSources, validateSources } from "../../compiler/pipeline.js";
import { bundleDigest } from "../../runtime/bundle/digest.js";
import { BundleError, Decider, loadBundle, MemoryRecordStore } from "../../runtime/index.js";
import { policyArb, traceArb } from "../support/arbitraries.js";
import { runBundle, runReference } from "../support/run-both.js";

const long = process.env["CRM_POLICY_FUZZ"] === "long";
const seed = process.env["CRM_POLICY_SEED"] === undefined ? undefined : Number(process.env["CRM_POLICY_SEED"]);
/** fast-check runs: the short budget, or the long one. */
const options = (short: number, longRuns: number) => ({ numRuns: long ? longRuns : short, ...(seed === undefined ? {} : { seed }) });
/** Lines per generated log or records file. */
const linesPerFile = long ? 400 : 60;
/** fast-check keeps arrays short unless told: the long budget wants whole files of lines. */
const fileSize = long ? ({ size: "max" } as const) : {};
const dir = mkdtempSync(join(tmpdir(), "crm-policy-fuzz-"));
const inputs = { eventLines: 0, recordLines: 0, policies: 0, bundles: 0, traces: 0 };

afterAll(() => {
  const total = Object.values(inputs).reduce((a, b) => a + b, 0);
  console.log(
    `fuzz: ${total.toLocaleString("en-US")} generated inputs (${Object.entries(inputs)
      .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
      .join(", ")}), ${long ? "long" : "short"} budget`,
  );
});

/** Text a hostile input would hold: control and format characters, lone surrogates, long runs. */
const hostileText = fc.oneof(
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc
      .array(
        fc.constantFrom(
          "\ud800",
          "\udfff",
          "\u202e",
          "\u200b",
          "\u0000",
          "\u001b[31m",
          "\r\n",
          "\u2028",
          "(",
          ")",
          " ",
          "a",
          "Voice Inbound (IVR)",
          "%",
          "::error::",
        ),
        { minLength: 1, maxLength: 10 },
      )
      .map((p) => p.join("")),
  },
);
const hostileTime = fc.oneof(
  fc.constantFrom(
    "0000-01-01T00:00:00Z",
    "0001-01-01T23:59:59Z",
    "0001-01-02T00:00:00Z",
    "0050-06-01T12:00:00+01:00",
    "9999-12-30T23:59:59Z",
    "9999-12-31T00:00:00Z",
    "2026-11-20T10:00:60Z",
    "2026-12-31T23:59:60Z",
    "2026-11-20T10:00:00.123456789+14:00",
  ),
  fc.date({ min: new Date("2026-01-01T00:00:00Z"), max: new Date("2027-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString()),
);
const eventObject = fc.record(
  {
    type: fc.constantFrom("started", "assigned", "connected", "message", "ended", "record.status", "bogus"),
    sessionId: fc.oneof(fc.constantFrom("s1", "s2", "s3"), hostileText),
    recordId: fc.constantFrom("R1", "sim-1", "x"),
    status: fc.oneof(fc.constantFrom("new", "open", "solved", "Closed"), hostileText),
    at: hostileTime,
    channel: fc.constantFrom("voice", "chat", "fax"),
    sessionType: fc.oneof(fc.constantFrom("Voice Inbound (IVR)", "Chat Inbound"), hostileText),
    queue: fc.oneof(fc.constant("Q1"), hostileText),
    menuPath: hostileText,
    phoneNumber: hostileText,
    language: hostileText,
    endUser: fc.constantFrom("u1", "u2"),
    from: fc.constantFrom("consumer", "agent"),
  },
  { requiredKeys: ["type", "sessionId", "at"] },
);

/** One line of an event log, as bytes, with what it must come to. */
type GeneratedLine = { bytes: Buffer; mustReject: boolean; blank: boolean };
const lineArb: fc.Arbitrary<GeneratedLine> = fc.oneof(
  { weight: 8, arbitrary: eventObject.map((e) => ({ bytes: Buffer.from(JSON.stringify(e)), mustReject: false, blank: false })) },
  {
    weight: 1,
    arbitrary: fc
      .jsonValue()
      .filter((v) => typeof v !== "object" || v === null || Array.isArray(v))
      .map((v) => ({ bytes: Buffer.from(JSON.stringify(v)), mustReject: true, blank: false })),
  },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ minLength: 1, maxLength: 30 })
      .map((b) => Buffer.from(b.map((x) => (x === 10 ? 32 : x))))
      .map((bytes) => ({ bytes, mustReject: !isBlankBytes(bytes), blank: isBlankBytes(bytes) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("", " ", "\t\r", "\u00a0", "\u2028", "\u000b", "{", "{}x")
      .map((t) => ({ bytes: Buffer.from(t), mustReject: !/^[ \t\r]*$/.test(t), blank: /^[ \t\r]*$/.test(t) })),
  },
  {
    weight: 1,
    arbitrary: eventObject
      .map((e) => JSON.stringify(e))
      .chain((t) =>
        fc
          .nat(t.length)
          .map((i) => ({ bytes: Buffer.concat([Buffer.from(t.slice(0, i)), Buffer.from([0xff]), Buffer.from(t.slice(i))]), mustReject: true, blank: false })),
      ),
  },
);

function isBlankBytes(bytes: Uint8Array): boolean {
  return bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d);
}

const bundlePath = join(dir, "policies.bundle.json");
writeFileSync(
  bundlePath,
  compileSources([
    {
      file: "policies/acme-support.yaml",
      bytes: Buffer.from(
        "apiVersion: crm-policy/v1\nkind: RecordCreationPolicy\nmetadata:\n  name: fuzz\ncrm:\n  system: kustomer\nrecords:\n  append: { toOpenRecord: true, closedWithinDays: 3 }\ntags: { sessionType: true, platform: true }\ntitle:\n  template: '{{CALL_TYPE}} {{CALL_ID}} {{MENU_PATH}} {{TIMESTAMP}}'\n  timeZone: Europe/Berlin\n",
      ),
    },
  ]).bundle?.text ?? "",
);

describe("fuzz", () => {
  it("event lines through simulate: no crash, every line accounted for", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: linesPerFile, ...fileSize }), async (lines) => {
        inputs.eventLines += lines.length;
        let stdout = "";
        let stderr = "";
        const input = Buffer.concat(lines.flatMap((l) => [l.bytes, Buffer.from("\n")]));
        const code = await main(["simulate", "--policy", bundlePath, "--name", "fuzz", "--events", "-"], {
          stdout: { write: (t: string) => (stdout += t) },
          stderr: { write: (t: string) => (stderr += t) },
          stdin: Readable.from([input]),
        });
        expect([0, 1]).toContain(code);
        const rejected = [...stderr.matchAll(/^line (\d+): rejected: /gm)].map((m) => Number(m[1]));
        expect(new Set(rejected).size).toBe(rejected.length);
        for (const [i, line] of lines.entries()) {
          if (line.mustReject) expect(rejected, `line ${i + 1} must be rejected`).toContain(i + 1);
          if (line.blank) expect(rejected).not.toContain(i + 1);
        }
        const summary = /sessions (\d+), created (\d+), appended (\d+), none (\d+), pending (\d+), rejected (\d+)/.exec(stderr);
        expect(summary).not.toBeNull();
        const [, , created, appended, none, , count] = summary!.map(Number);
        expect(count).toBe(rejected.length);
        expect(stdout.split("\n").filter((l) => l !== "")).toHaveLength(created! + appended! + none!);
        expect(stderr.split("\n").every((l) => !/[\u0000-\u001f\u202e\u2028]/.test(l))).toBe(true);
      }),
      { ...options(60, 2_800), timeout: 20_000 },
    );
  }, 3_600_000);

  it("record lines: every line is a record or a located problem, nothing throws", () => {
    const recordLine = fc.oneof(
      fc
        .record(
          {
            recordId: fc.oneof(fc.constantFrom("R1", "R2"), hostileText),
            queue: fc.constantFrom("Q1", ""),
            status: hostileText,
            endUser: fc.constantFrom("u1", null, 3),
            createdAt: hostileTime,
            closedAt: fc.oneof(hostileTime, fc.constant(null)),
          },
          { requiredKeys: [] },
        )
        .map((r) => JSON.stringify(r)),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.string({ maxLength: 20 }).map((s) => s.replace(/\n/g, " ")),
    );
    let file = 0;
    fc.assert(
      fc.property(fc.array(recordLine, { minLength: 1, maxLength: linesPerFile, ...fileSize }), (lines) => {
        inputs.recordLines += lines.length;
        const path = join(dir, `records-${file++ % 4}.jsonl`);
        writeFileSync(path, lines.join("\n") + "\n");
        const { records, problems } = loadRecords(path);
        const content = lines.filter((l) => l.trim() !== "").length;
        if (lines.join("\n").trimStart().startsWith("[")) return; // read as one JSON array: its own accounting
        expect(records.length + problems.length).toBe(content);
      }),
      options(300, 2_800),
    );
  }, 3_600_000);

  it("policies, generated then mutated: validated without throwing; what compiles runs", () => {
    const mutation = fc.record({
      at: fc.nat(),
      cut: fc.nat(20),
      insert: fc.oneof(hostileText, fc.constantFrom("!foo ", "9007199254740993", "{", "- ", ": ", '"', "'", "&a *a", "<<: *a", "\n  ", "{{", "}}")),
    });
    fc.assert(
      fc.property(policyArb, fc.array(mutation, { maxLength: 3 }), fc.boolean(), traceArb, (policy, mutations, asJson, trace) => {
        inputs.policies++;
        let text = asJson ? JSON.stringify(policy, null, 1) : JSON.stringify(policy);
        for (const m of mutations) {
          const at = m.at % (text.length + 1);
          text = text.slice(0, at) + m.insert + text.slice(at + m.cut);
        }
        const result = compileSources([{ file: "fuzz.yaml", bytes: Buffer.from(text) }]);
        if (result.bundle === undefined) return;
        const loaded = loadBundle(result.bundle.text);
        for (const name of loaded.names) {
          const decider = new Decider(loaded.policy(name), new MemoryRecordStore(structuredClone(trace.records)));
          for (const event of trace.events) decider.receive(structuredClone(event));
          decider.flush();
        }
      }),
      options(60, 1_500),
    );
  }, 3_600_000);

  it("the runtime agrees with the reference on hostile text in events", () => {
    const hostileTrace = fc
      .tuple(
        traceArb,
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("sessionId", "menuPath", "sessionType", "phoneNumber", "language", "queue"), hostileText), {
          minLength: 1,
          maxLength: 6,
        }),
      )
      .map(([trace, edits]) => {
        const events = trace.events.map((e) => ({ ...e }) as Record<string, unknown>);
        const starts = events.filter((e) => e["type"] === "started");
        for (const [index, field, text] of edits) {
          const start = starts[index % Math.max(1, starts.length)];
          if (start === undefined) continue;
          if (field === "sessionId") {
            // the whole session renamed, so its later events still find it
            const old = start["sessionId"];
            if (text !== "") for (const e of events) if (e["sessionId"] === old) e["sessionId"] = text;
          } else start[field] = text;
        }
        return { records: trace.records, events };
      });
    fc.assert(
      fc.property(policyArb, hostileTrace, (policy, trace) => {
        inputs.traces += trace.events.length;
        expect(runBundle(policy, trace.records, trace.events)).toEqual(runReference(policy, trace.records, trace.events));
      }),
      options(40, 600),
    );
  }, 3_600_000);

  // loadBundle checks a bundle's whole structure and what the schema cannot say, so a mutated
  // bundle with a recomputed digest is refused up front or runs without a crash.
  it("bundles, valid ones mutated with the digest recomputed: loaded or refused with a BundleError, never a crash later", () => {
    const base = JSON.parse(readBundle()) as Record<string, unknown>;
    const mutation = fc.record({
      path: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
      value: fc.oneof(fc.jsonValue(), hostileText, fc.constant(undefined)),
    });
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), traceArb, (mutations, trace) => {
        inputs.bundles++;
        const bundle = structuredClone(base);
        for (const m of mutations) mutate(bundle, m.path, m.value);
        bundle["digest"] = bundleDigest(bundle);
        let loaded;
        try {
          loaded = loadBundle(JSON.stringify(bundle));
        } catch (error) {
          expect(error).toBeInstanceOf(BundleError);
          return;
        }
        for (const name of loaded.names) {
          const decider = new Decider(loaded.policy(name), new MemoryRecordStore(structuredClone(trace.records)));
          for (const event of trace.events) decider.receive(structuredClone(event));
          decider.flush();
        }
      }),
      options(200, 3_000),
    );
  }, 3_600_000);
});

function readBundle(): string {
  return (
    compileSources([
      {
        file: "acme-support.yaml",
        bytes: Buffer.from(
          "apiVersion: crm-policy/v1\nkind: RecordCreationPolicy\nmetadata:\n  name: acme\ncrm:\n  system: zendesk\nrecords:\n  append: { toOpenRecord: true }\ntags: { sessionType: true }\ntitle: { template: '{{CALL_TYPE}} {{CALL_ID}}', timeZone: Europe/Berlin }\noverrides:\n  - when: 'queue == \"Q1\"'\n    records: { chats: { minConsumerMessages: 3 } }\n",
        ),
      },
    ]).bundle?.text ?? ""
  );
}

/** Sets (or, with undefined, deletes) the member reached by walking `path` as indexes into keys and items. */
function mutate(value: unknown, path: readonly number[], replacement: unknown): void {
  let node = value;
  for (const [depth, step] of path.entries()) {
    if (typeof node !== "object" || node === null) return;
    const keys = Object.keys(node);
    if (keys.length === 0) return;
    const key = keys[step % keys.length]!;
    if (depth === path.length - 1 || typeof (node as Record<string, unknown>)[key] !== "object") {
      if (key === "format" || key === "digest") return;
      if (replacement === undefined) delete (node as Record<string, unknown>)[key];
      else (node as Record<string, unknown>)[key] = replacement;
      return;
    }
    node = (node as Record<string, unknown>)[key];
  }
}
