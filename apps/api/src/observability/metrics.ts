import { subscribe, unsubscribe } from "node:diagnostics_channel";
import type { DatabaseActivity } from "@nns/db";
import { EVENT_CHANNELS, type JobQueue } from "@nns/services";
import { Hono, type MiddlewareHandler } from "hono";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { routeLabel } from "./route-label.js";

/** A scrape within this long of the last reuses its queue counts: one grouped count, not one per scrape. */
const QUEUE_DEPTH_CACHE_MS = 5_000;

export interface MetricsOptions {
  /** How long the queue counts are reused; tests read them fresh. */
  queueDepthCacheMs?: number;
}

export interface Metrics {
  registry: Registry;
  /** Counts and times every request by method, route pattern and status; first in the chain. */
  middleware: MiddlewareHandler;
  /** Stops listening to the services' events (tests open several apps in one process). */
  close: () => void;
}

export interface MetricsSources {
  db: { activity: DatabaseActivity };
  jobs: Pick<JobQueue, "depth">;
}

/**
 * The Prometheus metrics of one process (docs/observability.md): HTTP traffic by route, the request
 * pool, the job queue, email delivery, and prom-client's process metrics. Its own registry, not the
 * library's global one, so that nothing registers into it by accident.
 */
export function createMetrics(sources: MetricsSources, options: MetricsOptions = {}): Metrics {
  const queueDepthCacheMs = options.queueDepthCacheMs ?? QUEUE_DEPTH_CACHE_MS;
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status.",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from a request's arrival to its response, by method and route pattern.",
    labelNames: ["method", "route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const { activity } = sources.db;
  if (activity.poolMax !== null) {
    new Gauge({
      name: "db_pool_max_connections",
      help: "Connections the request pool may open (DATABASE_POOL_MAX); absent on the embedded database.",
      registers: [registry],
    }).set(activity.poolMax);
  }
  new Gauge({
    name: "db_queries_in_flight",
    help: "Statements of request traffic sent and not yet answered (queued for a connection included).",
    registers: [registry],
    collect() {
      this.set(activity.queriesInFlight);
    },
  });
  new Gauge({
    name: "db_transactions_open",
    help: "Transactions of request traffic begun and not yet ended; each holds a pool connection.",
    registers: [registry],
    collect() {
      this.set(activity.transactionsOpen);
    },
  });

  let depthAt = 0;
  let depth: Promise<{ queue: string; state: string; count: number }[]> | null = null;
  new Gauge({
    name: "job_queue_jobs",
    help: "Jobs waiting (created, retry) or running (active), by queue and state; counted at most every 5 s.",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      if (!depth || Date.now() - depthAt >= queueDepthCacheMs) {
        depthAt = Date.now();
        depth = sources.jobs.depth();
      }
      this.reset();
      try {
        for (const row of await depth) this.set({ queue: row.queue, state: row.state }, row.count);
      } catch {
        // The database being away shows on /ready and in the request metrics; the scrape goes on.
        depth = null;
      }
    },
  });

  const jobFailures = new Counter({
    name: "job_failures_total",
    help: "Jobs whose handler threw (the queue retries them), by queue.",
    labelNames: ["queue"] as const,
    registers: [registry],
  });
  const emailsSent = new Counter({
    name: "emails_sent_total",
    help: "Emails handed to the SMTP server.",
    registers: [registry],
  });
  const emailsFailed = new Counter({
    name: "emails_failed_total",
    help: "Email delivery attempts that failed, by outcome: retry (tried again later) or failed (given up).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });

  const listeners: [string, (message: unknown) => void][] = [
    [EVENT_CHANNELS.emailSent, () => emailsSent.inc()],
    [
      EVENT_CHANNELS.emailFailed,
      (message) =>
        emailsFailed.inc({ outcome: (message as { gaveUp: boolean }).gaveUp ? "failed" : "retry" }),
    ],
    [EVENT_CHANNELS.jobFailed, (message) => jobFailures.inc({ queue: (message as { queue: string }).queue })],
  ];
  for (const [name, listener] of listeners) subscribe(name, listener);

  return {
    registry,
    middleware: async (c, next) => {
      const started = performance.now();
      await next();
      const route = routeLabel(c);
      requests.inc({ method: c.req.method, route, status: String(c.res.status) });
      duration.observe({ method: c.req.method, route }, (performance.now() - started) / 1000);
    },
    close: () => {
      for (const [name, listener] of listeners) unsubscribe(name, listener);
    },
  };
}

/**
 * The scrape endpoint, served on its own port (METRICS_PORT) so that it is never reachable where the
 * public API is: not in the contract, no authentication to get wrong.
 */
export function metricsApp(metrics: Metrics): Hono {
  const app = new Hono();
  app.get("/metrics", async (c) =>
    c.body(await metrics.registry.metrics(), 200, { "Content-Type": metrics.registry.contentType }),
  );
  return app;
}
