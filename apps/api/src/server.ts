import type { Server } from "node:http";
import { serve } from "@hono/node-server";
import { ConfigError, loadConfig } from "@nns/config";
import { UnsafeDatabaseRoleError } from "@nns/db";
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  hasAnyOrganization,
  hasDemoAccounts,
  seedDemoData,
  startBackgroundWork,
} from "@nns/services";
import { defaultAdminRoot } from "./admin-static.js";
import { createApp } from "./app.js";
import { bootstrap, shutdownDeps } from "./bootstrap.js";
import { answerUnparsableRequests } from "./lib/client-error.js";
import { createLogger } from "./logger.js";
import { createMetrics, metricsApp } from "./observability/metrics.js";
import { startTracing } from "./observability/tracing.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const { observability } = config;
  const tracing = observability.tracing ? startTracing(observability.tracing) : null;
  const deps = await bootstrap(config, (err) => logger.error({ err }, "job queue error"));
  await startBackgroundWork(deps, logger, config.runJobs);

  const embedded = config.database.mode === "embedded";
  const seeded =
    (config.demoData === "always" || (config.demoData === "auto" && embedded)) &&
    !(await hasAnyOrganization(deps));
  if (seeded) {
    await seedDemoData(deps);
    logger.info("demo data created");
  }

  const showDemoAccounts = seeded || (await hasDemoAccounts(deps));
  let accepting = true;
  const metrics = observability.metrics ? createMetrics(deps) : null;
  const metricsServer =
    metrics && observability.metrics
      ? serve({
          fetch: metricsApp(metrics).fetch,
          port: observability.metrics.port,
          hostname: observability.metrics.host,
        })
      : null;
  const app = createApp(deps, {
    metrics,
    tracing: tracing !== null,
    cookieSecure: config.session.cookieSecure,
    trustProxy: config.trustProxy,
    publicUrl: config.publicUrl,
    logger,
    staticRoot: defaultAdminRoot(),
    isAcceptingTraffic: () => accepting,
  });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const base = config.publicUrl;
    const lines = [
      "",
      `  NNS-plattformen is running (${embedded ? `embedded database in ${config.database.mode === "embedded" ? config.database.dataDir : ""}` : "PostgreSQL server"})`,
      `  Listening on http://${info.address}:${info.port}`,
      `  Admin app:       ${base}/`,
      `  API:             ${base}/v1`,
      `  API reference:   ${base}/docs`,
      `  OpenAPI:         ${base}/v1/openapi.json`,
      `  Health:          ${base}/health  ·  ${base}/ready`,
    ];
    if (observability.metrics) {
      lines.push(
        `  Metrics:         http://${observability.metrics.host}:${observability.metrics.port}/metrics`,
      );
    }
    if (observability.tracing) lines.push(`  Traces to:       ${observability.tracing.endpoint} (OTLP/HTTP)`);
    if (showDemoAccounts) {
      lines.push(
        "",
        `  Demo accounts (password for all: ${DEMO_PASSWORD}):`,
        ...DEMO_USERS.map(
          (u) => `    ${u.email.padEnd(34)} ${u.grants.map((g) => `${g.role}@${g.slug}`).join(", ")}`,
        ),
        "",
        `  Sign in: POST ${base}/v1/auth/login with {"email", "password"}`,
      );
    }
    process.stdout.write(`${lines.join("\n")}\n\n`);
  });
  answerUnparsableRequests(server as Server);

  const shutdown = (signal: string) => {
    if (!accepting) return;
    accepting = false;
    logger.info({ signal }, "shutting down: draining connections");
    const force = setTimeout(() => {
      logger.warn("grace period over; closing remaining connections");
      (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
    }, config.shutdownGraceMs);
    force.unref();
    server.close(async () => {
      metricsServer?.close();
      await shutdownDeps(deps);
      await tracing?.shutdown();
      logger.info("stopped");
      process.exit(0);
    });
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof UnsafeDatabaseRoleError) {
    process.stderr.write(`\n${error.message}\n\n`);
  } else {
    process.stderr.write(
      `\nCould not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\n`,
    );
  }
  process.exit(1);
});
