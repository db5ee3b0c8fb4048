/** Child process of `runLoad`: receives the options, runs autocannon, sends the summary back, exits. */
import autocannon from "autocannon";
import type { LoadOptions, LoadResult } from "./load.js";

process.once("message", async (raw) => {
  const options = raw as LoadOptions;
  let next = 0;
  const pick = () => {
    const request = options.requests[next % options.requests.length];
    next += 1;
    if (!request) throw new Error("runLoad needs at least one request");
    return request;
  };
  const first = options.requests[0];
  if (!first) throw new Error("runLoad needs at least one request");
  const started = performance.now();
  const result = await autocannon({
    url: options.origin,
    connections: options.connections,
    ...(options.amount ? { amount: options.amount } : { duration: options.durationSeconds ?? 10 }),
    ...(options.timeoutSeconds ? { timeout: options.timeoutSeconds } : {}),
    requests: [
      {
        setupRequest: (request) => {
          const chosen = options.requests.length === 1 ? first : pick();
          return {
            ...request,
            method: (chosen.method ?? "GET") as autocannon.Request["method"],
            path: chosen.path,
            headers: { ...(chosen.body ? { "content-type": "application/json" } : {}), ...chosen.headers },
            body: chosen.body,
          };
        },
      },
    ],
  });
  const durationSeconds = (performance.now() - started) / 1000;
  const statusCodes: Record<string, number> = {};
  for (const [code, count] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = count.count ?? 0;
  const summary: LoadResult = {
    requests: result.requests.total,
    durationSeconds,
    rps: result.requests.total / durationSeconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    statusCodes,
  };
  process.send?.(summary, () => process.exit(0));
});
