import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

/** A `crm-policy serve` child process on a loopback port of its own choosing. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Every JSON log line it wrote so far. */
  logs: Record<string, unknown>[];
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string>;
}

/**
 * Starts `crm-policy serve ARGS --listen 127.0.0.1:0` and waits for its "listening" log line.
 * `command` is what node runs before `serve`: the installed command unless a test says otherwise.
 */
export function startServerProcess(args: string[], timeoutMs = 60_000, command = ["bin/crm-policy.js"]): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...command, "serve", ...args, "--listen", "127.0.0.1:0"], { stdio: ["ignore", "pipe", "pipe"] });
  const logs: Record<string, unknown>[] = [];
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${stderr}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}) before listening:\n${stderr}`));
    });
    createInterface({ input: child.stdout! }).on("line", (line) => {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        entry = { unparsed: line };
      }
      logs.push(entry);
      if (entry["msg"] === "listening") {
        clearTimeout(timer);
        resolve({ url: String(entry["url"]), child, logs, exited });
      }
    });
  });
}
