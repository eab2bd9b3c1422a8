// `crm-policy validate`, run in-process through main(argv, io): exit statuses, and the three
// output formats against the pipeline's own diagnostics.
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { main } from "../../cli/main.js";
import { readSources } from "../../cli/source-files.js";
import type { Diagnostic } from "../../compiler/diagnostics/diagnostic.js";
import { validateSources } from "../../compiler/pipeline.js";
import { brief, captureIo, invalidFolder, manifestName, policiesFolder, validFolder } from "./support.js";

async function run(...argv: string[]) {
  const io = captureIo();
  const status = await main(["validate", ...argv], io);
  return { status, stdout: io.out(), stderr: io.err() };
}

/** What the pipeline says about the files the CLI reads for these paths. */
function pipeline(...paths: string[]): Diagnostic[] {
  return validateSources(readSources(paths)).diagnostics;
}

describe("exit status", () => {
  it("is 0 for the shipped policies", async () => {
    const { status, stdout, stderr } = await run(policiesFolder);
    expect(status).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toBe("0 errors, 0 warnings in 4 files\n");
  });

  it("is 0 for the valid fixtures, which have warnings only", async () => {
    expect((await run(validFolder)).status).toBe(0);
  });

  it("is 1 for the invalid fixtures", async () => {
    expect((await run(invalidFolder)).status).toBe(1);
  });

  it("is 1 when one of several paths has an error", async () => {
    expect((await run(policiesFolder, join(invalidFolder, "schema-wrong-kind.yaml"))).status).toBe(1);
  });

  it("is 2 for an unknown --format", async () => {
    const { status, stdout, stderr } = await run(policiesFolder, "--format", "xml");
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("unknown --format `xml`: use human, json or github");
    expect(stderr).toContain("usage: crm-policy validate");
  });

  it("is 2 for an unknown option", async () => {
    const { status, stderr } = await run(policiesFolder, "--strict");
    expect(status).toBe(2);
    expect(stderr).toContain("--strict");
    expect(stderr).toContain("usage: crm-policy validate");
  });

  it("is 2 for a path that does not exist", async () => {
    const missing = join(invalidFolder, "no-such-file.yaml");
    const { status, stdout, stderr } = await run(missing);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(`no such file or folder: ${missing}`);
  });
});

describe("--format json", () => {
  it("prints exactly the pipeline's diagnostics", async () => {
    const { status, stdout } = await run(invalidFolder, "--format", "json");
    expect(status).toBe(1);
    const printed = JSON.parse(stdout) as Diagnostic[];
    expect(printed).toEqual(pipeline(invalidFolder));
  });

  it("agrees with the fixtures' manifest", async () => {
    const manifest = parse(readFileSync(join(invalidFolder, manifestName), "utf8")) as Record<string, string[] | null>;
    const printed = JSON.parse((await run(invalidFolder, "--format", "json")).stdout) as Diagnostic[];
    const byFile = new Map<string, string[]>();
    for (const d of printed) byFile.set(basename(d.file), [...(byFile.get(basename(d.file)) ?? []), brief(d)]);
    for (const [file, list] of Object.entries(manifest)) expect([...(byFile.get(file) ?? [])].sort()).toEqual([...(list ?? [])].sort());
  });

  it("prints an empty list for valid policies", async () => {
    const { status, stdout } = await run(policiesFolder, "--format", "json");
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });
});

describe("--format github", () => {
  const annotation = /^::(error|warning) file=[^,:]+,line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([a-z0-9-]+)::(.+)$/;

  it("prints one workflow command per diagnostic", async () => {
    const { status, stdout } = await run(invalidFolder, "--format", "github");
    expect(status).toBe(1);
    const lines = stdout.split("\n");
    expect(lines.pop()).toBe("");
    const diagnostics = pipeline(invalidFolder);
    expect(lines).toHaveLength(diagnostics.length);
    lines.forEach((line, i) => {
      const d = diagnostics[i]!;
      const match = annotation.exec(line);
      expect(match, line).not.toBeNull();
      expect(match?.slice(1, 7)).toEqual([d.severity, String(d.line), String(d.column), String(d.endLine), String(d.endColumn), d.code]);
    });
  });

  it("escapes the message and puts help on its own line", async () => {
    const file = join(invalidFolder, "schema-unknown-property-did-you-mean.yaml");
    const { stdout } = await run(file, "--format", "github");
    const [d] = pipeline(file);
    expect(stdout).toBe(
      `::error file=${d!.file},line=9,col=5,endLine=9,endColumn=23,title=unknown-property::unknown property \`delayUntilConected\`%0Ahelp: did you mean \`delayUntilConnected\`?\n`,
    );
  });
});

describe("--format human (the default)", () => {
  it("starts each diagnostic with file:line:col: severity[code]: message", async () => {
    const { status, stdout, stderr } = await run(invalidFolder);
    expect(status).toBe(1);
    const diagnostics = pipeline(invalidFolder);
    const headers = stdout.split("\n").filter((line) => !/^(\s*\d*\s\|| {2}= help: |$)/.test(line));
    expect(headers).toEqual(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}: ${d.severity}[${d.code}]: ${d.message}`));
    for (const header of headers) expect(header).toMatch(/^[^:]+:\d+:\d+: (error|warning)\[[a-z0-9-]+\]: \S/);
    const errors = diagnostics.filter((d) => d.severity === "error").length;
    expect(stderr).toBe(`${errors} errors, ${diagnostics.length - errors} warnings in ${readSources([invalidFolder]).length} files\n`);
  });

  it("underlines the offending text and prints the help", async () => {
    const file = join(invalidFolder, "template-double-quoted-escapes.yaml");
    const { stdout } = await run(file);
    const [d] = pipeline(file);
    expect(stdout).toBe(
      [
        `${d!.file}:8:59: error[template-unknown-variable]: unknown title variable \`CALLTYPE\``,
        "  |",
        '8 |   template: "Caf\\u00e9 \\"VIP\\" \\x41\\U0001F600 {{CALL_ID}} {{CALLTYPE}}"',
        `  | ${" ".repeat(58)}${"^".repeat(12)}`,
        "  = help: did you mean `CALL_TYPE`?",
        "",
      ].join("\n"),
    );
  });

  it("keeps carriage returns of CRLF files out of the excerpt", async () => {
    const { stdout } = await run(join(invalidFolder, "template-crlf.yaml"));
    expect(stdout).not.toContain("\r");
    expect(stdout).toContain("10 |     {{CALL_ID}} {{MENU}}\n");
  });
});
