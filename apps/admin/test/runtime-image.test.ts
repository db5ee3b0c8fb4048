/**
 * The Dockerfile's runtime stage, run for real without Docker (docs/deployment.md): the production
 * dependencies installed by the prod-deps stage's own command, then every COPY of the runtime stage
 * replayed into an empty directory, and the image's CMD, HEALTHCHECK and migration command run from there.
 * A file the runtime needs but the COPY list misses (PGlite's WebAssembly, the migrations, the admin app)
 * fails here. It lives in the admin's suite because that task builds both apps first (turbo.json).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative } from "node:path";
import { execForm, parseCopy, parseDockerfile, stage } from "@nns/config/dockerfile";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const dockerfile = parseDockerfile(readFileSync(join(ROOT, "Dockerfile"), "utf8"));
const scratch = mkdtempSync(join(tmpdir(), "nns-image-"));
const prodDeps = join(scratch, "prod-deps");
const runtime = join(scratch, "runtime");
const dataDir = join(scratch, "data");

const workdirOf = (name: string): string =>
  stage(dockerfile, name)
    .instructions.filter((i) => i.keyword === "WORKDIR")
    .at(-1)?.args ?? workdirOf(stage(dockerfile, name).from);
const instructions = (name: string, keyword: string) =>
  stage(dockerfile, name).instructions.filter((i) => i.keyword === keyword);

/** Docker's COPY: a directory's contents into the destination; into a folder when it ends with "/". */
function copy(source: string, destination: string): void {
  if (!existsSync(source)) throw new Error(`COPY source missing: ${relative(scratch, source)}`);
  const target = destination.endsWith("/") ? join(destination, basename(source)) : destination;
  mkdirSync(dirname(target), { recursive: true });
  // Out of our own scratch stage it is moved: the same layout, without copying hundreds of megabytes of
  // small files (minutes on a busy machine). Out of the checkout it is copied, symlinks as they are.
  if (source.startsWith(scratch)) renameSync(source, target);
  else cpSync(source, target, { recursive: true, verbatimSymlinks: true });
}

/** The directory each stage's /app stands for here: the build stage's is this checkout, built. */
const STAGE_ROOTS: Record<string, string> = { build: ROOT, "prod-deps": prodDeps };

let env: NodeJS.ProcessEnv;
let server: ChildProcess | undefined;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

beforeAll(async () => {
  // prod-deps = deps' manifests (COPY from the build context) + prod-deps' own RUN.
  for (const { args } of instructions("deps", "COPY")) {
    const { sources, destination } = parseCopy(args);
    for (const source of sources) copy(join(ROOT, source), join(prodDeps, destination));
  }
  for (const { args } of instructions("prod-deps", "RUN")) {
    const result = spawnSync("sh", ["-c", args], {
      cwd: prodDeps,
      env: { ...process.env, CI: "true" },
      encoding: "utf8",
      timeout: 300_000,
    });
    expect(result.status, `${args}\n${result.stdout}\n${result.stderr}`).toBe(0);
  }

  // runtime = its COPY --from lines, paths taken relative to each stage's working directory.
  for (const { args } of instructions("runtime", "COPY")) {
    const { from, sources, destination } = parseCopy(args);
    const stageRoot = from ? STAGE_ROOTS[from] : undefined;
    if (!from || !stageRoot) throw new Error(`COPY from an unexpected place: ${args}`);
    for (const source of sources) {
      copy(join(stageRoot, relative(workdirOf(from), source)), join(runtime, destination));
    }
  }

  const declared = instructions("runtime", "ENV")
    .flatMap((i) => i.args.split(/\s+/))
    .map((pair) => pair.split("=") as [string, string]);
  mkdirSync(dataDir);
  env = {
    PATH: process.env.PATH,
    ...Object.fromEntries(declared),
    // Loopback and a free port instead of the container's 0.0.0.0:3000; a fresh embedded database.
    HOST: "127.0.0.1",
    PORT: String(await freePort()),
    DATA_DIR: dataDir,
    DEMO_DATA: "never",
    LOG_LEVEL: "warn",
  };
}, 600_000);

afterAll(() => {
  server?.kill("SIGKILL");
  rmSync(scratch, { recursive: true, force: true });
});

function lastExecForm(keyword: string): string[] {
  const args = instructions("runtime", keyword).at(-1)?.args ?? "";
  const command = execForm(keyword === "HEALTHCHECK" ? args.slice(args.indexOf("CMD ") + 4) : args);
  if (!command) throw new Error(`${keyword} is not in exec form`);
  return command;
}

describe("the image's runtime stage, replayed without Docker", () => {
  it("holds production dependencies only", () => {
    const store = readdirSync(join(runtime, "node_modules/.pnpm"));
    expect(store.some((name) => name.startsWith("@electric-sql+pglite@"))).toBe(true);
    expect(
      store.filter((name) => /^(vitest|vite|tsup|tsx|playwright-core|@biomejs\+biome)@/.test(name)),
    ).toEqual([]);
  });

  it("starts the API with the image's CMD, passes its HEALTHCHECK, is ready and serves the admin app", async () => {
    const [command = "", ...args] = lastExecForm("CMD");
    const child = spawn(command, args, { cwd: runtime, env, stdio: ["ignore", "pipe", "pipe"] });
    server = child;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 180_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Listening on")) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.on("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    const base = `http://127.0.0.1:${env.PORT}`;

    const [probe = "", ...probeArgs] = lastExecForm("HEALTHCHECK");
    expect(spawnSync(probe, probeArgs, { cwd: runtime, env, timeout: 30_000 }).status).toBe(0);

    const ready = await fetch(`${base}/ready`);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "ok" });
    const admin = await fetch(`${base}/`);
    expect(admin.status).toBe(200);
    expect(await admin.text()).toBe(readFileSync(join(ROOT, "apps/admin/dist/index.html"), "utf8"));
    expect((await fetch(`${base}/docs`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    server = undefined;
  }, 240_000);

  it("runs the migration step as its own command", () => {
    const result = spawnSync("node", ["apps/api/dist/cli.js", "migrate"], {
      cwd: runtime,
      env,
      encoding: "utf8",
      timeout: 180_000,
    });
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  }, 240_000);
});
