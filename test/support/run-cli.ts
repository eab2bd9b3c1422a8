import { Readable } from "node:stream";
import { main } from "../../cli/main.js";

/** Runs `crm-policy ARGS` in-process, capturing its output. */
export async function runCli(args: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([stdin]),
  });
  return { code, stdout, stderr };
}
