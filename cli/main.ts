import { FileError, UsageError, type Io } from "./io.js";

type Command = (args: string[], io: Io) => number | Promise<number>;
type Loaded = { run: Command; usage: string };

/**
 * Each command is loaded only when it runs: `simulate` on a bundle then never loads the
 * compiler (ajv, yaml, nearley, handlebars), which is most of the start-up time.
 */
const commands: Record<string, () => Promise<Loaded>> = {
  validate: async () => {
    const m = await import("./commands/validate.js");
    return { run: m.validateCommand, usage: m.validateUsage };
  },
  compile: async () => {
    const m = await import("./commands/compile.js");
    return { run: m.compileCommand, usage: m.compileUsage };
  },
  simulate: async () => {
    const m = await import("./commands/simulate.js");
    return { run: m.simulateCommand, usage: m.simulateUsage };
  },
  test: async () => {
    const m = await import("./commands/test.js");
    return { run: m.testCommand, usage: m.testUsage };
  },
  diff: async () => {
    const m = await import("./commands/diff.js");
    return { run: m.diffCommand, usage: m.diffUsage };
  },
  verify: async () => {
    const m = await import("./commands/verify.js");
    return { run: m.verifyCommand, usage: m.verifyUsage };
  },
  keys: async () => {
    const m = await import("./commands/keys.js");
    return { run: m.keysCommand, usage: m.keysUsage };
  },
};

async function usage(): Promise<string> {
  const loaded = await Promise.all(Object.values(commands).map((load) => load()));
  return ["usage:", ...loaded.map((c) => `  ${c.usage}`)].join("\n") + "\n";
}

/** The `crm-policy` command: returns the exit status; never lets an exception reach the user. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(await usage());
    return name === undefined ? 2 : 0;
  }
  const load = commands[name];
  if (load === undefined) {
    io.stderr.write(`crm-policy: unknown command \`${name}\`\n${await usage()}`);
    return 2;
  }
  const command = await load();
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isArgsError(error)) {
      io.stderr.write(`crm-policy ${name}: ${(error as Error).message}\nusage: ${command.usage}\n`);
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
