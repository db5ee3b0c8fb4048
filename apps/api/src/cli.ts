import { parseArgs } from "node:util";
import { serve } from "@hono/node-server";
import { deriveAppDatabaseUrl, loadConfig } from "@nns/config";
import { moveToServer, organizations, transaction } from "@nns/db";
import { API_KEY_SCOPES, AppError, ROLES, type Role } from "@nns/domain";
import {
  createApiKey,
  createNnsOrganization,
  createOrganization,
  enterOrganization,
  grantRole,
  hasAnyOrganization,
  JobQueue,
  type MemberPartyInput,
  seedDemoData,
  setUserDisabled,
  startBackgroundWork,
  systemContext,
} from "@nns/services";
import { eq } from "drizzle-orm";
import { bootstrap, shutdownDeps } from "./bootstrap.js";
import { createLogger } from "./logger.js";
import { createMetrics, metricsApp } from "./observability/metrics.js";

const USAGE = `Usage: pnpm cli <command> [options]

Commands:
  migrate                                   apply migrations and check the application role
  worker                                    run background jobs (email delivery, housekeeping) until stopped;
                                            start API processes with RUN_JOBS=false to leave jobs to workers
  seed                                      create the demo organizations and users (empty database only)
  org:create-nns --name N --org-number NNNNNN-NNNN
                                            register the NNS organization itself (once, on a new database)
  org:create --name N --org-number NNNNNN-NNNN --county CC [--slug S] [--kommun CODE ...] [--with-agencies]
                                            register a förbund
  user:create --org SLUG --email E --name N --role ROLE [--password P]
                                            create a person (or reuse by email) with a role in an organization
  user:disable --email E [--enable]         disable an account and end its sessions (or enable it again)
  api-key:create --org SLUG --name N --scope S [--scope S ...] [--expires ISO-DATE]
                                            create an API key and print its secret once
  move-to-server --to postgres://OWNER@HOST/DB
                                            copy the embedded database (DATA_DIR) into a new, empty
                                            database on a PostgreSQL server, then compare row counts

Roles: ${ROLES.join(", ")}
Scopes: ${API_KEY_SCOPES.join(", ")}
Every command reads the same environment as the server (DATABASE_URL, DATA_DIR, ...).`;

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value.length === 0) throw new Error(`--${name} is required\n\n${USAGE}`);
  return value;
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      name: { type: "string" },
      "org-number": { type: "string" },
      county: { type: "string" },
      slug: { type: "string" },
      kommun: { type: "string", multiple: true },
      "with-agencies": { type: "boolean" },
      org: { type: "string" },
      email: { type: "string" },
      role: { type: "string" },
      password: { type: "string" },
      enable: { type: "boolean" },
      scope: { type: "string", multiple: true },
      expires: { type: "string" },
      to: { type: "string" },
    },
  });
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const deps = await bootstrap(config, (err) => logger.error({ err }, "job queue error"));
  const ctx = systemContext(deps, "cli");
  try {
    // Commands that queue emails need the queue; only `worker` also works its jobs. The move leaves the
    // queue stopped: its scheduler would add jobs to the embedded database while they are being copied.
    if (command !== "move-to-server") await startBackgroundWork(deps, logger, command === "worker");
    switch (command) {
      case "worker": {
        // A worker's job and email counters are its own: it serves them like an API process does.
        const scrape = config.observability.metrics;
        const metrics = scrape ? createMetrics(deps) : null;
        const server =
          metrics && scrape
            ? serve({ fetch: metricsApp(metrics).fetch, port: scrape.port, hostname: scrape.host })
            : null;
        logger.info("worker running background jobs; stop with SIGTERM or Ctrl-C");
        await new Promise<void>((resolve) => {
          process.once("SIGTERM", resolve);
          process.once("SIGINT", resolve);
        });
        server?.close();
        metrics?.close();
        break;
      }
      case "migrate":
        process.stdout.write("Migrations applied; the application role is confined by row-level security.\n");
        break;
      case "seed":
        if (await hasAnyOrganization(deps))
          throw new Error("The database already has organizations; seed only fills an empty one.");
        await seedDemoData(deps);
        process.stdout.write("Demo data created.\n");
        break;
      case "org:create-nns": {
        const org = await createNnsOrganization(ctx, {
          name: required(values, "name"),
          slug: values.slug ?? "nns",
          organizationNumber: required(values, "org-number"),
          countyCode: null,
        });
        process.stdout.write(
          `Created ${org.name} (${org.slug}, ${org.id}). Add its first admin with user:create --role nns_admin.\n`,
        );
        break;
      }
      case "org:create": {
        const county = required(values, "county");
        const parties: MemberPartyInput[] = (values.kommun ?? []).map((municipalityCode) => ({
          kind: "kommun",
          municipalityCode,
        }));
        if (values["with-agencies"])
          parties.unshift({ kind: "fk" }, { kind: "af" }, { kind: "region", countyCode: county });
        const org = await createOrganization(ctx, {
          name: required(values, "name"),
          slug: values.slug,
          organizationNumber: required(values, "org-number"),
          countyCode: county,
          memberParties: parties,
        });
        process.stdout.write(`Created ${org.name} (${org.slug}, ${org.id}).\n`);
        break;
      }
      case "user:create": {
        const role = required(values, "role");
        if (!(ROLES as readonly string[]).includes(role))
          throw new Error(`Unknown role ${role}. Roles: ${ROLES.join(", ")}`);
        const result = await grantRole(ctx, {
          organizationSlug: required(values, "org"),
          email: required(values, "email"),
          name: values.name ?? required(values, "email"),
          password: values.password ?? null,
          role: role as Role,
        });
        process.stdout.write(
          `${result.created ? "Created" : "Updated"} ${values.email} as ${role} in ${values.org}.${values.password || !result.created ? "" : " No password set: use password reset to choose one."}\n`,
        );
        break;
      }
      case "user:disable":
        await setUserDisabled(ctx, required(values, "email"), !values.enable);
        process.stdout.write(`${values.enable ? "Enabled" : "Disabled"} ${values.email}.\n`);
        break;
      case "api-key:create": {
        const slug = required(values, "org");
        const [org] = await transaction(deps.db, {}, (tx) =>
          tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug)),
        );
        if (!org) throw new Error(`No organization with the slug "${slug}".`);
        const expiresAt = values.expires ? new Date(values.expires) : null;
        if (expiresAt && Number.isNaN(expiresAt.getTime()))
          throw new Error(`--expires ${values.expires} is not a date (use YYYY-MM-DD)`);
        const orgCtx = await enterOrganization(ctx, org.id);
        const { apiKey, secret } = await createApiKey(orgCtx, {
          name: required(values, "name"),
          scopes: values.scope ?? [],
          expiresAt,
        });
        process.stdout.write(
          `Created API key ${apiKey.prefix} (${apiKey.id}) with scopes ${apiKey.scopes.join(", ")}.\n`,
        );
        process.stdout.write(`Secret (shown once, store it now):\n${secret}\n`);
        break;
      }
      case "move-to-server": {
        const to = required(values, "to");
        const appPassword = process.env.DATABASE_APP_PASSWORD || null;
        const summary = await moveToServer(deps.db, {
          to,
          appUrl: process.env.DATABASE_APP_URL || deriveAppDatabaseUrl(to, appPassword),
          appPassword,
          // The queue's schema and queues come from the queue itself, as on any first start.
          prepareTarget: async (target) => {
            const queue = new JobQueue(target);
            await queue.start();
            await queue.stop();
          },
          log: (line) => process.stdout.write(`${line}\n`),
        });
        process.stdout.write(
          `Moved ${summary.rows} rows in ${summary.tables.length} tables (${summary.pendingJobs} pending jobs, ${summary.sequences} sequences) in ${(summary.milliseconds / 1000).toFixed(1)} s; row counts verified, ${summary.migrations} migrations applied on the server.\n` +
            "Start the server with DATABASE_URL set to the new database; keep DATA_DIR until you have checked it.\n",
        );
        break;
      }
      default:
        throw new Error(`Unknown command ${command}\n\n${USAGE}`);
    }
  } finally {
    await shutdownDeps(deps);
  }
}

main().catch((error: unknown) => {
  if (error instanceof AppError) {
    const fields = error.errors?.map((e) => `  ${e.field}: ${e.message}`).join("\n");
    process.stderr.write(`${error.message}${fields ? `\n${fields}` : ""}\n`);
  } else {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
