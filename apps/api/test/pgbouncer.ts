/**
 * Debian's PgBouncer (/usr/sbin/pgbouncer, or PGBOUNCER) of the test's own: its configuration in a
 * temporary directory, transaction pooling, on a free port, in front of a PostgreSQL server that trusts
 * 127.0.0.1. Every database name is passed through (`*`), so per-test databases need no entry. PgBouncer
 * refuses to run as root: as root it runs as the `postgres` user.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { freePort } from "./private-postgres.js";

export const PGBOUNCER = process.env.PGBOUNCER ?? "/usr/sbin/pgbouncer";

export interface PgBouncer {
  port: number;
  /** `url` with its host and port replaced by PgBouncer's. */
  through: (url: string) => string;
  /** Transactions PgBouncer has passed to `database` so far (SHOW STATS). */
  transactions: (database: string) => Promise<number>;
  stop: () => Promise<void>;
}

export interface PgBouncerOptions {
  /** The PostgreSQL server's port on 127.0.0.1. */
  serverPort: number;
  /** Server connections per database and user; 1 makes every client share one. */
  poolSize?: number;
  /** Passwords PgBouncer logs in to the server with, per user, where the server asks for one. */
  passwords?: Record<string, string>;
}

export async function startPgBouncer({
  serverPort,
  poolSize = 20,
  passwords = {},
}: PgBouncerOptions): Promise<PgBouncer> {
  if (!existsSync(PGBOUNCER)) throw new Error(`No PgBouncer at ${PGBOUNCER}: apt-get install pgbouncer`);
  const dir = mkdtempSync(join(tmpdir(), "nns-pgbouncer-"));
  const port = await freePort();
  // Clients are trusted, as on the test server; the auth file still has to name every user that
  // connects, and gives PgBouncer the password for the server where it asks for one.
  const users = { postgres: "", nns_app: "", ...passwords };
  writeFileSync(
    join(dir, "users.txt"),
    Object.entries(users)
      .map(([user, password]) => `"${user}" "${password.replaceAll('"', '""')}"\n`)
      .join(""),
  );
  writeFileSync(
    join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `* = host=127.0.0.1 port=${serverPort}`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = trust",
      `auth_file = ${join(dir, "users.txt")}`,
      "pool_mode = transaction",
      `default_pool_size = ${poolSize}`,
      "max_client_conn = 1000",
      // Startup parameters PgBouncer cannot keep per client in transaction mode; the drivers set them
      // to their defaults anyway.
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${join(dir, "pgbouncer.log")}`,
      `pidfile = ${join(dir, "pgbouncer.pid")}`,
      // The admin console (database "pgbouncer"), for tests that read its SHOW STATS.
      "admin_users = postgres",
      "",
    ].join("\n"),
  );
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    for (const file of ["", "users.txt", "pgbouncer.ini"]) chownSync(join(dir, file), id("-u"), id("-g"));
  }
  const ini = join(dir, "pgbouncer.ini");
  const child: ChildProcess = asRoot
    ? spawn("runuser", ["-u", "postgres", "--", PGBOUNCER, ini], { stdio: "ignore" })
    : spawn(PGBOUNCER, [ini], { stdio: "ignore" });
  const pid = () => {
    try {
      return Number(readFileSync(join(dir, "pgbouncer.pid"), "utf8").trim());
    } catch {
      return null;
    }
  };
  let stopped = false;
  const kill = () => {
    const own = pid();
    if (own) {
      try {
        process.kill(own, "SIGINT");
      } catch {
        // gone already
      }
    }
    child.kill("SIGINT");
  };
  const onExit = () => {
    kill();
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    process.off("exit", onExit);
    const exited = new Promise((resolve) =>
      child.exitCode === null ? child.once("exit", resolve) : resolve(0),
    );
    kill();
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready once it accepts a TCP connection.
  const started = Date.now();
  for (;;) {
    if (await accepts(port)) break;
    if (child.exitCode !== null || Date.now() - started > 15_000) {
      const log = existsSync(join(dir, "pgbouncer.log"))
        ? readFileSync(join(dir, "pgbouncer.log"), "utf8")
        : "";
      await stop();
      throw new Error(`PgBouncer did not start:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    through: (url) => {
      const bounced = new URL(url);
      bounced.hostname = "127.0.0.1";
      bounced.port = String(port);
      return bounced.toString();
    },
    transactions: async (database) => {
      // The admin console speaks only the simple query protocol.
      const admin = postgres(`postgres://postgres@127.0.0.1:${port}/pgbouncer`, {
        max: 1,
        prepare: false,
        // The type lookup postgres.js makes on connecting is an extended-protocol query.
        fetch_types: false,
        onnotice: () => {},
      });
      try {
        const rows = (await admin.unsafe("SHOW STATS").simple()) as unknown as Record<string, unknown>[];
        return Number(rows.find((row) => row.database === database)?.total_xact_count ?? 0);
      } finally {
        await admin.end({ timeout: 5 });
      }
    },
    stop,
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}
