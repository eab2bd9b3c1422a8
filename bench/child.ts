import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";

/** The project root: dist/bench/ is two levels below it. */
export const projectRoot = fileURLToPath(new URL("../../", import.meta.url));

const gnuTime = "/usr/bin/time";

/** One run of a Node script as its own process: wall time, peak RSS, exit code and stderr. */
export interface ChildRun {
  ms: number;
  maxRssKb: number;
  code: number | null;
  stderr: string;
}

/** How peak RSS is taken: GNU time's `-v` when present, else a wrapper reading resourceUsage(). */
export const rssMethod = existsSync(gnuTime) ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS";

/** Runs `node script args` from the project root, stdout to /dev/null, and times it. */
export function runNode(script: string, args: readonly string[]): Promise<ChildRun> {
  const command = existsSync(gnuTime) ? gnuTime : process.execPath;
  const argv = existsSync(gnuTime) ? ["-v", process.execPath, script, ...args] : ["dist/bench/max-rss.js", script, ...args];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(command, argv, { cwd: projectRoot, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - start;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      resolve({ ms, maxRssKb: rss === null ? NaN : Number(rss[1]), code, stderr });
    });
  });
}
