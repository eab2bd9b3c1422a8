// Every place that dispatches on an event type, a title variable, a condition attribute or a tag
// style is exhaustive: removing one case must fail the build. Each patch below removes one case
// and type-checks the patched file against the unchanged rest of the project (TypeScript's API,
// one program reused, so only the patched file is checked again).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../compiler/project-files.js";

interface Removal {
  file: string;
  /** What dispatches, on what. */
  site: string;
  /** Text deleted from the file: one case or one table entry. */
  remove: string;
}

const removals: Removal[] = [
  {
    file: "runtime/decide/decider.ts",
    site: "Decider.receive on the event type",
    remove: 'case "message":\n        return this.message(session, event.from, event.at, t, event.eventId !== undefined);\n',
  },
  { file: "runtime/decide/end-rule.ts", site: "abandoned chats setting", remove: 'case "all":\n      return "record";\n' },
  {
    file: "runtime/events/check-event.ts",
    site: "event field kinds",
    remove: '    case "oneOf":\n',
  },
  {
    file: "runtime/title/render-title.ts",
    site: "title variable getters",
    remove: '  LANGUAGE: () => (input) => (input.language === undefined ? "" : plainLine(input.language)),\n',
  },
  {
    file: "runtime/tags/tag-forms.ts",
    site: "tag styles",
    remove: '    case "verbatim": // unchanged\n      tag = plainLine(name);\n      break;\n',
  },
  { file: "runtime/conditions/evaluate.ts", site: "outcome attributes", remove: '      case "appendedTo":\n' },
  {
    file: "reference/interpreter.ts",
    site: "reference: the events that make a record due",
    remove:
      '    if (event.type === "started") {\n      if (!sameAttributes(session.start, event)) return { rejected: "second started with different attributes" };\n      this.rememberId(session, event);\n      return {};\n    }\n',
  },
  { file: "reference/tags.ts", site: "reference tag styles", remove: "  verbatim: (sessionType) => clean(sessionType),\n" },
  { file: "reference/titles.ts", site: "reference title variables", remove: '    LANGUAGE: clean(start.language ?? ""),\n' },
  { file: "reference/conditions.ts", site: "reference condition attributes", remove: "  anonymous: (session) => session.endUser === undefined,\n" },
  { file: "compiler/conditions/attributes.ts", site: "outcome attribute types", remove: '  appendedTo: "string",\n' },
  {
    file: "verify/observe.ts",
    site: "trace observer on the event type",
    remove: 'case "assigned":\n        facts.assigned = true;\n        session.index.assigned ??= index;\n        return;\n',
  },
];

const config = ts.getParsedCommandLineOfConfigFile(join(projectRoot, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
if (config === undefined) throw new Error("tsconfig.json not readable");
const options = { ...config.options, noEmit: true };
const base = ts.createProgram(config.fileNames, options);

/** Type errors of one file, with its text replaced; the rest of the program is reused. */
function errorsWith(file: string, text: string): string[] {
  const path = join(projectRoot, file);
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, language, onError) =>
    name === path ? ts.createSourceFile(name, text, language) : (base.getSourceFile(name) ?? getSourceFile(name, language, onError));
  const program = ts.createProgram(config!.fileNames, options, host, base);
  const source = program.getSourceFile(path);
  if (source === undefined) throw new Error(`${file} is not in the program`);
  return program.getSemanticDiagnostics(source).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe("removing a case fails the build", () => {
  it.each(removals)("$site ($file)", ({ file, remove }) => {
    const text = readFileSync(join(projectRoot, file), "utf8");
    expect(text, "the case to remove is in the file (update this list with the code)").toContain(remove);
    expect(errorsWith(file, text)).toEqual([]);
    expect(errorsWith(file, text.replace(remove, "")).length).toBeGreaterThan(0);
  });
});
