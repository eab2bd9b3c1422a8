import { parseArgs } from "node:util";
import { closest } from "../compiler/diagnostics/suggest.js";
import { UsageError } from "./io.js";

/**
 * One option of a command, declared once: `parseArgs` reads `type`, `short`, `multiple` and
 * `default`; the help and the usage line read the rest.
 */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  readonly multiple?: boolean;
  readonly default?: string | boolean;
  /** The value's name in the usage line, e.g. `FILE` (string options; `choices` give their own). */
  readonly value?: string;
  /** The only values allowed; checked when parsing, with "did you mean" for a near miss. */
  readonly choices?: readonly string[];
  readonly required?: boolean;
  readonly description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec<O extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** One line for `crm-policy --help`. */
  readonly summary: string;
  /** More about what the command does, for `crm-policy NAME --help`. */
  readonly description?: string;
  /** Positional arguments: `name` as in the usage line (e.g. `[PATH...]`), or none allowed. */
  readonly positionals?: { readonly name: string; readonly description: string };
  readonly options: O;
  readonly examples: readonly string[];
}

/** Keeps the option literals' types, so that parsed values are typed from the declaration. */
export function defineCommand<const O extends OptionSpecs>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

const helpOption: OptionSpec = { type: "boolean", short: "h", description: "show this help" };

/** `--name VALUE`, as in usage lines and help. */
function optionForm(name: string, option: OptionSpec): string {
  if (option.type === "boolean") return `--${name}`;
  return `--${name} ${option.choices?.join("|") ?? option.value ?? "VALUE"}`;
}

export function usageLine(spec: CommandSpec): string {
  const parts = [`crm-policy ${spec.name}`];
  if (spec.positionals !== undefined) parts.push(spec.positionals.name);
  for (const [name, option] of Object.entries(spec.options)) {
    parts.push(option.required === true ? optionForm(name, option) : `[${optionForm(name, option)}]`);
  }
  return parts.join(" ");
}

function defaultText(option: OptionSpec): string {
  if (option.required === true) return "required";
  if (option.default !== undefined) return `default: ${String(option.default)}`;
  return option.type === "boolean" ? "default: off" : "default: none";
}

/** The text of `crm-policy NAME --help`. */
export function helpText(spec: CommandSpec): string {
  const rows: [string, string][] = Object.entries(spec.options).map(([name, option]) => [
    (option.short !== undefined ? `-${option.short}, ` : "") + optionForm(name, option),
    `${option.description} (${defaultText(option)})`,
  ]);
  rows.push(["-h, --help", helpOption.description]);
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  const lines = [`usage: ${usageLine(spec)}`, "", spec.summary];
  if (spec.description !== undefined) lines.push("", spec.description);
  if (spec.positionals !== undefined) lines.push("", "arguments:", `  ${spec.positionals.name.padEnd(width)}${spec.positionals.description}`);
  lines.push("", "options:", ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`));
  lines.push("", spec.examples.length === 1 ? "example:" : "examples:", ...spec.examples.map((e) => `  ${e}`));
  return lines.join("\n") + "\n";
}

/** The options the user typed, by the name they typed (`--formt`, `-x`), before the `--` terminator. */
function typedOptions(spec: CommandSpec, args: string[]): { name: string; raw: string }[] {
  const { tokens } = parseArgs({ args, options: parseOptions(spec), strict: false, allowPositionals: true, tokens: true });
  return tokens.flatMap((t) => (t.kind === "option" ? [{ name: t.name, raw: t.rawName }] : []));
}

function parseOptions(spec: CommandSpec): Record<string, OptionSpec> {
  return { ...spec.options, help: helpOption };
}

/** `true` when the arguments ask for the command's help (`--help` or `-h`). */
export function wantsHelp(spec: CommandSpec, args: string[]): boolean {
  return typedOptions(spec, args).some((o) => o.name === "help");
}

function suggestion(input: string, candidates: Iterable<string>): string {
  const match = closest(input, candidates);
  return match === undefined ? "" : `: did you mean \`${match}\`?`;
}

type StringValue<O extends OptionSpec> = O extends { choices: readonly (infer C extends string)[] } ? C : string;

type Values<O extends OptionSpecs> = {
  -readonly [K in keyof O]: O[K] extends { type: "boolean" }
    ? O[K] extends { multiple: true }
      ? boolean[]
      : boolean
    : O[K] extends { multiple: true }
      ? string[]
      : O[K] extends { default: string } | { required: true }
        ? StringValue<O[K]>
        : StringValue<O[K]> | undefined;
};

/**
 * Parses a command's arguments from its declaration: an unknown option, a missing required one
 * or a value outside `choices` is a UsageError, with "did you mean" for a near miss.
 */
export function parseCommand<O extends OptionSpecs>(spec: CommandSpec<O>, args: string[]): { values: Values<O>; positionals: string[] } {
  const known = Object.keys(parseOptions(spec));
  for (const option of typedOptions(spec, args)) {
    if (known.includes(option.name)) continue;
    const candidates = option.raw.startsWith("--") ? known.map((k) => `--${k}`) : [];
    throw new UsageError(`unknown option \`${option.raw}\`${suggestion(option.raw, candidates)}`);
  }
  const { values, positionals } = parseArgs({ args, options: parseOptions(spec), strict: true, allowPositionals: spec.positionals !== undefined });
  for (const [name, option] of Object.entries(spec.options)) {
    const value = values[name];
    if (option.required === true && value === undefined) throw new UsageError(`${optionForm(name, option)} is required`);
    if (option.choices === undefined || typeof value !== "string") continue;
    if (!option.choices.includes(value)) {
      const hint = suggestion(value, option.choices);
      throw new UsageError(`unknown --${name} \`${value}\`${hint === "" ? `: use ${listOf(option.choices)}` : hint}`);
    }
  }
  delete values.help;
  return { values: values as Values<O>, positionals };
}

/** `a, b or c`. */
function listOf(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} or ${items.at(-1)}`;
}
