/** The server process as an operator starts it (`tsx src/server.ts`), for tests that need the real thing. */
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export const apiRoot = new URL("..", import.meta.url).pathname;
export const tsx = join(apiRoot, "node_modules", ".bin", "tsx");

export interface ServerProcess {
  child: ChildProcess;
  /** `http://<address>:<port>` from the start-up banner. */
  base: string;
  /** Everything the process printed so far. */
  output: () => string;
}

/** Starts the server with `env` and resolves once it listens; rejects if it exits or takes over `timeoutMs`. */
export function startServer(env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(tsx, ["src/server.ts"], { cwd: apiRoot, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, base: match[1], output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}
