/**
 * The app with a PostgreSQL server that is not there (a port nothing listens on): liveness stays up,
 * readiness says why not, and every request that needs the database gets 503 problem+json with
 * Retry-After instead of a 500. Needs no database, so it runs in both passes.
 */
import { createServer } from "node:net";
import { openDatabase } from "@nns/db";
import { createDeps } from "@nns/services";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import { shutdownDeps } from "../src/bootstrap.js";
import { PUBLIC_URL } from "./client.js";

let app: ReturnType<typeof createApp>;
let close: () => Promise<void>;

beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  const url = `postgres://nns_app@127.0.0.1:${port}/nns`;
  const db = await openDatabase({ mode: "server", url, appUrl: url, appPassword: null, poolMax: 2 });
  const deps = createDeps(
    db,
    {
      publicUrl: PUBLIC_URL,
      session: { idleTimeoutMs: 3_600_000, absoluteTimeoutMs: 12 * 3_600_000 },
      loginThrottle: { maxPerPair: 5, maxPerAccount: 50, maxPerIp: 20, windowMs: 900_000 },
      minGroupSize: 5,
    },
    { smtpUrl: null, from: "NNS test <test@nns.localhost>" },
  );
  app = createApp(deps, {
    cookieSecure: true,
    trustProxy: true,
    publicUrl: PUBLIC_URL,
    logger: pino({ level: "silent" }),
  });
  close = () => shutdownDeps(deps);
});
afterAll(async () => close?.());

const request = (path: string, init: RequestInit = {}) => app.request(`${PUBLIC_URL}${path}`, init);

describe("while the database cannot be reached", () => {
  it("stays live but not ready", async () => {
    expect((await request("/health")).status).toBe(200);
    const ready = await request("/ready");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: "not_ready",
      database: "unreachable",
      migrations: null,
    });
  });

  it.each([
    [
      "a sign-in",
      "/v1/auth/login",
      { method: "POST", body: JSON.stringify({ email: "a@b.se", password: "x" }) },
    ],
    [
      "an API-key request",
      "/v1/auth/me",
      { headers: { authorization: "Bearer nns_abcdefghijklmnop_abcdefghijklmnopqrstuvwxyz234567" } },
    ],
    ["a public catalogue search", "/v1/catalog/interventions?q=arbete", {}],
  ] as const)("answers %s with 503 service_unavailable and Retry-After", async (_, path, init) => {
    const res = await request(path, {
      ...init,
      headers: {
        "content-type": "application/json",
        origin: PUBLIC_URL,
        ...("headers" in init ? init.headers : {}),
      },
    } as RequestInit);
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await res.json()) as { code: string; status: number; detail: string };
    expect(body).toMatchObject({ code: "service_unavailable", status: 503 });
    expect(body.detail).toContain("Idempotency-Key");
  });
});
