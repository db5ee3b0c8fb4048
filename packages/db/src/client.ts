import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { type DatabaseActivity, instrumentDriver, PGLITE_SHAPE, POSTGRES_JS_SHAPE } from "./instrument.js";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
export type AppDatabase = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, Record<string, never>>;
/** Anything that can run a drizzle query: the database or a transaction. */
export type Executor = AppDatabase | Tx;

export const APP_ROLE = "nns_app";

export type DatabaseOptions = (
  | {
      mode: "embedded";
      dataDir: string | null;
      /** A data directory dumped by `dumpDataDir` to start from instead of an empty cluster (tests). */
      loadDataDir?: Blob;
    }
  | { mode: "server"; url: string; appUrl: string; appPassword: string | null; poolMax: number }
) & {
  /**
   * Count request traffic's statements and transactions and trace them (instrument.ts); off, the
   * driver is used as it is, at no cost. On when metrics or tracing are (docs/observability.md).
   */
  instrument?: boolean;
};

/**
 * One handle on the database. `app` is what request traffic uses; every transaction on it runs as the
 * application role (see `transaction`). `owner` is the privileged connection, used for migrations,
 * reference data and the operations CLI only.
 */
export interface Database {
  mode: "embedded" | "server";
  app: AppDatabase;
  owner: AppDatabase;
  /** Raw SQL in one transaction as the application role, outside drizzle; for RLS tests, checks and benchmarks. */
  appTransaction: <T>(fn: (query: RawQuery) => Promise<T>) => Promise<T>;
  appSql: RawQuery;
  ownerSql: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  /**
   * The job queue's own connection, privileged like `owner` but apart from it and from the request pool,
   * so polling never waits behind requests. Without parameters the text may hold several statements.
   */
  jobSql: RawQuery;
  /** Runs `COPY (…) TO '/dev/blob'` on the embedded database and answers the bytes; absent on a server. */
  copyOut?: (statement: string) => Promise<Uint8Array>;
  /** Request traffic's statements and transactions in progress; stays zero unless `instrument` is on. */
  activity: DatabaseActivity;
  /** The embedded cluster as a tarball, for `loadDataDir`; absent on a server. */
  dumpDataDir?: () => Promise<Blob>;
  close: () => Promise<void>;
}

export type RawQuery = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

export const MIGRATIONS_DIR = join(
  dirname(createRequire(import.meta.url).resolve("@nns/db/package.json")),
  "migrations",
);

/**
 * How the connections ride out a database restart (docs/decisions/0011-database-outages.md). postgres.js
 * reconnects lazily, on the next query, after a back-off that grows with every failed attempt across
 * the pool; its default grows to 20 s, so service would resume long after the database. Capped at one
 * second, service resumes within about a second of the database. A connect that hangs (an unreachable
 * host) fails after 5 s instead of 30, and idle connections are closed after a minute so few are left
 * to discover a silent network failure.
 */
const OUTAGE_OPTIONS = {
  connect_timeout: 5,
  idle_timeout: 60,
  backoff: (attempts: number) => Math.min(0.05 * 2 ** attempts, 1),
} as const;

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const activity: DatabaseActivity = {
    queriesInFlight: 0,
    transactionsOpen: 0,
    poolMax: options.mode === "server" ? options.poolMax : null,
  };
  if (options.mode === "embedded") {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const client = options.dataDir
      ? await PGlite.create(options.dataDir)
      : await PGlite.create(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
    // One connection serves all; the job queue's statements go past the instrumented handle.
    const appClient = options.instrument ? instrumentDriver(client, PGLITE_SHAPE, activity) : client;
    const db = drizzlePglite(appClient, { schema }) as unknown as AppDatabase;
    const run = async (text: string, params?: unknown[]) =>
      (await client.query<Record<string, unknown>>(text, params)).rows;
    // PGlite is one in-process connection owned by its superuser; app-role SQL switches role for the
    // transaction, just as every drizzle transaction does through `transaction` below.
    const appTransaction = <T>(fn: (query: RawQuery) => Promise<T>) =>
      appClient.transaction(async (tx) => {
        await tx.query(`select set_config('role', '${APP_ROLE}', true)`);
        return fn(async (text, params) => (await tx.query<Record<string, unknown>>(text, params)).rows);
      });
    return {
      mode: "embedded",
      activity,
      app: db,
      owner: db,
      appTransaction,
      appSql: (text, params) => appTransaction((query) => query(text, params)),
      ownerSql: run,
      jobSql: async (text, params) => {
        if (params?.length) return run(text, params);
        const results = await client.exec(text);
        return results.at(-1)?.rows ?? [];
      },
      copyOut: async (statement) => {
        const blob = (await client.query(statement)).blob;
        return blob ? new Uint8Array(await blob.arrayBuffer()) : new Uint8Array();
      },
      dumpDataDir: () => client.dumpDataDir("none"),
      close: async () => {
        await client.close();
      },
    };
  }
  // One connection: the migration advisory lock and its unlock must run on the same session.
  const ownerClient = postgres(options.url, { max: 1, onnotice: () => {}, ...OUTAGE_OPTIONS });
  const appPool = postgres(options.appUrl, {
    max: options.poolMax,
    onnotice: () => {},
    ...OUTAGE_OPTIONS,
    // PgBouncer in transaction mode cannot hold named prepared statements across transactions.
    prepare: false,
  });
  // Only request traffic's pool: the owner's migrations and the queue's polling are not what is watched.
  const appClient = options.instrument ? instrumentDriver(appPool, POSTGRES_JS_SHAPE, activity) : appPool;
  // One connection: the queue wraps some of its statements in BEGIN … COMMIT of its own, which
  // postgres.js allows only where no other query can land in between.
  const jobClient = postgres(options.url, { max: 1, onnotice: () => {}, prepare: false, ...OUTAGE_OPTIONS });
  return {
    mode: "server",
    activity,
    app: drizzlePostgres(appClient, { schema }) as unknown as AppDatabase,
    owner: drizzlePostgres(ownerClient, { schema }) as unknown as AppDatabase,
    appTransaction: <T>(fn: (query: RawQuery) => Promise<T>) =>
      appClient.begin((tx) =>
        fn(async (text, params) => [...(await tx.unsafe(text, params as never[]))]),
      ) as Promise<T>,
    appSql: async (text, params) => [...(await appClient.unsafe(text, params as never[]))],
    ownerSql: async (text, params) => [...(await ownerClient.unsafe(text, params as never[]))],
    jobSql: async (text, params) => {
      if (params?.length) return [...(await jobClient.unsafe(text, params as never[]))];
      // Several statements need the simple protocol; postgres.js then answers one result per statement.
      const results = (await jobClient.unsafe(text).simple()) as unknown as unknown[];
      const last = Array.isArray(results.at(-1)) ? results.at(-1) : results;
      return [...(last as Record<string, unknown>[])];
    },
    close: async () => {
      await Promise.all([
        appClient.end({ timeout: 5 }),
        ownerClient.end({ timeout: 5 }),
        jobClient.end({ timeout: 5 }),
      ]);
    },
  };
}

export interface TransactionScope {
  organizationId?: string | null;
  userId?: string | null;
  /** Extra transaction-local settings read by row-level policies, e.g. `app.api_key_prefix`. */
  settings?: Record<string, string>;
}

/**
 * The only way request traffic touches tenant data: one transaction, as the application role, with the
 * organization and user set transaction-locally so row-level security sees them and nothing leaks to
 * the next transaction on the same pooled connection.
 */
export async function transaction<T>(
  database: Database,
  scope: TransactionScope,
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return database.app.transaction(async (tx) => {
    await setScope(tx as unknown as Tx, scope);
    return fn(tx as unknown as Tx);
  }) as Promise<T>;
}

/** Changes the organization inside an open transaction (e.g. creating an organization and its first admin). */
export async function setScope(tx: Tx, scope: TransactionScope): Promise<void> {
  const entries: [string, string][] = [
    ["role", APP_ROLE],
    ["app.org_id", scope.organizationId ?? ""],
    ["app.user_id", scope.userId ?? ""],
    ...Object.entries(scope.settings ?? {}),
  ];
  const parts = entries.map(([key, value]) => sql`set_config(${key}, ${value}, true)`);
  await tx.execute(sql`select ${sql.join(parts, sql`, `)}`);
}

/**
 * Raw SQL with `$n` parameters inside an open drizzle transaction, for libraries that speak SQL text
 * (the job queue enqueues in the caller's transaction through this). It goes to the driver's own
 * transaction handle, so a parameter used twice stays one parameter with one inferred type.
 */
export async function sqlInTransaction(
  tx: Tx,
  text: string,
  params: readonly unknown[] = [],
): Promise<Record<string, unknown>[]> {
  // drizzle keeps the driver's transaction as `session.client` (postgres.js TransactionSql or PGlite's
  // Transaction); the tests of the queue run on both, so a drizzle change that moves it fails there.
  const client = (tx as unknown as { session: { client: DriverTransaction } }).session.client;
  // Objects go to jsonb parameters; the two drivers would serialise them differently on their own.
  const values = params.map((v) =>
    v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : (v ?? null),
  );
  if ("unsafe" in client) return [...(await client.unsafe(text, values as never[]))];
  return (await client.query<Record<string, unknown>>(text, values)).rows;
}

type DriverTransaction =
  | { unsafe: (text: string, params: never[]) => Promise<Iterable<Record<string, unknown>>> }
  | { query: <T>(text: string, params: unknown[]) => Promise<{ rows: T[] }> };

/** Rows of a raw `tx.execute`, whichever driver produced them. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
