/**
 * Benchmark: the gzipped JavaScript the browser loads for the first page (sign-in), and the time until
 * the dashboard is usable (heading and organization facts rendered) in headless Chromium against a local
 * server. Prints figures; asserts nothing. Target: at most 200 KB gzipped initial JavaScript.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { openPage, signIn, startHarness } from "../test/harness.js";

const DIST = fileURLToPath(new URL("../dist", import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const h = await startHarness();
try {
  const { page } = await openPage(h);
  const scripts = new Set<string>();
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (url.pathname.endsWith(".js")) scripts.add(url.pathname);
  });
  await page.goto(`${h.base}/login`);
  await page.getByRole("heading", { level: 1, name: "Logga in" }).waitFor();
  await page.waitForLoadState("networkidle");
  const sizes = [...scripts].map((path) => {
    const raw = readFileSync(join(DIST, path));
    return { path, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
  });
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
  const rawTotal = sizes.reduce((sum, s) => sum + s.raw, 0);

  await signIn(page, h.base, "admin.halland@demo.nns.se");
  const orgId = new URL(page.url()).pathname.split("/")[2];
  const timings: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await page.goto(`${h.base}/o/${orgId}`, { waitUntil: "commit" });
    await page.getByRole("heading", { level: 1, name: "Samordningsförbundet Halland" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Huvudmän" }).waitFor();
    await page.getByText("Försäkringskassan").first().waitFor();
    timings.push(performance.now() - started);
  }
  timings.sort((a, b) => a - b);
  const at = (p: number) =>
    timings[Math.min(timings.length - 1, Math.floor(p * timings.length))] ?? Number.NaN;

  process.stdout.write(
    [
      "",
      "Admin app, first page (/login) in headless Chromium",
      ...sizes.map(
        (s) =>
          `  ${s.path.padEnd(44)} ${(s.raw / 1024).toFixed(1).padStart(8)} KB raw ${(s.gzip / 1024).toFixed(1).padStart(7)} KB gzip`,
      ),
      `  ${"total initial JavaScript".padEnd(44)} ${(rawTotal / 1024).toFixed(1).padStart(8)} KB raw ${(total / 1024).toFixed(1).padStart(7)} KB gzip (target ≤ 200 KB)`,
      "",
      `Dashboard usable after navigation (signed in, ${RUNS} runs): median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, best ${at(0).toFixed(0)} ms`,
      "",
    ].join("\n"),
  );
  await page.context().close();
} finally {
  await h.close();
}
