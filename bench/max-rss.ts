// Runs a Node script (argv[2], with the rest as its arguments) in this process and reports the
// process's peak resident set size on stderr when it exits: the fallback when /usr/bin/time is missing.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [node, , script, ...args] = process.argv;
if (script === undefined || node === undefined) throw new Error("usage: node dist/bench/max-rss.js SCRIPT [ARGS...]");
process.argv = [node, resolve(script), ...args];
process.on("exit", () => process.stderr.write(`Maximum resident set size (kbytes): ${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);
