#!/usr/bin/env node
// The installed command. The TypeScript sources are built into dist/ by `npm run build`
// (run by `npm ci` through the prepare script).
import { main } from "../dist/cli/main.js";

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
