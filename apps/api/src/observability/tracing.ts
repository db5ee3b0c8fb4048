import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  trace,
} from "@opentelemetry/api";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import type { MiddlewareHandler } from "hono";
import { routeLabel } from "./route-label.js";

export interface TracingOptions {
  serviceName: string;
  /** OTLP/HTTP base address; spans are posted to `<endpoint>/v1/traces`. */
  endpoint?: string;
  /** Instead of the OTLP exporter (tests hand in the SDK's in-memory one). */
  spanProcessor?: SpanProcessor;
}

export interface Tracing {
  /** Sends what is still buffered and unregisters the provider. */
  shutdown: () => Promise<void>;
}

/**
 * Registers the OpenTelemetry SDK for this process: W3C trace context, async-hooks context, spans
 * batched to an OTLP/HTTP collector. Instrumentation is the request middleware below and the database
 * driver's wrapper (@nns/db instrument.ts), both written against the API alone, which is a no-op until
 * this runs.
 */
export function startTracing(options: TracingOptions): Tracing {
  const endpoint = (options.endpoint ?? "http://localhost:4318").replace(/\/$/, "");
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: [
      options.spanProcessor ??
        new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint}/v1/traces` })),
    ],
  });
  provider.register();
  return {
    shutdown: async () => {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
}

const headerGetter: TextMapGetter<Headers> = {
  get: (headers, key) => headers.get(key) ?? undefined,
  keys: (headers) => {
    const keys: string[] = [];
    headers.forEach((_, key) => {
      keys.push(key);
    });
    return keys;
  },
};

/**
 * A server span per request, continuing the caller's trace (traceparent) and named by method and route
 * pattern once the route is known. No path or query is recorded: a self-rating link's token is in its
 * path.
 */
export function traceRequests(): MiddlewareHandler {
  const tracer = trace.getTracer("@nns/api");
  return async (c, next) => {
    const parent = propagation.extract(context.active(), c.req.raw.headers, headerGetter);
    const span = tracer.startSpan(
      c.req.method,
      { kind: SpanKind.SERVER, attributes: { "http.request.method": c.req.method } },
      parent,
    );
    try {
      await context.with(trace.setSpan(parent, span), next);
    } finally {
      const route = routeLabel(c);
      span.updateName(`${c.req.method} ${route}`);
      span.setAttribute("http.route", route);
      span.setAttribute("http.response.status_code", c.res.status);
      if (c.res.status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
  };
}
