import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { APP_ROLE, type Database, openDatabase } from "./client.js";
import { runMigrations } from "./migrate.js";

export * from "./bulk-catalog.js";

export interface TestDatabase {
  db: Database;
  /** Connection URLs on a PostgreSQL server (owner and application role); null when embedded. */
  urls: { owner: string; app: string } | null;
  /** Closes the connections and, on a PostgreSQL server, drops the database. */
  destroy: () => Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * server named by DATABASE_URL, so the same suites run against both.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ mode: "embedded", dataDir: null });
    await runMigrations(db);
    return { db, urls: null, destroy: () => db.close() };
  }
  const name = `nns_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const appPassword = process.env.DATABASE_APP_PASSWORD ?? null;
  const appUrl = new URL(url.toString());
  appUrl.username = APP_ROLE;
  appUrl.password = appPassword ?? "";
  const db = await openDatabase({
    mode: "server",
    url: url.toString(),
    appUrl: appUrl.toString(),
    appPassword,
    poolMax: 20,
  });
  // Sets the role's password before the request pool first connects.
  await runMigrations(db, { appPassword });
  return {
    db,
    urls: { owner: url.toString(), app: appUrl.toString() },
    destroy: async () => {
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
