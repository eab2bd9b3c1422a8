import { compileCommand, compileUsage } from "./commands/compile.js";
import { simulateCommand, simulateUsage } from "./commands/simulate.js";
import { validateCommand, validateUsage } from "./commands/validate.js";
import { UsageError, type Io } from "./io.js";

type Command = (args: string[], io: Io) => number | Promise<number>;

const commands: Record<string, { run: Command; usage: string }> = {
  validate: { run: validateCommand, usage: validateUsage },
  compile: { run: compileCommand, usage: compileUsage },
  simulate: { run: simulateCommand, usage: simulateUsage },
};

function usage(): string {
  return ["usage:", ...Object.values(commands).map((c) => `  ${c.usage}`)].join("\n") + "\n";
}

/** The `crm-policy` command: returns the exit status; never lets an exception reach the user. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") {
    io.stdout.write(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands[name];
  if (command === undefined) {
    io.stderr.write(`crm-policy: unknown command \`${name}\`\n${usage()}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError || isArgsError(error)) {
      io.stderr.write(`crm-policy ${name}: ${(error as Error).message}\nusage: ${command.usage}\n`);
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
