import type { AddressInfo } from "node:net";
import { transaction } from "@nns/db";
import pino from "pino";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../src/app.js";
import { metricsApp } from "../src/observability/metrics.js";
import { Client, expectData, PUBLIC_URL } from "./client.js";
import { freshTenant, setupTestApp, type TestEnv } from "./helpers.js";

let smtp: SMTPServer;
let env: TestEnv;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    // A recipient the server refuses for good, as a mailbox that does not exist is.
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith("finns.inte.")) {
        callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      } else callback();
    },
    onData(stream, _session, callback) {
      stream.on("data", () => undefined);
      stream.on("end", () => callback());
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  env = await setupTestApp({ smtpUrl: `smtp://127.0.0.1:${port}`, metrics: true });
});
afterAll(async () => {
  await env?.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

async function scrape(): Promise<string> {
  if (!env.metrics) throw new Error("metrics are on in this file");
  const res = await metricsApp(env.metrics).request("/metrics");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/plain");
  return res.text();
}

/** The value of one series, by its exact label set as prom-client writes it; 0 when absent. */
function seriesValue(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("metrics (METRICS_ENABLED)", () => {
  it("counts requests by method, route pattern and status, and times them by route", async () => {
    const t = await freshTenant(env);
    const client = await t.signIn("admin");
    const before = await scrape();
    const route = 'route="/v1/orgs/{orgId}"';
    expectData(await client.GET("/orgs/{orgId}", { params: { path: { orgId: t.org.id } } }));
    expectData(await client.GET("/orgs/{orgId}", { params: { path: { orgId: t.org.id } } }));
    // Not signed in: a 401 on the same route is its own series.
    await new Client(env).GET("/orgs/{orgId}", { params: { path: { orgId: t.org.id } } });
    const after = await scrape();

    const ok = `http_requests_total{method="GET",${route},status="200"}`;
    expect(seriesValue(after, ok) - seriesValue(before, ok)).toBe(2);
    const unauthorized = `http_requests_total{method="GET",${route},status="401"}`;
    expect(seriesValue(after, unauthorized) - seriesValue(before, unauthorized)).toBe(1);
    const count = `http_request_duration_seconds_count{method="GET",${route}}`;
    expect(seriesValue(after, count) - seriesValue(before, count)).toBe(3);
    expect(after).toContain(`http_request_duration_seconds_bucket{le="0.05",method="GET",${route}}`);
    // The pattern, never the path: no id reaches a label.
    expect(after).not.toContain(t.org.id);
    // The process metrics come along.
    expect(after).toMatch(/^process_cpu_seconds_total \d/m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
  });

  it("names a request no route matched after the last middleware, whatever its path", async () => {
    const before = await scrape();
    for (const id of ["a1", "b2", "c3"]) await env.app.request(`${PUBLIC_URL}/finns-inte/${id}`);
    const after = await scrape();
    const series = after
      .split("\n")
      .filter((l) => l.startsWith("http_requests_total") && l.includes('status="404"'));
    expect(series.some((l) => /finns-inte|a1|b2|c3/.test(l))).toBe(false);
    const total = (text: string) =>
      text
        .split("\n")
        .filter((l) => l.startsWith("http_requests_total") && l.includes('status="404"'))
        .reduce((sum, l) => sum + Number(l.split(" ").at(-1)), 0);
    expect(total(after) - total(before)).toBe(3);
  });

  it("counts a 5xx under its status", async () => {
    const before = await scrape();
    const app = createApp(env.deps, {
      cookieSecure: true,
      trustProxy: true,
      publicUrl: PUBLIC_URL,
      logger: pino({ level: "silent" }),
      metrics: env.metrics,
    });
    // The database closed under the app would be one way; a failing health check of our own is simpler.
    app.get("/trasig", () => {
      throw new Error("sönder");
    });
    expect((await app.request(`${PUBLIC_URL}/trasig`)).status).toBe(500);
    const after = await scrape();
    const series = 'http_requests_total{method="GET",route="/trasig",status="500"}';
    expect(seriesValue(after, series) - seriesValue(before, series)).toBe(1);
  });

  it("counts emails handed to SMTP and refused by it", async () => {
    const t = await freshTenant(env);
    const client = await t.signIn("admin");
    const before = await scrape();
    for (const email of [`ny.person.${t.org.slug}@test.se`, `finns.inte.${t.org.slug}@test.se`]) {
      expectData(
        await client.POST("/orgs/{orgId}/invitations", {
          params: { path: { orgId: t.org.id } },
          body: { email, role: "viewer" },
        }),
        201,
      );
    }
    await vi.waitFor(
      async () => {
        const after = await scrape();
        expect(seriesValue(after, "emails_sent_total") - seriesValue(before, "emails_sent_total")).toBe(1);
        const failed = 'emails_failed_total{outcome="failed"}';
        expect(seriesValue(after, failed) - seriesValue(before, failed)).toBe(1);
      },
      { timeout: 15_000, interval: 200 },
    );
  });

  it("shows jobs waiting per queue and counts a job that failed", async () => {
    // A queue no worker of this test serves: the job waits its hour, visible in the queue's depth.
    await transaction(env.deps.db, {}, (tx) =>
      env.deps.jobs.enqueue(tx, "stripe.mark-paid-out-of-band", {}, { startAfterSeconds: 3_600 }),
    );
    const waiting = await scrape();
    expect(seriesValue(waiting, 'job_queue_jobs{queue="stripe.mark-paid-out-of-band",state="created"}')).toBe(
      1,
    );

    const failures = 'job_failures_total{queue="stripe.mirror-invoice"}';
    const before = seriesValue(waiting, failures);
    await env.deps.jobs.work("stripe.mirror-invoice", async () => {
      throw new Error("Stripe svarar inte");
    });
    await transaction(env.deps.db, {}, (tx) => env.deps.jobs.enqueue(tx, "stripe.mirror-invoice", {}));
    await vi.waitFor(async () => expect(seriesValue(await scrape(), failures) - before).toBe(1), {
      timeout: 15_000,
      interval: 200,
    });
  });

  it("counts request traffic's open transactions and statements in flight", async () => {
    const { activity } = env.deps.db;
    const seen = await env.deps.db.appTransaction(async (query) => {
      const inside = activity.transactionsOpen;
      await query("select 1");
      return inside;
    });
    expect(seen).toBe(1);
    const text = await scrape();
    expect(seriesValue(text, "db_transactions_open")).toBe(0);
    expect(seriesValue(text, "db_queries_in_flight")).toBe(0);
    if (env.deps.db.mode === "server") expect(seriesValue(text, "db_pool_max_connections")).toBe(20);
    else expect(text).not.toMatch(/^db_pool_max_connections /m);
  });

  it("are never served on the API's own port, on or off", async () => {
    expect((await env.app.request(`${PUBLIC_URL}/metrics`)).status).toBe(404);
    const withoutMetrics = createApp(env.deps, {
      cookieSecure: true,
      trustProxy: true,
      publicUrl: PUBLIC_URL,
      logger: pino({ level: "silent" }),
    });
    expect((await withoutMetrics.request(`${PUBLIC_URL}/metrics`)).status).toBe(404);
  });
});
