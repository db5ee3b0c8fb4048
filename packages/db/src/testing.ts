import { createHash, randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { APP_ROLE, type Database, MIGRATIONS_DIR, openDatabase } from "./client.js";
import { runMigrations } from "./migrate.js";
import { COUNTIES, MUNICIPALITIES } from "./reference/index.js";

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
 * server named by DATABASE_URL, so the same suites run against both; with TEST_PGBOUNCER_PORT as well,
 * its request pool connects through that PgBouncer.
 */
export async function createTestDatabase(options: { instrument?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  const instrument = options.instrument ?? false;
  if (!serverUrl) {
    const db = await migratedEmbeddedDatabase(instrument);
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
  // CI's PgBouncer stage: every test database's request pool goes through a PgBouncer in transaction
  // mode on this port of 127.0.0.1 (docs/scale-out.md); migrations stay on the direct connection.
  const bouncerPort = process.env.TEST_PGBOUNCER_PORT;
  if (bouncerPort) {
    appUrl.hostname = "127.0.0.1";
    appUrl.port = bouncerPort;
  }
  const db = await openDatabase({
    mode: "server",
    url: url.toString(),
    appUrl: appUrl.toString(),
    appPassword,
    poolMax: 20,
    instrument,
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

/**
 * Starting PGlite from an empty cluster (initdb) and migrating it costs about two seconds per test file,
 * more than many files' tests. The first file to need it migrates one and leaves its dump in the temp
 * directory, keyed by what it was built from; later files load that dump.
 */
async function migratedEmbeddedDatabase(instrument: boolean): Promise<Database> {
  const path = join(tmpdir(), `nns-pglite-template-${templateKey()}.tar`);
  if (existsSync(path)) {
    return openDatabase({
      mode: "embedded",
      dataDir: null,
      loadDataDir: new Blob([readFileSync(path)]),
      instrument,
    });
  }
  const db = await openDatabase({ mode: "embedded", dataDir: null, instrument });
  await runMigrations(db);
  const dump = await db.dumpDataDir?.();
  if (dump) {
    // Files run in parallel: a whole file appears under the name, or none.
    const partial = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  }
  return db;
}

function templateKey(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(MIGRATIONS_DIR);
  hash.update(JSON.stringify([COUNTIES, MUNICIPALITIES]));
  // A dump is only readable by the PGlite that wrote it.
  const pglite = join(MIGRATIONS_DIR, "..", "node_modules", "@electric-sql", "pglite", "package.json");
  hash.update(JSON.parse(readFileSync(pglite, "utf8")).version);
  return hash.digest("hex").slice(0, 16);
}
