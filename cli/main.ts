import { closest } from "../compiler/diagnostics/suggest.js";
import { bundleFormat } from "@crm-policy/runtime";
import { helpText, usageLine, wantsHelp, type CommandSpec } from "./command-spec.js";
import { FileError, UsageError, type Io } from "./io.js";
import { packageVersion } from "./version.js";

type Command = (args: string[], io: Io) => number | Promise<number>;
type Loaded = { run: Command; spec: CommandSpec };

/**
 * Each command is loaded only when it runs: `simulate` on a bundle then never loads the
 * compiler (ajv, yaml, nearley, handlebars), which is most of the start-up time. A command's
 * module declares its options once (cli/command-spec.ts): parsing, usage and help come from it.
 */
export const commands: Record<string, () => Promise<Loaded>> = {
  validate: async () => {
    const m = await import("./commands/validate.js");
    return { run: m.validateCommand, spec: m.validateSpec };
  },
  compile: async () => {
    const m = await import("./commands/compile.js");
    return { run: m.compileCommand, spec: m.compileSpec };
  },
  simulate: async () => {
    const m = await import("./commands/simulate.js");
    return { run: m.simulateCommand, spec: m.simulateSpec };
  },
  test: async () => {
    const m = await import("./commands/test.js");
    return { run: m.testCommand, spec: m.testSpec };
  },
  diff: async () => {
    const m = await import("./commands/diff.js");
    return { run: m.diffCommand, spec: m.diffSpec };
  },
  verify: async () => {
    const m = await import("./commands/verify.js");
    return { run: m.verifyCommand, spec: m.verifySpec };
  },
  keys: async () => {
    const m = await import("./commands/keys.js");
    return { run: m.keysCommand, spec: m.keysSpec };
  },
  serve: async () => {
    const m = await import("./commands/serve.js");
    return { run: m.serveCommand, spec: m.serveSpec };
  },
};

/** The text of `crm-policy --help`: one line per command. */
async function overview(): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  const width = Math.max(...loaded.map((c) => c.spec.name.length)) + 2;
  return (
    [
      "usage: crm-policy COMMAND [OPTIONS]",
      "",
      "Policy-as-code for how a contact center creates and updates CRM records.",
      "",
      "commands:",
      ...loaded.map((c) => `  ${c.spec.name.padEnd(width)}${c.spec.summary}`),
      "",
      "options:",
      "  -h, --help     show this help; `crm-policy COMMAND --help` for one command",
      "  -v, --version  show the package version and the bundle format",
    ].join("\n") + "\n"
  );
}

/** The `crm-policy` command: returns the exit status; never lets an exception reach the user. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    const topic = name === "help" ? args[0] : undefined;
    if (topic !== undefined && commands[topic] !== undefined) return main([topic, "--help"], io);
    (name === undefined ? io.stderr : io.stdout).write(await overview());
    return name === undefined ? 2 : 0;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`crm-policy ${packageVersion()} (bundle format ${bundleFormat})\n`);
    return 0;
  }
  const load = commands[name];
  if (load === undefined) {
    const match = closest(name, Object.keys(commands));
    const hint = match === undefined ? "" : `: did you mean \`${match}\`?`;
    io.stderr.write(`crm-policy: unknown command \`${name}\`${hint}\nrun \`crm-policy --help\` for the list of commands\n`);
    return 2;
  }
  const command = await load();
  try {
    if (wantsHelp(command.spec, args)) {
      io.stdout.write(helpText(command.spec));
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isArgsError(error)) {
      io.stderr.write(`crm-policy ${name}: ${(error as Error).message}\nusage: ${usageLine(command.spec)}\n`);
      return 2;
    }
    if (error instanceof FileError) {
      io.stderr.write(`crm-policy ${name}: ${error.message}\n`);
      return 2;
    }
    io.stderr.write(`crm-policy ${name}: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 3;
  }
}

function isArgsError(error: unknown): boolean {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}
