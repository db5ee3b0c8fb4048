/**
 * Benchmark: Lighthouse (mobile emulation, its default: a mid-range phone on a throttled 4G link) against
 * the built product — the bundled API serving the built admin on a fresh embedded database with the demo
 * data, started as a separate process — for the public catalogue, one entry page, the accessibility
 * statement and the admin's sign-in page. Prints the four category scores and LCP beside the targets, and
 * every audit that cost a public page points. Asserts nothing.
 *
 * Needs `pnpm --filter @nns/api build` and `pnpm --filter @nns/admin build` first (turbo does both for
 * `pnpm bench`).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const API = fileURLToPath(new URL("../../api", import.meta.url));
const SERVER = join(API, "dist", "server.js");
const ADMIN = fileURLToPath(new URL("../dist/index.html", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

interface Target {
  name: string;
  path: string;
  /** The lowest acceptable score per category (0–100), and the slowest acceptable LCP. */
  min: Partial<Record<(typeof CATEGORIES)[number], number>>;
  maxLcpMs?: number;
}

for (const [file, build] of [
  [SERVER, "@nns/api"],
  [ADMIN, "@nns/admin"],
] as const) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`pnpm --filter ${build} build\` first.`);
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

const port = await freePort();
const base = `http://localhost:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), "nns-lighthouse-"));
// The embedded database, whatever the shell says: the bench measures pages, not a database server.
const { DATABASE_URL: _server, ...env } = process.env;
const server = spawn(process.execPath, [SERVER], {
  cwd: API,
  env: {
    ...env,
    PORT: String(port),
    PUBLIC_URL: base,
    DATA_DIR: dataDir,
    DEMO_DATA: "always",
    LOG_LEVEL: "warn",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
await new Promise<void>((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000);
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes("Listening on")) {
      clearTimeout(timer);
      resolve();
    }
  };
  server.stdout.on("data", onData);
  server.stderr.on("data", onData);
  server.once("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
});

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu"],
});

try {
  const hits = (await (await fetch(`${base}/v1/catalog/interventions?q=resursteam`)).json()) as {
    data: { id: string }[];
  };
  const entry = hits.data[0]?.id;
  if (!entry) throw new Error("the demo catalogue has no RESAM entry");
  const perfect = { performance: 100, accessibility: 100, "best-practices": 100, seo: 100 };
  const targets: Target[] = [
    { name: "/katalog", path: "/katalog", min: perfect },
    { name: "/katalog/{RESAM}", path: `/katalog/${entry}`, min: perfect },
    { name: "/tillganglighet", path: "/tillganglighet", min: perfect },
    { name: "/login (admin)", path: "/login", min: { performance: 95 }, maxLcpMs: 2500 },
  ];

  let version = "";
  const rows: string[] = [];
  const lost: string[] = [];
  // BENCH_ONLY=login measures only the pages whose name contains it, while working on one.
  for (const target of targets.filter((t) => t.name.includes(process.env.BENCH_ONLY ?? ""))) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(`${base}${target.path}`, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${target.path}`);
      runs.push(result.lhr);
    }
    // The median run by performance: the other categories do not vary between runs.
    runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
    const lhr = runs[Math.floor(runs.length / 2)];
    if (!lhr) continue;
    version = lhr.lighthouseVersion;
    const score = (c: (typeof CATEGORIES)[number]) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
    const lcp = lhr.audits["largest-contentful-paint"]?.numericValue ?? Number.NaN;
    const cells = CATEGORIES.map((c) => {
      const min = target.min[c];
      return `${String(score(c)).padStart(3)}${min === undefined ? "     " : score(c) >= min ? "  ok " : " LOW "}`;
    });
    const lcpOk = target.maxLcpMs === undefined ? "" : lcp <= target.maxLcpMs ? " ok" : " SLOW";
    const allPerf = runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)).join("/");
    rows.push(
      `  ${target.name.padEnd(18)} ${cells.join(" ")} ${(lcp / 1000).toFixed(2).padStart(5)} s${lcpOk}   (performance per run ${allPerf})`,
    );
    for (const c of CATEGORIES) {
      for (const ref of lhr.categories[c]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          lost.push(`  ${target.name}: ${c} – ${audit.id} (${audit.title}) ${audit.displayValue ?? ""}`);
        }
      }
    }
  }
  process.stdout.write(
    [
      "",
      `Lighthouse ${version} mobile emulation, median of ${RUNS} runs by performance`,
      `  ${"page".padEnd(18)} ${CATEGORIES.map((c) => c.slice(0, 8).padEnd(8)).join(" ")}   LCP`,
      ...rows,
      "  targets: /katalog, the entry and the statement 100 in all four; /login performance ≥ 95, LCP ≤ 2,5 s",
      "",
      lost.length > 0 ? "Audits that cost points:" : "No audit cost points.",
      ...lost,
      "",
    ].join("\n"),
  );
} finally {
  await chrome.kill();
  server.kill("SIGTERM");
  await new Promise((resolve) => server.once("exit", resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
