import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { APP_ROLE, type Database, MIGRATIONS_DIR, rowsOf, transaction } from "./client.js";
import { COUNTIES, MUNICIPALITIES } from "./reference/sweden.js";
import { counties, municipalities } from "./schema/index.js";

export class UnsafeDatabaseRoleError extends Error {}

/** Applies the committed migrations over the privileged connection, then keeps reference data in step. */
export async function runMigrations(
  database: Database,
  options: { appPassword?: string | null } = {},
): Promise<void> {
  if (database.mode === "embedded") {
    await migratePglite(database.owner as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    // Several replicas may start at once: one migrates, the others wait on the advisory lock.
    await database.ownerSql("select pg_advisory_lock(727274)");
    try {
      await migratePostgres(database.owner as unknown as PostgresJsDatabase, {
        migrationsFolder: MIGRATIONS_DIR,
      });
    } finally {
      await database.ownerSql("select pg_advisory_unlock(727274)");
    }
    if (options.appPassword) {
      const literal = options.appPassword.replaceAll("'", "''");
      await database.ownerSql(`alter role ${APP_ROLE} password '${literal}'`);
    }
  }
  await syncReferenceData(database);
}

async function syncReferenceData(database: Database): Promise<void> {
  await database.owner.transaction(async (tx) => {
    await tx
      .insert(counties)
      .values([...COUNTIES])
      .onConflictDoUpdate({ target: counties.code, set: { name: sql`excluded.name` } });
    await tx
      .insert(municipalities)
      .values([...MUNICIPALITIES])
      .onConflictDoUpdate({
        target: municipalities.code,
        set: { name: sql`excluded.name`, countyCode: sql`excluded.county_code` },
      });
  });
}

export function shippedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

export async function migrationStatus(database: Database): Promise<{ applied: number; shipped: number }> {
  const applied = await transaction(database, {}, async (tx) => {
    const rows = rowsOf<{ count: number | string }>(
      await tx.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`),
    );
    return Number(rows[0]?.count ?? 0);
  });
  return { applied, shipped: shippedMigrationCount() };
}

/**
 * Refuses to serve when the role request traffic runs as could see past row-level security: a
 * superuser, a BYPASSRLS role, or the owner of any table (owners skip policies unless forced, and can
 * turn them off). In server mode the connection's own login role is checked too, so pointing
 * DATABASE_APP_URL at a privileged role fails here rather than silently.
 */
export async function assertAppRoleIsConfined(database: Database): Promise<void> {
  const rows = await database.appSql(
    `select current_user as role, session_user as login,
       (select rolsuper from pg_roles where rolname = current_user) as superuser,
       (select rolbypassrls from pg_roles where rolname = current_user) as bypassrls,
       (select rolsuper or rolbypassrls from pg_roles where rolname = session_user) as login_privileged,
       (select count(*)::int from pg_class c join pg_roles r on r.oid = c.relowner
          where r.rolname = current_user and c.relkind in ('r', 'p')) as owned_tables`,
  );
  const row = rows[0] as
    | {
        role: string;
        login: string;
        superuser: boolean;
        bypassrls: boolean;
        login_privileged: boolean;
        owned_tables: number;
      }
    | undefined;
  if (!row) throw new UnsafeDatabaseRoleError("Could not read the application role's attributes.");
  const problems: string[] = [];
  if (row.role !== APP_ROLE) problems.push(`requests run as "${row.role}", expected "${APP_ROLE}"`);
  if (row.superuser) problems.push(`"${row.role}" is a superuser`);
  if (row.bypassrls) problems.push(`"${row.role}" has BYPASSRLS`);
  if (Number(row.owned_tables) > 0) problems.push(`"${row.role}" owns ${row.owned_tables} table(s)`);
  if (database.mode === "server" && (row.login !== APP_ROLE || row.login_privileged)) {
    problems.push(
      `the application connection logs in as "${row.login}", expected "${APP_ROLE}" (set DATABASE_APP_URL)`,
    );
  }
  if (problems.length > 0) {
    throw new UnsafeDatabaseRoleError(
      `Refusing to serve: the database role for requests could bypass row-level security: ${problems.join("; ")}.`,
    );
  }
}
