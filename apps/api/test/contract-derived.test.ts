/**
 * The statuses and headers the contract derives from each route's definition (lib/contract.ts): checked
 * over every operation of the committed document, and against what real requests answer.
 */
import { readFileSync } from "node:fs";
import { z } from "@hono/zod-openapi";
import { createApiKey } from "@nns/services";
import { describe, expect, it } from "vitest";
import { defineRoute } from "../src/lib/access.js";
import { registerSharedComponents } from "../src/lib/contract.js";
import { createRouter } from "../src/lib/router.js";
import { Client, expectData, withKey } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";

const env = useTestApp();

type Json = Record<string, unknown>;
interface Operation {
  tags?: string[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  deprecated?: boolean;
  responses: Record<string, Json>;
  "x-nns-access": { kind: string; sessionOnly?: boolean };
}
interface Document {
  tags: { name: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, Json>>;
}

const committed: Document = JSON.parse(
  readFileSync(new URL("../../../packages/api-client/openapi.json", import.meta.url), "utf8"),
);

function resolve(doc: Document, value: Json): Json {
  const ref = value.$ref;
  if (typeof ref !== "string") return value;
  const [, , kind, name] = ref.split("/");
  const target = doc.components[kind as string]?.[name as string];
  if (!target) throw new Error(`unresolved ${ref}`);
  return resolve(doc, target);
}

/** The header names (lower case) the document lists for one response of one operation. */
function documentedHeaders(doc: Document, operation: Operation, status: number | string): Set<string> {
  const response = operation.responses[String(status)];
  if (!response) throw new Error(`status ${status} is not documented`);
  return new Set(Object.keys(resolve(doc, response).headers ?? {}).map((name) => name.toLowerCase()));
}

const operations = Object.entries(committed.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    id: `${method.toUpperCase()} ${path}`,
    path,
    method,
    operation,
  })),
);
const cases = (filter: (o: (typeof operations)[number]) => boolean) =>
  operations.filter(filter).map((o) => [o.id, o] as const);

describe("every operation's statuses, derived from its definition", () => {
  it("covers all operations of the committed document", () => {
    expect(operations.length).toBeGreaterThan(90);
  });

  it.each(cases(() => true))("%s documents 401 and 503, and X-Request-Id on every response", (_id, o) => {
    expect(o.operation.responses).toHaveProperty("401");
    expect(o.operation.responses).toHaveProperty("503");
    for (const status of Object.keys(o.operation.responses))
      expect(documentedHeaders(committed, o.operation, status), status).toContain("x-request-id");
  });

  it.each(cases((o) => Boolean(o.operation.requestBody)))(
    "%s (with a body) documents 400, 413 and 415",
    (_id, o) => {
      for (const status of ["400", "413", "415"]) expect(o.operation.responses).toHaveProperty(status);
    },
  );

  it.each(cases((o) => (o.operation.parameters ?? []).length > 0))(
    "%s (with parameters) documents 400",
    (_id, o) => {
      expect(o.operation.responses).toHaveProperty("400");
    },
  );

  it.each(cases((o) => o.operation["x-nns-access"].kind === "org" || o.path.includes("{")))(
    "%s (org-scoped or naming a resource) documents 404",
    (_id, o) => expect(o.operation.responses).toHaveProperty("404"),
  );

  it.each(
    cases(({ operation }) => {
      const access = operation["x-nns-access"];
      return access.kind === "org" || access.kind === "nns" || access.sessionOnly === true;
    }),
  )("%s (with a permission or for people only) documents 403 forbidden", (_id, o) => {
    expect(o.operation.responses["403"]).toEqual({ $ref: "#/components/responses/Forbidden" });
  });

  it.each(cases((o) => o.operation["x-nns-access"].kind === "public"))(
    "%s (public) documents 401 for an invalid API key",
    (_id, o) => {
      const description = String(resolve(committed, o.operation.responses["401"] as Json).description);
      expect(description).toContain("api_key_invalid");
    },
  );

  /** The catalogue, the newsletter archive and the statistics: what anyone may read in bulk. */
  const rateLimitedPath = (path: string) =>
    path.startsWith("/catalog/") ||
    path.startsWith("/statistics/") ||
    /^\/newsletters\/\{slug\}(\/issues|$)/.test(path);

  it.each(cases((o) => rateLimitedPath(o.path)))(
    "%s (the rate-limited catalogue, newsletter archive or statistics) documents 429 with Retry-After and RateLimit headers",
    (_id, o) => {
      const limited = documentedHeaders(committed, o.operation, 429);
      for (const name of ["retry-after", "ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"])
        expect(limited).toContain(name);
      expect(documentedHeaders(committed, o.operation, 200)).toContain("ratelimit-remaining");
    },
  );

  it("documents 429 only where the server limits: the catalogue, the newsletter archive, the statistics, login and newsletter sign-up", () => {
    const limited = new Set(["/auth/login", "/newsletters/{slug}/subscriptions"]);
    expect(operations.filter((o) => "429" in o.operation.responses).map((o) => o.id)).toEqual(
      operations.filter((o) => rateLimitedPath(o.path) || limited.has(o.path)).map((o) => o.id),
    );
  });

  it("sends Cache-Control with every success", () => {
    for (const o of operations)
      for (const status of Object.keys(o.operation.responses).filter((s) => s.startsWith("2")))
        expect(documentedHeaders(committed, o.operation, status), o.id).toContain("cache-control");
  });

  it("defines every tag an operation uses, with a description, and uses every tag it defines", () => {
    const defined = committed.tags.map((t) => t.name);
    const used = new Set(operations.flatMap((o) => o.operation.tags ?? []));
    for (const tag of used) expect(defined, tag).toContain(tag);
    expect(new Set(defined)).toEqual(used);
    for (const tag of committed.tags) expect(tag.description?.length, tag.name).toBeGreaterThan(10);
  });

  it("names both kinds of caller of /auth/me, with a discriminator a generator can map", () => {
    const me = committed.components.schemas?.Me as Json;
    expect(me.discriminator).toEqual({
      propertyName: "kind",
      mapping: { user: "#/components/schemas/MeUser", api_key: "#/components/schemas/MeApiKey" },
    });
    for (const ref of Object.values((me.discriminator as { mapping: Record<string, string> }).mapping)) {
      const variant = resolve(committed, { $ref: ref }) as { required: string[] };
      expect(variant.required).toContain("kind");
    }
  });
});

describe("real responses carry the headers their operation documents", () => {
  const served = async () => (await new Client(env).raw("GET", "/v1/openapi.json")).body as Document;
  /** Headers whose presence the document promises, or whose absence it implies when not documented. */
  const CHECKED = ["x-request-id", "etag", "ratelimit-limit", "ratelimit-remaining", "idempotent-replayed"];
  const expectMatch = (
    doc: Document,
    path: string,
    method: string,
    response: Response,
    except: string[] = [],
  ) => {
    const operation = doc.paths[path]?.[method];
    if (!operation) throw new Error(`${method} ${path} is not in the contract`);
    const documented = documentedHeaders(doc, operation, response.status);
    for (const name of CHECKED.filter((n) => !except.includes(n)))
      expect(response.headers.has(name), `${method} ${path} ${response.status} ${name}`).toBe(
        documented.has(name),
      );
    // `no-store` is promised exactly; a cacheable answer's Cache-Control is the handler's choice.
    const cacheControl = resolve(doc, operation.responses[String(response.status)] as Json).headers as
      | Record<string, Json>
      | undefined;
    if (cacheControl?.["Cache-Control"]?.$ref === "#/components/headers/NoStore")
      expect(response.headers.get("cache-control")).toBe("no-store");
  };

  it("an organization read sends the ETag of its version; a listing sends none", async () => {
    const doc = await served();
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const org = await admin.GET("/orgs/{orgId}", { params: { path: { orgId: t.org.id } } });
    expect(org.response.headers.get("etag")).toBe(`"${expectData(org).version}"`);
    expectMatch(doc, "/orgs/{orgId}", "get", org.response);
    const members = await admin.GET("/orgs/{orgId}/members", { params: { path: { orgId: t.org.id } } });
    expectData(members);
    expectMatch(doc, "/orgs/{orgId}/members", "get", members.response);
  });

  it("a catalogue search with an API key sends its rate-limit headers and X-Request-Id", async () => {
    const doc = await served();
    const t = await freshTenant(env);
    const { secret } = await createApiKey(t.ctx, {
      name: "portal",
      scopes: ["interventions:read"],
      expiresAt: null,
    });
    const search = await withKey(env, secret).GET("/catalog/interventions", {});
    expectData(search);
    expectMatch(doc, "/catalog/interventions", "get", search.response);
    expect(Number(search.response.headers.get("ratelimit-remaining"))).toBeGreaterThan(0);
    const me = await withKey(env, secret).GET("/auth/me");
    expect(expectData(me).kind).toBe("api_key");
    expectMatch(doc, "/auth/me", "get", me.response);
  });

  it("a replay is marked as documented, and its first answer is not", async () => {
    const doc = await served();
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const invite = () =>
      admin.POST("/orgs/{orgId}/invitations", {
        params: { path: { orgId: t.org.id } },
        body: { email: `replay.${t.org.slug}@test.se`, role: "viewer" },
        headers: { "idempotency-key": "contract-replay-1" },
      });
    const first = await invite();
    const replay = await invite();
    expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
    expectMatch(doc, "/orgs/{orgId}/invitations", "post", replay.response);
    expectMatch(doc, "/orgs/{orgId}/invitations", "post", first.response, ["idempotent-replayed"]);
    expect(first.response.headers.has("idempotent-replayed")).toBe(false);
  });

  it("refusals carry what their shared response documents", async () => {
    const doc = await served();
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const path = `/v1/orgs/${t.org.id}/invitations`;
    const huge = await admin.raw("POST", path, {
      rawBody: "x".repeat(1024 * 1024 + 1),
      headers: { "content-type": "application/json" },
    });
    const text = await admin.raw("POST", path, { rawBody: "hej", headers: { "content-type": "text/plain" } });
    const elsewhere = await admin.raw("GET", "/v1/orgs/00000000-0000-4000-8000-000000000000/members");
    for (const [res, status] of [
      [huge, 413],
      [text, 415],
      [elsewhere, 404],
    ] as const) {
      expect(res.status).toBe(status);
      const operation = (
        doc.paths[status === 404 ? "/orgs/{orgId}/members" : "/orgs/{orgId}/invitations"] as Record<
          string,
          Operation
        >
      )[status === 404 ? "get" : "post"] as Operation;
      expect(documentedHeaders(doc, operation, status)).toContain("x-request-id");
      expect(res.headers.get("x-request-id")).toBeTruthy();
    }
  });
});

describe("deprecating an operation", () => {
  const deprecatedRoute = (sunset: string) =>
    defineRoute(
      { kind: "public" },
      {
        method: "get",
        path: "/old",
        responses: {
          200: {
            description: "Still here",
            content: { "application/json": { schema: z.object({ ok: z.boolean() }) } },
          },
        },
      },
      { deprecated: { since: "2027-01-01", sunset, instead: "Use GET /new." } },
    );

  it("marks it in the contract and sends Deprecation and Sunset on every answer", async () => {
    const router = createRouter().openapi(deprecatedRoute("2027-07-01"), (c) => c.json({ ok: true }, 200));
    registerSharedComponents(router);
    const doc = router.getOpenAPI31Document({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
    }) as unknown as Document;
    const operation = doc.paths["/old"]?.get as Operation & { description: string };
    expect(operation.deprecated).toBe(true);
    expect(operation.description).toContain("2027-07-01");
    expect(operation.description).toContain("Use GET /new.");
    for (const status of ["200", "401", "503"]) {
      expect(documentedHeaders(doc, operation, status)).toContain("deprecation");
      expect(documentedHeaders(doc, operation, status)).toContain("sunset");
    }
    const res = await router.request("/old");
    expect(res.status).toBe(200);
    expect(res.headers.get("deprecation")).toBe(`@${Date.UTC(2027, 0, 1) / 1000}`);
    expect(res.headers.get("sunset")).toBe("Thu, 01 Jul 2027 00:00:00 GMT");
  });

  it("refuses a sunset less than six months after the deprecation", () => {
    expect(() => deprecatedRoute("2027-05-31")).toThrow(/6 months/);
  });
});
