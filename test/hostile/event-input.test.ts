// Finding 7: event input. Invalid UTF-8 session ids were mended into one session, lines of
// NBSP, U+2028 or VT were skipped without a word, and TIMESTAMP wrote offsets like
// `+16663824:53` for years below 100 in a named zone and malformed UTC at years 0000 and 9999.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventProblem } from "../../runtime/index.js";
import { isTime } from "../../runtime/events/time.js";
import { timestampFormat } from "../../runtime/title/timestamp.js";
import { runCli } from "../support/run-cli.js";

const at = "2026-11-20T10:00:00Z";
const started = (id: string) => `{"type":"started","sessionId":"${id}","at":"${at}","channel":"voice","sessionType":"Voice Inbound (IVR)","queue":"Q"}`;

async function simulate(bytes: Buffer): Promise<{ code: number; stdout: string; stderr: string }> {
  // the bytes as they come on stdin: runCli's string stdin cannot carry invalid UTF-8
  const { Readable } = await import("node:stream");
  const { main } = await import("../../cli/main.js");
  let stdout = "";
  let stderr = "";
  const code = await main(["simulate", "--policy", "policies/acme-support.yaml", "--events", "-"], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin: Readable.from([bytes]),
  });
  return { code, stdout, stderr };
}

describe("event lines", () => {
  it("invalid UTF-8 is a rejection with its line number, not a session merged with another", async () => {
    const bytes = Buffer.concat([Buffer.from(started("id") + "\n"), Buffer.from(started("idX") + "\n"), Buffer.from(started("idY") + "\n")]);
    // turn the X and Y into 0xff and 0xfe: two different invalid ids
    bytes[bytes.indexOf("idX") + 2] = 0xff;
    bytes[bytes.indexOf("idY") + 2] = 0xfe;
    const { code, stderr } = await simulate(bytes);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^line 2: rejected: not UTF-8/m);
    expect(stderr).toMatch(/^line 3: rejected: not UTF-8/m);
    expect(stderr).toMatch(/sessions 1,.* rejected 2/);
  });

  it("every line that is not blank and not a JSON object is rejected, by number", async () => {
    const lines = [started("a"), "\u00a0", "\u2028", "\u000b", "[]", "null", "7", '"x"', "", " \t\r", started("b")];
    const { code, stderr } = await runCli(["simulate", "--policy", "policies/acme-support.yaml", "--events", "-"], lines.join("\n") + "\n");
    expect(code).toBe(1);
    const rejected = [...stderr.matchAll(/^line (\d+): rejected/gm)].map((m) => Number(m[1]));
    expect(rejected).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });
});

describe("times", () => {
  it("are accepted from 0001-01-02T00:00:00Z to 9999-12-30T23:59:59Z, and not outside", () => {
    for (const ok of ["0001-01-02T00:00:00Z", "0001-01-01T23:00:00-01:00", "9999-12-30T23:59:59Z", "9999-12-31T00:59:59+01:00", "9999-12-30T23:59:60Z"])
      expect(isTime(ok), ok).toBe(true);
    for (const no of ["0000-06-01T00:00:00Z", "0001-01-01T23:59:59Z", "0001-01-02T00:30:00+01:00", "9999-12-31T00:00:00Z", "9999-12-30T20:00:00-05:00"])
      expect(isTime(no), no).toBe(false);
    expect(eventProblem({ type: "ended", sessionId: "s", at: "0000-01-01T00:00:00Z" })).toMatch(/from 0001-01-02T00:00:00Z to 9999-12-30T23:59:59Z/);
  });

  const zones = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kolkata",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Africa/Monrovia",
    "Australia/Lord_Howe",
  ];
  const shape = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:[0-5]\d)$/;

  it("TIMESTAMP names the session's start to the second over the whole range, in every zone", () => {
    const from = Date.parse("0001-01-02T00:00:00Z");
    const to = Date.parse("9999-12-30T23:59:59Z");
    const offsetText = (minutes: number) =>
      `${minutes < 0 ? "-" : "+"}${String(Math.floor(Math.abs(minutes) / 60)).padStart(2, "0")}:${String(Math.abs(minutes) % 60).padStart(2, "0")}`;
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.constantFrom(...zones), fc.integer({ min: -12 * 60, max: 14 * 60 }), (ms, zone, offset) => {
        // the start as written with some offset, in range
        const local = new Date(ms + offset * 60_000).toISOString().slice(0, 23);
        const start = local + offsetText(offset);
        if (!isTime(start)) return true;
        const text = timestampFormat(zone)(start);
        expect(text).toMatch(shape);
        expect(Date.parse(text)).toBe(Math.floor(ms / 1000) * 1000);
        return true;
      }),
      { numRuns: 3000 },
    );
    expect(timestampFormat("Europe/Berlin")("0050-06-01T12:00:00+01:00")).toBe("0050-06-01T11:53:00+00:53");
  });
});
