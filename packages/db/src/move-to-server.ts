import { once } from "node:events";
import postgres from "postgres";
import { type Database, openDatabase } from "./client.js";
import { runMigrations } from "./migrate.js";

/**
 * Moving an installation from the embedded database to a PostgreSQL server (decision 0032). The target
 * is migrated by the same code as the source, so both have the same tables; then every table's rows
 * are copied with COPY in one transaction on the target, sequences set to where the source's stood,
 * and the row counts compared. Reference data the migrations insert on the target is replaced by the
 * source's rows, so ids and edits made by NNS stay as they were.
 */

/** The queue's tables worth moving; its version and queue rows are made by the queue's own start. */
const QUEUE_TABLES = ["job", "schedule", "subscription"] as const;
/** Jobs still to run; finished ones are history the queue would delete within days anyway. */
const PENDING_JOB_STATES = "('created', 'retry', 'active')";

export interface MoveOptions {
  /** Owner connection to the target database: it must be empty. */
  to: string;
  /** The application role's URL on the target (DATABASE_APP_URL, or derived from `to`). */
  appUrl: string;
  appPassword: string | null;
  /** Makes what the migrations do not, before the copy: the job queue's schema and queues. */
  prepareTarget?: (target: Database) => Promise<void>;
  log?: (line: string) => void;
}

export interface MovedTable {
  table: string;
  rows: number;
}

export interface MoveSummary {
  tables: MovedTable[];
  rows: number;
  pendingJobs: number;
  sequences: number;
  migrations: number;
  milliseconds: number;
}

export class MoveRefusedError extends Error {}

interface TablePlan {
  table: string;
  columns: string[];
  /** Which rows move: all, or the queue's pending jobs. */
  where: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function moveToServer(source: Database, options: MoveOptions): Promise<MoveSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  if (source.mode !== "embedded" || !source.copyOut) {
    throw new MoveRefusedError(
      "The source must be the embedded database (unset DATABASE_URL, set DATA_DIR).",
    );
  }
  const copyOut = source.copyOut;
  const admin = postgres(options.to, { max: 1, onnotice: () => {} });
  let target: Database | null = null;
  try {
    await refuseUnlessEmpty(admin);
    log("Migrating the target database");
    target = await openDatabase({
      mode: "server",
      url: options.to,
      appUrl: options.appUrl,
      appPassword: options.appPassword,
      poolMax: 2,
    });
    await runMigrations(target, { appPassword: options.appPassword });
    await options.prepareTarget?.(target);

    const plans = await tablePlans(source);
    await sameColumns(plans, admin);
    const sequences = await source.ownerSql(
      `select format('%I.%I', schemaname, sequencename) as name, last_value::text as value
         from pg_sequences where schemaname in ('public', 'pgboss') and last_value is not null`,
    );
    const moved: MovedTable[] = [];
    await admin.begin(async (tx) => {
      // Rows arrive in any order and as they were: foreign keys and triggers (audit, search documents,
      // version counters) would reject or rewrite them, so this transaction runs as a replica would.
      await tx.unsafe("set local session_replication_role = replica");
      const publicTables = plans.filter((p) => p.table.startsWith("public."));
      await tx.unsafe(`truncate ${publicTables.map((p) => p.table).join(", ")}`);
      for (const plan of plans) {
        const columns = plan.columns.map(quote).join(", ");
        const data = await copyOut(
          `copy (select ${columns} from ${plan.table} ${plan.where}) to '/dev/blob'`,
        );
        const stream = await tx.unsafe(`copy ${plan.table} (${columns}) from stdin`).writable();
        stream.end(data);
        await once(stream, "finish");
        const [count] = await tx.unsafe(`select count(*)::int as n from ${plan.table} ${plan.where}`);
        moved.push({ table: plan.table, rows: Number(count?.n ?? 0) });
        log(`  ${plan.table}: ${count?.n ?? 0}`);
      }
      for (const sequence of sequences) {
        await tx.unsafe("select setval($1::regclass, $2::bigint, true)", [
          String(sequence.name),
          String(sequence.value),
        ]);
      }
    });

    const verified = await verifyCounts(source, admin, plans, moved);
    const [migrations] = await admin.unsafe("select count(*)::int as n from drizzle.__drizzle_migrations");
    const [sourceMigrations] = await source.ownerSql(
      "select count(*)::int as n from drizzle.__drizzle_migrations",
    );
    if (Number(migrations?.n) !== Number(sourceMigrations?.n)) {
      throw new Error(
        `The target has ${migrations?.n} migrations applied, the source ${sourceMigrations?.n}: run both on the same release.`,
      );
    }
    return {
      tables: verified,
      rows: verified.reduce((sum, t) => sum + t.rows, 0),
      pendingJobs: verified.find((t) => t.table === "pgboss.job")?.rows ?? 0,
      sequences: sequences.length,
      migrations: Number(migrations?.n ?? 0),
      milliseconds: Date.now() - started,
    };
  } finally {
    await target?.close();
    await admin.end({ timeout: 5 });
  }
}

/** Anything in the target's schemas, or a migration history, means it is someone's database. */
async function refuseUnlessEmpty(admin: postgres.Sql): Promise<void> {
  const rows = await admin.unsafe(
    `select format('%I.%I', n.nspname, c.relname) as name from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'S')
        and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
      order by 1 limit 6`,
  );
  if (rows.length > 0) {
    const names = rows.slice(0, 5).map((r) => r.name as string);
    throw new MoveRefusedError(
      `The target database is not empty (${names.join(", ")}${rows.length > 5 ? ", …" : ""}): move only into a new, empty database.`,
    );
  }
}

/** The tables to copy, from the source's catalogue: their stored (not generated) columns and which rows. */
async function tablePlans(source: Database): Promise<TablePlan[]> {
  const rows = await source.ownerSql(
    `select format('%I.%I', n.nspname, c.relname) as table, n.nspname as schema, c.relname as name,
            array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where c.relkind in ('r', 'p') and not c.relispartition
        and (n.nspname = 'public' or (n.nspname = 'pgboss' and c.relname = any($1)))
      group by 1, 2, 3
      order by 2 desc, 3`,
    [[...QUEUE_TABLES]],
  );
  return rows.map((r) => ({
    table: r.table as string,
    columns: r.columns as string[],
    where: r.schema === "pgboss" && r.name === "job" ? `where state in ${PENDING_JOB_STATES}` : "",
  }));
}

/** Same release on both sides means the same columns; a difference would copy into the wrong ones. */
async function sameColumns(plans: TablePlan[], admin: postgres.Sql): Promise<void> {
  for (const plan of plans) {
    const [row] = await admin.unsafe(
      `select array_agg(attname::text order by attnum) as columns from pg_attribute
        where attrelid = $1::regclass and attnum > 0 and not attisdropped and attgenerated = ''`,
      [plan.table],
    );
    const columns = (row?.columns as string[] | null) ?? [];
    if (columns.join(",") !== plan.columns.join(",")) {
      throw new Error(`${plan.table} has other columns on the target than in the embedded database.`);
    }
  }
}

async function verifyCounts(
  source: Database,
  admin: postgres.Sql,
  plans: TablePlan[],
  moved: MovedTable[],
): Promise<MovedTable[]> {
  const differences: string[] = [];
  const verified: MovedTable[] = [];
  for (const plan of plans) {
    const query = `select count(*)::int as n from ${plan.table} ${plan.where}`;
    const [inSource] = await source.ownerSql(query);
    const [inTarget] = await admin.unsafe(query);
    const rows = Number(inTarget?.n ?? 0);
    if (Number(inSource?.n) !== rows) differences.push(`${plan.table}: ${inSource?.n} → ${rows}`);
    verified.push({ table: plan.table, rows });
  }
  if (moved.length !== plans.length) differences.push("not every table was copied");
  if (differences.length > 0) {
    throw new Error(`The row counts differ after the move: ${differences.join("; ")}`);
  }
  return verified;
}
