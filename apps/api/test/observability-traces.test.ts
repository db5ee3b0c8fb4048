import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTracing, type Tracing } from "../src/observability/tracing.js";
import { Client, expectData, PASSWORD } from "./client.js";
import { freshTenant, setupTestApp, type TestEnv } from "./helpers.js";

const exporter = new InMemorySpanExporter();
let tracing: Tracing;
let env: TestEnv;

beforeAll(async () => {
  tracing = startTracing({ serviceName: "nns-api-test", spanProcessor: new SimpleSpanProcessor(exporter) });
  env = await setupTestApp({ tracing: true });
});
afterAll(async () => {
  await env?.close();
  await tracing?.shutdown();
});

const childrenOf = (span: ReadableSpan, spans: ReadableSpan[]) =>
  spans.filter((s) => s.parentSpanContext?.spanId === span.spanContext().spanId);

describe("traces (OTEL_ENABLED)", () => {
  it("make a server span per request, named by route pattern, with its SQL statements as children", async () => {
    const t = await freshTenant(env);
    const client = await t.signIn("admin");
    exporter.reset();
    expectData(await client.GET("/orgs/{orgId}", { params: { path: { orgId: t.org.id } } }));
    const spans = exporter.getFinishedSpans();
    const server = spans.find((s) => s.name === "GET /v1/orgs/{orgId}");
    expect(server?.attributes).toMatchObject({
      "http.route": "/v1/orgs/{orgId}",
      "http.response.status_code": 200,
    });
    if (!server) throw new Error("no server span");
    const statements = childrenOf(server, spans);
    expect(statements.length).toBeGreaterThan(0);
    for (const span of statements) {
      expect(span.attributes["db.system"]).toBe("postgresql");
      expect(typeof span.attributes["db.statement"]).toBe("string");
      expect(span.spanContext().traceId).toBe(server.spanContext().traceId);
    }
    // The organization is looked up by a parameter, and its id is in no span.
    expect(statements.some((s) => /\$1/.test(String(s.attributes["db.statement"])))).toBe(true);
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain(t.org.id);
  });

  it("never record a parameter's value: a sign-in's address and password appear in no span", async () => {
    exporter.reset();
    const t = await freshTenant(env);
    exporter.reset();
    await new Client(env).POST("/auth/login", { body: { email: t.admin.email, password: PASSWORD } });
    const spans = exporter.getFinishedSpans();
    const server = spans.find((s) => s.name === "POST /v1/auth/login");
    if (!server) throw new Error("no server span");
    expect(childrenOf(server, spans).length).toBeGreaterThan(0);
    const recorded = JSON.stringify(spans.map((s) => [s.name, s.attributes]));
    expect(recorded).not.toContain(t.admin.email);
    expect(recorded).not.toContain(PASSWORD);
  });

  it("continue the caller's trace from its traceparent header", async () => {
    exporter.reset();
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    await env.app.request("http://localhost:3000/health", {
      headers: { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const server = exporter.getFinishedSpans().find((s) => s.name === "GET /health");
    expect(server?.spanContext().traceId).toBe(traceId);
    expect(server?.parentSpanContext?.spanId).toBe("00f067aa0ba902b7");
  });

  it("are posted by the OTLP/HTTP exporter to a collector", async () => {
    exporter.reset();
    const t = await freshTenant(env);
    const client = await t.signIn("viewer");
    exporter.reset();
    await client.GET("/orgs/{orgId}", { params: { path: { orgId: t.org.id } } });
    const bodies: { path: string; type: string; body: string }[] = [];
    const collector = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => {
        body += chunk.toString("utf8");
      });
      req.on("end", () => {
        bodies.push({ path: req.url ?? "", type: req.headers["content-type"] ?? "", body });
        res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
    const { port } = collector.address() as AddressInfo;
    const otlp = new OTLPTraceExporter({ url: `http://127.0.0.1:${port}/v1/traces` });
    const result = await new Promise<{ code: number }>((resolve) =>
      otlp.export(exporter.getFinishedSpans(), resolve),
    );
    await otlp.shutdown();
    await new Promise<void>((resolve) => collector.close(() => resolve()));
    expect(result.code).toBe(0);
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toMatchObject({ path: "/v1/traces", type: "application/json" });
    expect(bodies[0]?.body).toContain("GET /v1/orgs/{orgId}");
    expect(bodies[0]?.body).toContain("postgresql");
  });
});
