import type { Schemas } from "@nns/api-client";
import { describe, expect, it } from "vitest";
import { expectData, expectProblem, withKey } from "./client.js";
import { freshTenant, type Tenant, useTestApp } from "./helpers.js";

const env = useTestApp();

const KEYS = "/orgs/{orgId}/api-keys";
const inOrg = (orgId: string) => ({ params: { path: { orgId } } });

async function createKey(
  t: Tenant,
  scopes: Schemas["ApiKey"]["scopes"],
  extra: { expiresAt?: string } = {},
): Promise<Schemas["CreatedApiKey"]> {
  const admin = await t.signIn("admin");
  const res = await admin.POST(KEYS, {
    ...inOrg(t.org.id),
    body: { name: "Kommunens system", scopes, ...extra },
  });
  return expectData(res, 201);
}

describe("API keys", () => {
  it("shows the secret once, stores only its hash, and lists keys without secrets", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const created = await admin.POST(KEYS, {
      ...inOrg(t.org.id),
      body: { name: "Regionportalen", scopes: ["members:read"] },
    });
    const { apiKey, secret } = expectData(created, 201);
    expect(created.response.headers.get("cache-control")).toBe("no-store");
    expect(secret).toMatch(/^nns_[a-z2-7]{16}_[a-z2-7]{48}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const list = expectData(await admin.GET(KEYS, inOrg(t.org.id)));
    expect(JSON.stringify(list)).not.toContain(secret.split("_")[2]);
    expect(list.data[0]).toMatchObject({
      id: apiKey.id,
      status: "active",
      scopes: ["members:read"],
      lastUsedAt: null,
    });
    const stored = await env.t.db.ownerSql(
      "select encode(secret_hash, 'hex') as h from api_keys where id = $1",
      [apiKey.id],
    );
    expect(stored[0]?.h).toHaveLength(64);
    expect(JSON.stringify(stored)).not.toContain(secret.split("_")[2]);
  });

  it("works as a Bearer token within its scopes, records last use, and is audited by name", async () => {
    const t = await freshTenant(env);
    const { apiKey, secret } = await createKey(t, ["members:read", "members:manage"]);
    const client = withKey(env, secret);
    const me = expectData(await client.GET("/auth/me"));
    expect(me).toMatchObject({ kind: "api_key", apiKey: { id: apiKey.id, organizationId: t.org.id } });
    expectData(await client.GET("/orgs/{orgId}/members", inOrg(t.org.id)));
    expectData(
      await client.POST("/orgs/{orgId}/invitations", {
        ...inOrg(t.org.id),
        body: { email: "via.nyckel@test.se", role: "viewer" },
      }),
      201,
    );
    const admin = await t.signIn("admin");
    const audit = expectData(
      await admin.GET("/orgs/{orgId}/audit-log", {
        params: { path: { orgId: t.org.id }, query: { actorId: apiKey.id } },
      }),
    );
    expect(audit.data[0]).toMatchObject({
      actorType: "api_key",
      actorLabel: "Kommunens system",
      action: "invitation.created",
    });
    const listed = expectData(await admin.GET(KEYS, inOrg(t.org.id)));
    const row = listed.data.find((k) => k.id === apiKey.id);
    expect(row?.lastUsedAt).not.toBeNull();
  });

  it("is refused outside its scopes (403) and outside its organization (404)", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const { secret } = await createKey(t, ["org:read"]);
    const client = withKey(env, secret);
    expectData(await client.GET("/orgs/{orgId}", inOrg(t.org.id)));
    expectProblem(await client.GET("/orgs/{orgId}/members", inOrg(t.org.id)), 403, "forbidden");
    expectProblem(await client.GET(KEYS, inOrg(t.org.id)), 403, "forbidden");
    expectProblem(await client.GET("/orgs/{orgId}", inOrg(other.org.id)), 404, "not_found");
    expectProblem(await client.POST("/auth/logout"), 403, "forbidden");
  });

  it("may invite editors and viewers but never administrators, nor change an administrator", async () => {
    const t = await freshTenant(env);
    const { secret } = await createKey(t, ["members:read", "members:manage"]);
    const client = withKey(env, secret);
    const invite = (email: string, role: "org_admin" | "editor") =>
      client.POST("/orgs/{orgId}/invitations", { ...inOrg(t.org.id), body: { email, role } });
    const admin = await invite("ny.admin@test.se", "org_admin");
    expect(expectProblem(admin, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.role",
      rule: "assignable_role",
    });
    expectProblem(
      await client.PATCH("/orgs/{orgId}/members/{userId}", {
        params: { path: { orgId: t.org.id, userId: t.admin.id } },
        body: { role: "viewer" },
      }),
      403,
      "forbidden",
    );
    expectData(await invite("ny.redaktor@test.se", "editor"), 201);
  });

  it("refuses an Idempotency-Key instead of silently creating a second key on retry", async () => {
    const t = await freshTenant(env);
    const res = await (await t.signIn("admin")).POST(KEYS, {
      ...inOrg(t.org.id),
      body: { name: "x", scopes: ["org:read"] },
      headers: { "idempotency-key": "k" },
    });
    expect(expectProblem(res, 422, "unprocessable").errors?.[0]).toMatchObject({
      field: "header.idempotency-key",
      rule: "not_supported",
    });
  });

  it("cannot be given scopes outside the list, nor an expiry in the past", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    // A scope the contract does not have.
    const bad = await admin.raw("POST", `/v1/orgs/${t.org.id}/api-keys`, {
      body: { name: "x", scopes: ["api_keys:manage"] },
    });
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]?.field).toMatch(/^body\.scopes/);
    const past = await admin.POST(KEYS, {
      ...inOrg(t.org.id),
      body: { name: "x", scopes: ["org:read"], expiresAt: "2020-01-01T00:00:00.000Z" },
    });
    expect(expectProblem(past, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.expiresAt",
      rule: "future",
    });
  });

  it("stops working the moment it is revoked, and stays listed as revoked", async () => {
    const t = await freshTenant(env);
    const { apiKey, secret } = await createKey(t, ["org:read"]);
    const client = withKey(env, secret);
    expectData(await client.GET("/orgs/{orgId}", inOrg(t.org.id)));
    const admin = await t.signIn("admin");
    const revoked = await admin.DELETE("/orgs/{orgId}/api-keys/{apiKeyId}", {
      params: { path: { orgId: t.org.id, apiKeyId: apiKey.id } },
    });
    expect(expectData(revoked)).toMatchObject({ status: "revoked" });
    expectProblem(await client.GET("/orgs/{orgId}", inOrg(t.org.id)), 401, "api_key_invalid");
    const audit = expectData(
      await admin.GET("/orgs/{orgId}/audit-log", {
        params: { path: { orgId: t.org.id }, query: { action: "api_key.revoked", entityId: apiKey.id } },
      }),
    );
    expect(audit.data).toHaveLength(1);
  });

  it("stops working after its expiry", async () => {
    const t = await freshTenant(env);
    const { apiKey, secret } = await createKey(t, ["org:read"], {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await env.t.db.ownerSql("update api_keys set expires_at = now() - interval '1 second' where id = $1", [
      apiKey.id,
    ]);
    expectProblem(await withKey(env, secret).GET("/orgs/{orgId}", inOrg(t.org.id)), 401, "api_key_invalid");
  });

  it("is refused with a wrong secret for a real prefix, and never accepted in the URL", async () => {
    const t = await freshTenant(env);
    const { secret } = await createKey(t, ["org:read"]);
    const tampered = `${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    expectProblem(await withKey(env, tampered).GET("/orgs/{orgId}", inOrg(t.org.id)), 401, "api_key_invalid");
    // A query parameter the contract does not have.
    const inUrl = await withKey(env, "").raw("GET", `/v1/orgs/${t.org.id}?api_key=${secret}`);
    expect(expectProblem(inUrl, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "query.api_key",
      rule: "credentials_in_url",
    });
  });
});
