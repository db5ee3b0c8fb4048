/**
 * A PostgreSQL server of the test's own, in a temporary directory on a free port, so a test can stop and
 * restart it without touching the shared server on 5432. Uses the binaries of Debian's `postgresql`
 * package (installed by infra/ensure-postgres.sh) or PG_BINDIR; as root, runs them as the `postgres`
 * user, since initdb refuses to run as root.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export interface PrivatePostgres {
  port: number;
  /** Superuser URL (trust authentication on 127.0.0.1). */
  url: string;
  /** `pg_ctl restart -m fast`: sessions are ended with 57P01, the server is back when this resolves. */
  restart: () => Promise<void>;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** Stops the server at once and deletes its directory; safe to call twice. */
  destroy: () => Promise<void>;
}

/** The directory holding initdb and pg_ctl, or null when no PostgreSQL server binaries are installed. */
export function postgresBinDir(): string | null {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], "bin") : null;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error("No PostgreSQL server binaries: install Debian's postgresql or set PG_BINDIR");
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), "nns-pg-"));
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  if (asRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, id("-u"), id("-g"));
  }
  // initdb refuses to run as root: as root, every tool runs as the postgres user.
  const command = (tool: string, args: string[]): [string, string[]] =>
    asRoot ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]] : [join(bin, tool), args];
  // Asynchronous, so the test's own load keeps running while the server restarts.
  const run = async (tool: string, args: string[]) => {
    try {
      await execFileAsync(...command(tool, args), { encoding: "utf8", timeout: 60_000 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`${tool} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`);
    }
  };
  const port = await freePort();
  // Durability is not under test: fsync off keeps initdb and restarts quick on a shared machine.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60`;
  const pgCtl = (...args: string[]) => run("pg_ctl", ["-D", data, "-l", log, ...args]);
  let destroyed = false;
  // If the test process ends without destroy (a crash, an interrupt), the server must not outlive it.
  const onExit = () => {
    spawnSync(...command("pg_ctl", ["-D", data, "stop", "-m", "immediate"]));
    rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", onExit);
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    process.off("exit", onExit);
    await pgCtl("stop", "-m", "immediate", "-w").catch(() => {
      // not running
    });
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await run("initdb", [
      "-D",
      data,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    await pgCtl("start", "-w", "-t", "30", "-o", serverOptions);
  } catch (error) {
    await destroy();
    throw error;
  }
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    restart: () => pgCtl("restart", "-m", "fast", "-w", "-t", "30", "-o", serverOptions),
    stop: () => pgCtl("stop", "-m", "fast", "-w", "-t", "30"),
    start: () => pgCtl("start", "-w", "-t", "30", "-o", serverOptions),
    destroy,
  };
}
