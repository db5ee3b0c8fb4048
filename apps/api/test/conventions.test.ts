// Longer than 400 lines: the API-wide conventions (idempotency, ETags, pagination, problem+json) side by side, each over every route it applies to.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { permissionsForRole } from "@nns/domain";
import { sha256Hex } from "@nns/services";
import { describe, expect, it } from "vitest";
import { createV1 } from "../src/app.js";
import { ACCESS_EXTENSION, type RouteAccess } from "../src/lib/access.js";
import { IDEMPOTENCY_EXTENSION, type RouteIdempotency } from "../src/lib/idempotency.js";
import { Client, expectData, expectProblem, signIn } from "./client.js";
import { freshTenant, type Tenant, useTestApp } from "./helpers.js";

const env = useTestApp();

const invitationsOf = async (email: string) =>
  Number(
    (await env.t.db.ownerSql("select count(*)::int as n from invitations where email = $1", [email]))[0]?.n,
  );

const INVITATIONS = "/orgs/{orgId}/invitations";
/** An invitation into the tenant, sent with an Idempotency-Key. */
const invite = (client: Client, t: Tenant, email: string, role: "viewer" | "editor", key: string) =>
  client.POST(INVITATIONS, {
    params: { path: { orgId: t.org.id } },
    body: { email, role },
    headers: { "idempotency-key": key },
  });

/** The parts of the served OpenAPI document these tests read. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<
    string,
    {
      post: {
        parameters?: unknown[];
        responses: Record<string, { description: string; headers?: Record<string, unknown> }>;
      };
    }
  >;
}

describe("Idempotency-Key", () => {
  it("replays the stored response to the same caller and creates nothing twice", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const email = `idem.${t.org.slug}@test.se`;
    const first = await invite(admin, t, email, "viewer", "invite-idem-1");
    const second = await invite(admin, t, email, "viewer", "invite-idem-1");
    expect(expectData(second, 201)).toEqual(expectData(first, 201));
    expect(second.response.headers.get("idempotent-replayed")).toBe("true");
    expect(second.response.headers.get("x-request-id")).toBeTruthy();
    expect(second.response.headers.get("x-request-id")).not.toBe(first.response.headers.get("x-request-id"));
    expect(first.response.headers.get("idempotent-replayed")).toBeNull();
    expect(await invitationsOf(email)).toBe(1);
  });

  it("keeps keys per caller: another person's identical key runs anew", async () => {
    const t = await freshTenant(env);
    const email = `idem.${t.org.slug}@test.se`;
    expectData(await invite(await t.signIn("admin"), t, email, "viewer", "invite-idem-1"), 201);
    const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
    const res = await invite(nnsAdmin, t, email, "editor", "invite-idem-1");
    expectData(res, 201);
    expect(res.response.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses the same key with a different body (422)", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const other = `other.${t.org.slug}@test.se`;
    await invite(admin, t, `idem2.${t.org.slug}@test.se`, "viewer", "invite-idem-2");
    const reused = await invite(admin, t, other, "viewer", "invite-idem-2");
    expectProblem(reused, 422, "idempotency_key_reused");
    expect(await invitationsOf(other)).toBe(0);
  });

  it("lets exactly one of two concurrent duplicates run; the other gets 409 or the replay", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const email = `race.${t.org.slug}@test.se`;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => invite(admin, t, email, "viewer", "race-1")),
    );
    const statuses = results.map((r) => r.response.status).sort();
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const fresh = results.filter(
      (r) => r.response.status === 201 && !r.response.headers.get("idempotent-replayed"),
    );
    expect(fresh).toHaveLength(1);
    for (const conflict of results.filter((r) => r.response.status === 409))
      expectProblem(conflict, 409, "idempotency_in_progress");
    expect(await invitationsOf(email)).toBe(1);
  });

  it("frees the key when the request fails, so a corrected retry may use it", async () => {
    const t = await freshTenant(env);
    const failing = await invite(await t.signIn("admin"), t, t.viewer.email, "viewer", "retry-1");
    expectProblem(failing, 409, "already_exists");
    const rows = await env.t.db.ownerSql("select 1 from idempotency_keys where key = 'retry-1'");
    expect(rows).toHaveLength(0);
  });
});

/** Creating POSTs that refuse Idempotency-Key. Adding one means adding it here, on purpose, with its reason. */
const NOT_IDEMPOTENT = new Set([
  "POST /orgs/{orgId}/api-keys",
  // The answer carries the endpoint's signing secret, which must not sit in the idempotency store.
  "POST /orgs/{orgId}/webhook-endpoints",
  // The answer carries the self-rating link's token, of which only the hash may be kept.
  "POST /orgs/{orgId}/progression/participants/{participantId}/self-rating-links",
]);

const creatingPosts = createV1()
  .openAPIRegistry.definitions.filter((d) => d.type === "route")
  .map((d) => (d as { route: Record<string, unknown> }).route)
  .filter((route) => route.method === "post" && "201" in (route.responses as object))
  .map((route) => ({
    id: `POST ${route.path}`,
    path: String(route.path),
    access: route[ACCESS_EXTENSION] as RouteAccess,
    idempotency: route[IDEMPOTENCY_EXTENSION] as RouteIdempotency | undefined,
  }));

describe("every creating POST (one answering 201), from the route registry", () => {
  it("is found: the list covers registrations, requests, print costs and the rest", () => {
    expect(creatingPosts.map((r) => r.id)).toEqual(
      expect.arrayContaining([
        "POST /orgs/{orgId}/trainings/{trainingId}/participants",
        "POST /orgs/{orgId}/training-requests",
        "POST /orgs/{orgId}/trainings/{trainingId}/print-costs",
        "POST /orgs/{orgId}/trainings/{trainingId}/sessions",
        "POST /nns/trainers",
        "POST /orgs/{orgId}/interventions/import",
      ]),
    );
  });

  it.each(creatingPosts.map((r) => [r.id, r] as const))(
    "%s honours Idempotency-Key and documents it, or refuses it on purpose",
    async (id, route) => {
      // The document is served beside the contract, not in it.
      const served = (await new Client(env).raw("GET", "/v1/openapi.json")).body as OpenApiDocument;
      const operation = served.paths[route.path]?.post;
      if (!operation) throw new Error(`${id} is not in the served document`);
      if (NOT_IDEMPOTENT.has(id)) {
        expect(route.idempotency).toMatchObject({ keyed: false, reason: expect.stringMatching(/\S.{19,}/) });
        expect(operation.responses["422"]).toBeDefined();
        return;
      }
      expect(route.idempotency, `${id} takes no Idempotency-Key`).toEqual({ keyed: true });
      expect(operation.parameters).toContainEqual(
        expect.objectContaining({ name: "idempotency-key", in: "header", required: false }),
      );
      expect(operation.responses["409"]?.description).toContain("idempotency_in_progress");
      expect(operation.responses["422"]?.description).toContain("idempotency_key_reused");
      expect(operation.responses["201"]?.headers).toHaveProperty("Idempotent-Replayed");
    },
  );

  it.each(creatingPosts.filter((r) => !NOT_IDEMPOTENT.has(r.id)).map((r) => [r.id, r] as const))(
    "%s answers an in-flight key with 409 and a reused one with 422, before reading its input",
    async (_id, route) => {
      // The key is honoured before validation, so ids that exist nowhere and an empty body suffice; the
      // routes come from the registry at run time, so the calls are raw.
      // Billing's routes sit under NNS's own path, with a permission no förbund role holds.
      const nnsRoute =
        route.access.kind === "nns" ||
        (route.access.kind === "org" && !permissionsForRole("org_admin").has(route.access.permission));
      const caller = await signIn(env, nnsRoute ? env.users.nnsAdmin.email : env.users.adminA.email);
      const orgId = nnsRoute ? env.nns.id : env.orgA.id;
      const path = `/v1${route.path.replace(/\{(\w+)\}/g, (_, name) => (name === "orgId" ? orgId : randomUUID()))}`;
      const key = `registry-${randomUUID()}`;
      await env.t.db.ownerSql(
        "insert into idempotency_keys (organization_id, actor_key, key, request_hash) values ($1, $2, $3, $4)",
        [
          nnsRoute ? env.nns.id : env.orgA.id,
          `user:${nnsRoute ? env.users.nnsAdmin.id : env.users.adminA.id}`,
          key,
          sha256Hex(`POST ${path}\n{}`),
        ],
      );
      const post = (body: object) => caller.raw("POST", path, { body, headers: { "idempotency-key": key } });
      expectProblem(await post({}), 409, "idempotency_in_progress");
      expectProblem(await post({ other: true }), 422, "idempotency_key_reused");
    },
  );

  it("refuses a key on the routes that cannot honour one", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    for (const id of NOT_IDEMPOTENT) {
      const path = `/v1${id.slice("POST ".length).replace("{orgId}", env.orgA.id)}`;
      const res = await admin.raw("POST", path, { body: {}, headers: { "idempotency-key": "refused-1" } });
      expect(expectProblem(res, 422, "unprocessable").errors?.[0]).toMatchObject({
        field: "header.idempotency-key",
        rule: "not_supported",
      });
    }
  });
});

describe("an in-flight duplicate with the same request", () => {
  it("gets 409 idempotency_in_progress", async () => {
    const t = await freshTenant(env);
    const email = `flight2.${t.org.slug}@test.se`;
    const path = `/v1/orgs/${t.org.id}/invitations`;
    const body = JSON.stringify({ email, role: "viewer" });
    await env.t.db.ownerSql(
      "insert into idempotency_keys (organization_id, actor_key, key, request_hash) values ($1, $2, 'in-flight-2', $3)",
      [t.org.id, `user:${t.admin.id}`, sha256Hex(`POST ${path}\n${body}`)],
    );
    // The typed client serializes the same way; the test states the exact bytes the hash is over.
    const res = await (await t.signIn("admin")).raw("POST", path, {
      rawBody: body,
      headers: { "content-type": "application/json", "idempotency-key": "in-flight-2" },
    });
    expectProblem(res, 409, "idempotency_in_progress");
    expect(await invitationsOf(email)).toBe(0);
  });
});

describe("ETag and If-Match", () => {
  it("updates with the current ETag, refuses a stale one with 412 and changes nothing", async () => {
    const t = await freshTenant(env);
    const nnsAdmin = await signIn(env, env.users.nnsAdmin.email);
    const path = { orgId: t.org.id };
    const update = (email: string, ifMatch: string) =>
      nnsAdmin.PATCH("/orgs/{orgId}", { params: { path, header: { "if-match": ifMatch } }, body: { email } });
    const read = await nnsAdmin.GET("/orgs/{orgId}", { params: { path } });
    const etag = read.response.headers.get("etag") as string;
    expect(etag).toMatch(/^"\d+"$/);
    const ok = await update("kansli@beta.se", etag);
    expectData(ok);
    expect(ok.response.headers.get("etag")).not.toBe(etag);
    expectProblem(await update("fel@beta.se", etag), 412, "precondition_failed");
    expect(expectData(await nnsAdmin.GET("/orgs/{orgId}", { params: { path } })).email).toBe(
      "kansli@beta.se",
    );
    expectProblem(await update("x@beta.se", "garbage"), 412, "precondition_failed");
  });
});

describe("cursor pagination", () => {
  it("walks every member exactly once, page by page", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const members = (query: { limit: number; cursor?: string }) =>
      admin.GET("/orgs/{orgId}/members", { params: { path: { orgId: t.org.id }, query } });
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = expectData(await members({ limit: 1, cursor }));
      expect(page.data.length).toBeLessThanOrEqual(1);
      seen.push(...page.data.map((m) => m.userId));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    const all = expectData(await members({ limit: 200 }));
    expect(seen).toEqual(all.data.map((m) => m.userId));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("refuses a cursor it did not issue and a limit out of range, naming the field", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const members = (query: { limit?: number; cursor?: string }) =>
      admin.GET("/orgs/{orgId}/members", { params: { path: { orgId: t.org.id }, query } });
    const bad = await members({ cursor: "bogus" });
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "query.cursor",
      rule: "invalid_cursor",
    });
    const big = await members({ limit: 5000 });
    expect(expectProblem(big, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "query.limit",
      rule: "too_big",
    });
  });
});

describe("problem+json for bad input", () => {
  it("names each invalid field and its rule", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    // "emperor" is no role the contract knows.
    const res = await admin.raw("POST", `/v1/orgs/${t.org.id}/invitations`, {
      body: { email: "not-an-email", role: "emperor" },
    });
    const problem = expectProblem(res, 400, "validation_failed");
    const fields = problem.errors?.map((e) => `${e.field}:${e.rule}`);
    expect(fields).toEqual(
      expect.arrayContaining(["body.email:invalid_format:email", "body.role:invalid_value"]),
    );
    expect(problem.type).toBe("urn:problem:nns:validation_failed");
    expect(problem.instance).toBe(`/v1/orgs/${t.org.id}/invitations`);
  });

  it("answers malformed JSON with 400, not 500", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const res = await admin.raw("POST", `/v1/orgs/${t.org.id}/invitations`, {
      rawBody: '{"email": "x@test.se",',
      headers: { "content-type": "application/json" },
    });
    expectProblem(res, 400, "malformed_json");
  });

  it("answers a non-JSON body with 415 and an unknown field with 400", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const form = await admin.raw("POST", `/v1/orgs/${t.org.id}/invitations`, {
      rawBody: "email=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectProblem(form, 415, "unsupported_media_type");
    const extra = await admin.raw("POST", `/v1/orgs/${t.org.id}/invitations`, {
      body: { email: "x@test.se", role: "viewer", admin: true },
    });
    expect(expectProblem(extra, 400, "validation_failed").errors?.[0]?.rule).toBe("unrecognized_keys");
  });

  it("answers an unknown route, a bad uuid and an oversized body with problems", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    expectProblem(await admin.raw("GET", "/v1/nothing-here"), 404, "not_found");
    const badUuid = await admin.GET("/orgs/{orgId}/members", { params: { path: { orgId: "not-a-uuid" } } });
    expect(expectProblem(badUuid, 400, "validation_failed").errors?.[0]?.field).toBe("path.orgId");
    const huge = await admin.raw("POST", `/v1/orgs/${t.org.id}/invitations`, {
      rawBody: JSON.stringify({ email: "x@test.se", role: "viewer", pad: "x".repeat(1_100_000) }),
      headers: { "content-type": "application/json" },
    });
    expectProblem(huge, 413, "payload_too_large");
  });

  it("echoes a well-formed X-Request-Id and replaces a malformed one", async () => {
    const client = new Client(env);
    const mine = await client.GET("/reference/counties", {
      headers: { "x-request-id": "integration-test-0001" },
    });
    expect(mine.response.headers.get("x-request-id")).toBe("integration-test-0001");
    const bad = await client.GET("/auth/me", { headers: { "x-request-id": "<script>" } });
    expect(bad.response.headers.get("x-request-id")).not.toBe("<script>");
    expect(bad.error?.requestId).toBe(bad.response.headers.get("x-request-id"));
  });
});

describe("contract and operations", () => {
  it("serves the committed OpenAPI 3.1 document", async () => {
    const served = await new Client(env).raw("GET", "/v1/openapi.json");
    const committed = JSON.parse(
      readFileSync(new URL("../../../packages/api-client/openapi.json", import.meta.url), "utf8"),
    );
    expect((served.body as OpenApiDocument).openapi).toBe("3.1.0");
    expect(served.body).toEqual(committed);
  });

  it("serves the interactive reference from our own origin", async () => {
    const page = await env.app.request("/docs");
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain("/docs/scalar.js");
    expect(html).not.toContain("cdn.jsdelivr.net");
    const script = await env.app.request("/docs/scalar.js");
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
  });

  it("lets only the reference page run its inline start-up script, by a nonce of that response", async () => {
    const scriptSrc = (res: Response) =>
      res.headers
        .get("content-security-policy")
        ?.split(";")
        .find((d) => d.trim().startsWith("script-src"))
        ?.trim();
    const first = await env.app.request("/docs");
    const second = await env.app.request("/docs");
    const html = await first.text();
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc(first) ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(scriptSrc(first)).not.toContain("unsafe-inline");
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>/g)].map((m) => m[0]);
    expect(inline.length).toBeGreaterThan(0);
    for (const tag of inline) expect(tag).toContain(`nonce="${nonce}"`);
    expect(scriptSrc(second)).not.toBe(scriptSrc(first));
    const elsewhere = await env.app.request("/v1/openapi.json");
    expect(scriptSrc(elsewhere)).toBe("script-src 'self'");
  });

  it("reports liveness and readiness with migrations current", async () => {
    expect(await (await env.app.request("/health")).json()).toEqual({ status: "ok" });
    const ready = await env.app.request("/ready");
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { migrations: { applied: number; shipped: number } };
    expect(body.migrations.applied).toBe(body.migrations.shipped);
    expect(body.migrations.applied).toBeGreaterThan(0);
  });

  it("sends security headers", async () => {
    const res = await env.app.request("/v1/reference/counties");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});
