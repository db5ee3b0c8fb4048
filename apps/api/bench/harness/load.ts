/**
 * Load generation for every benchmark: autocannon runs in a child process so the server under test does
 * not share its event loop (or its CPU time accounting) with the client. Results come back as JSON.
 */
import { fork } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

export interface LoadRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  /** Origin of the server, e.g. http://127.0.0.1:3000 */
  origin: string;
  connections: number;
  /** Seconds to run; ignored when `amount` is set. */
  durationSeconds?: number;
  /** Stop after this many requests in all. */
  amount?: number;
  /** A request without an answer after this long counts as an error (autocannon's default: 10). */
  timeoutSeconds?: number;
  /** One request, or several that are sent in turn (distinct searches, distinct participants). */
  requests: LoadRequest[];
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

const WORKER = fileURLToPath(new URL("./load-worker.ts", import.meta.url));

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: LoadResult | null = null;
    child.on("message", (message) => {
      result = message as LoadResult;
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (result) resolve(result);
      else reject(new Error(`load generator exited with ${code} and no result`));
    });
    child.send(options);
  });
}

/** The machine, for the line every benchmark prints above its figures. */
export function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
}

export interface ComparedRow {
  name: string;
  value: number;
  floor: number;
  unit: string;
  /** Whether a larger value is the better one (req/s) or not (latency); the ratio is always value / floor. */
  higherIsBetter: boolean;
}

export function printComparison(title: string, notes: string[], rows: ComparedRow[]): void {
  const header = `${"figure".padEnd(40)} ${"value".padStart(10)} ${"floor".padStart(10)} ${"ratio".padStart(7)}`;
  const lines = rows.map(
    (r) =>
      `${`${r.name} (${r.unit})`.padEnd(40)} ${fmt(r.value).padStart(10)} ${fmt(r.floor).padStart(10)} ${(r.value / r.floor).toFixed(2).padStart(6)}×  ${r.higherIsBetter ? "higher is better" : "lower is better"}`,
  );
  process.stdout.write(
    ["", title, ...notes.map((n) => `  ${n}`), `  machine: ${machine()}`, "", header, ...lines, ""].join(
      "\n",
    ),
  );
}

function fmt(value: number): string {
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
