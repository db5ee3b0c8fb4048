import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/**
 * Every environment variable the product reads. The README's configuration table is written from this
 * schema: add a variable here and there in the same change.
 */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_APP_URL: z.string().min(1).optional(),
  DATABASE_APP_PASSWORD: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(500).default(10),
  DATA_DIR: z.string().min(1).default("./.data"),
  DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
  SMTP_URL: z.string().min(1).optional(),
  MAIL_FROM: z.string().min(3).default("NNS-plattformen <no-reply@nns.localhost>"),
  EMAIL_GIVE_UP_DAYS: z.coerce.number().min(0.001).max(60).default(3),
  SMTP_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(30),
  RUN_JOBS: booleanFlag.default(true),
  SESSION_IDLE_TIMEOUT_MINUTES: z.coerce.number().int().min(1).default(120),
  SESSION_ABSOLUTE_TIMEOUT_HOURS: z.coerce.number().int().min(1).default(12),
  COOKIE_SECURE: booleanFlag.default(true),
  TRUST_PROXY: booleanFlag.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  LOGIN_MAX_FAILURES_PER_PAIR: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(50),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(100),
  LOGIN_THROTTLE_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().int().min(0).default(10),
  MIN_GROUP_SIZE: z.coerce.number().int().min(1).max(100).default(5),
  CATALOG_SEARCH_CACHE_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(1000),
  WEBHOOK_ALLOW_HTTP: booleanFlag.default(false),
  WEBHOOK_ALLOW_PRIVATE_TARGETS: booleanFlag.default(false),
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_\w+$/, "a Stripe secret or restricted key")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\w+$/, "a Stripe webhook signing secret (whsec_…)")
    .optional(),
  STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  NEWSLETTER_SEND_RATE: z.coerce.number().min(0.1).max(100_000).default(50),
  NEWSLETTER_UNSUBSCRIBE_MAILBOX: z.email().optional(),
  NEWSLETTER_BOUNCE_SECRET: z.string().min(16).optional(),
  NEWSLETTER_SOFT_BOUNCE_COUNT: z.coerce.number().int().min(1).max(100).default(3),
  NEWSLETTER_SOFT_BOUNCE_WINDOW_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  DKIM_DOMAIN: z.string().min(1).optional(),
  DKIM_SELECTOR: z.string().min(1).optional(),
  DKIM_PRIVATE_KEY: z.string().min(1).optional(),
  METRICS_ENABLED: booleanFlag.default(false),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  METRICS_HOST: z.string().min(1).optional(),
  OTEL_ENABLED: booleanFlag.default(false),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).default("http://localhost:4318"),
  OTEL_SERVICE_NAME: z.string().min(1).default("nns-api"),
});

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  publicUrl: string;
  database:
    | { mode: "embedded"; dataDir: string | null }
    | { mode: "server"; url: string; appUrl: string; appPassword: string | null; poolMax: number };
  demoData: Env["DEMO_DATA"];
  mail: {
    smtpUrl: string | null;
    from: string;
    delivery: { giveUpAfterMs: number; smtpTimeoutMs: number };
  };
  /** Whether this process runs background jobs (email delivery, housekeeping) besides serving requests. */
  runJobs: boolean;
  session: { idleTimeoutMs: number; absoluteTimeoutMs: number; cookieSecure: boolean };
  trustProxy: boolean;
  logLevel: Env["LOG_LEVEL"];
  /** Sign-in limits per window; see docs/decisions/0009-login-throttling.md. */
  loginThrottle: { maxPerPair: number; maxPerAccount: number; maxPerIp: number; windowMs: number };
  shutdownGraceMs: number;
  /** Aggregates over fewer people than this are not shown (survey answers). */
  minGroupSize: number;
  /** Distinct public catalogue searches each process keeps answers for (0 turns the cache off). */
  catalogSearchCacheEntries: number;
  /** Development only: webhook endpoints over plain HTTP, and on private, loopback or link-local addresses. */
  webhooks: { allowHttp: boolean; allowPrivateTargets: boolean };
  /** Joint newsletters (docs/newsletters.md). */
  newsletters: {
    sendRatePerSecond: number;
    unsubscribeMailbox?: string;
    bounceWebhookSecret?: string;
    softBounce: { count: number; windowDays: number };
    dkim?: { domainName: string; keySelector: string; privateKey: string };
  };
  /** Prometheus metrics on their own port and OpenTelemetry traces; both off by default (docs/observability.md). */
  observability: {
    metrics: { port: number; host: string } | null;
    tracing: { endpoint: string; serviceName: string } | null;
  };
  /** Collection through Stripe (docs/stripe.md); null: every förbund pays by bankgiro. */
  stripe: {
    secretKey: string;
    webhookSecret: string;
    host?: string;
    port?: number;
    protocol?: "http" | "https";
  } | null;
}

export class ConfigError extends Error {}

/** The role request traffic runs as; created by the migrations, never a superuser or a table owner. */
export const APP_DB_ROLE = "nns_app";

export function deriveAppDatabaseUrl(ownerUrl: string, password: string | null): string {
  const url = new URL(ownerUrl);
  url.username = APP_DB_ROLE;
  url.password = password ?? "";
  return url.toString();
}

export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const appPassword = env.DATABASE_APP_PASSWORD ?? null;
  return {
    port: env.PORT,
    host: env.HOST,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    database: env.DATABASE_URL
      ? {
          mode: "server",
          url: env.DATABASE_URL,
          appUrl: env.DATABASE_APP_URL ?? deriveAppDatabaseUrl(env.DATABASE_URL, appPassword),
          appPassword,
          poolMax: env.DATABASE_POOL_MAX,
        }
      : { mode: "embedded", dataDir: env.DATA_DIR },
    demoData: env.DEMO_DATA,
    mail: {
      smtpUrl: env.SMTP_URL ?? null,
      from: env.MAIL_FROM,
      delivery: {
        giveUpAfterMs: Math.round(env.EMAIL_GIVE_UP_DAYS * 86_400_000),
        smtpTimeoutMs: env.SMTP_TIMEOUT_SECONDS * 1000,
      },
    },
    runJobs: env.RUN_JOBS,
    session: {
      idleTimeoutMs: env.SESSION_IDLE_TIMEOUT_MINUTES * 60_000,
      absoluteTimeoutMs: env.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3_600_000,
      cookieSecure: env.COOKIE_SECURE,
    },
    trustProxy: env.TRUST_PROXY,
    logLevel: env.LOG_LEVEL,
    loginThrottle: {
      maxPerPair: env.LOGIN_MAX_FAILURES_PER_PAIR,
      maxPerAccount: env.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      maxPerIp: env.LOGIN_MAX_FAILURES_PER_IP,
      windowMs: env.LOGIN_THROTTLE_WINDOW_MINUTES * 60_000,
    },
    shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
    minGroupSize: env.MIN_GROUP_SIZE,
    catalogSearchCacheEntries: env.CATALOG_SEARCH_CACHE_ENTRIES,
    webhooks: { allowHttp: env.WEBHOOK_ALLOW_HTTP, allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS },
    newsletters: newsletterConfig(env),
    observability: {
      metrics: env.METRICS_ENABLED ? { port: env.METRICS_PORT, host: env.METRICS_HOST ?? env.HOST } : null,
      tracing: env.OTEL_ENABLED
        ? { endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT, serviceName: env.OTEL_SERVICE_NAME }
        : null,
    },
    stripe: stripeConfig(env),
  };
}

function newsletterConfig(env: Env): Config["newsletters"] {
  const dkim = [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY];
  if (dkim.some(Boolean) && !dkim.every(Boolean)) {
    throw new ConfigError(
      "Invalid configuration:\n  DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY: set all three or none",
    );
  }
  return {
    sendRatePerSecond: env.NEWSLETTER_SEND_RATE,
    ...(env.NEWSLETTER_UNSUBSCRIBE_MAILBOX && { unsubscribeMailbox: env.NEWSLETTER_UNSUBSCRIBE_MAILBOX }),
    ...(env.NEWSLETTER_BOUNCE_SECRET && { bounceWebhookSecret: env.NEWSLETTER_BOUNCE_SECRET }),
    softBounce: {
      count: env.NEWSLETTER_SOFT_BOUNCE_COUNT,
      windowDays: env.NEWSLETTER_SOFT_BOUNCE_WINDOW_DAYS,
    },
    ...(env.DKIM_DOMAIN &&
      env.DKIM_SELECTOR &&
      env.DKIM_PRIVATE_KEY && {
        // A key in an environment variable usually has its line breaks written as \n.
        dkim: {
          domainName: env.DKIM_DOMAIN,
          keySelector: env.DKIM_SELECTOR,
          privateKey: env.DKIM_PRIVATE_KEY.replaceAll("\\n", "\n"),
        },
      }),
  };
}

function stripeConfig(env: Env): Config["stripe"] {
  if (!env.STRIPE_SECRET_KEY) {
    if (env.STRIPE_WEBHOOK_SECRET || env.STRIPE_API_BASE) {
      throw new ConfigError(
        "Invalid configuration:\n  STRIPE_SECRET_KEY: required when STRIPE_WEBHOOK_SECRET or STRIPE_API_BASE is set",
      );
    }
    return null;
  }
  // Without the webhook secret Stripe could send invoices whose payments we never hear of.
  if (!env.STRIPE_WEBHOOK_SECRET) {
    throw new ConfigError(
      "Invalid configuration:\n  STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set",
    );
  }
  const stripe: NonNullable<Config["stripe"]> = {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET,
  };
  if (env.STRIPE_API_BASE) {
    const base = new URL(env.STRIPE_API_BASE);
    const protocol = base.protocol === "http:" ? "http" : "https";
    stripe.host = base.hostname;
    stripe.port = base.port ? Number(base.port) : protocol === "http" ? 80 : 443;
    stripe.protocol = protocol;
  }
  return stripe;
}
