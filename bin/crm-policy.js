#!/usr/bin/env node
// The installed command. The TypeScript sources are built into dist/ by `npm run build`
// (run by `npm ci` through the prepare script).
import { main } from "../dist/cli/main.js";

// A reader that goes away (`crm-policy simulate … | head -1`) ends the command quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
