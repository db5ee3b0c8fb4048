import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, setupTestApp, signIn, type TestEnv, withKey } from "./helpers.js";

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestApp();
});
afterAll(async () => env?.close());

async function createKey(scopes: string[], extra: Record<string, unknown> = {}) {
  const admin = await signIn(env, env.users.adminA.email);
  const res = await admin.post(`/v1/orgs/${env.orgA.id}/api-keys`, {
    name: "Kommunens system",
    scopes,
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as { apiKey: { id: string; prefix: string; scopes: string[] }; secret: string };
}

describe("API keys", () => {
  it("shows the secret once, stores only its hash, and lists keys without secrets", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    const created = await admin.post(`/v1/orgs/${env.orgA.id}/api-keys`, {
      name: "Regionportalen",
      scopes: ["members:read"],
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const { apiKey, secret } = created.body;
    expect(secret).toMatch(/^nns_[a-z2-7]{16}_[a-z2-7]{48}$/);
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const list = await admin.get(`/v1/orgs/${env.orgA.id}/api-keys`);
    expect(JSON.stringify(list.body)).not.toContain(secret.split("_")[2]);
    expect(list.body.data[0]).toMatchObject({
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
    const { apiKey, secret } = await createKey(["members:read", "members:manage"]);
    const client = withKey(env, secret);
    const me = await client.get("/v1/auth/me");
    expect(me.body).toMatchObject({
      kind: "api_key",
      apiKey: { id: apiKey.id, organizationId: env.orgA.id },
    });
    expect((await client.get(`/v1/orgs/${env.orgA.id}/members`)).status).toBe(200);
    expect(
      (
        await client.post(`/v1/orgs/${env.orgA.id}/invitations`, {
          email: "via.nyckel@test.se",
          role: "viewer",
        })
      ).status,
    ).toBe(201);
    const audit = await (await signIn(env, env.users.adminA.email)).get(
      `/v1/orgs/${env.orgA.id}/audit-log?actorId=${apiKey.id}`,
    );
    expect(audit.body.data[0]).toMatchObject({
      actorType: "api_key",
      actorLabel: "Kommunens system",
      action: "invitation.created",
    });
    const listed = await (await signIn(env, env.users.adminA.email)).get(`/v1/orgs/${env.orgA.id}/api-keys`);
    const row = listed.body.data.find((k: { id: string }) => k.id === apiKey.id);
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("is refused outside its scopes (403) and outside its organization (404)", async () => {
    const { secret } = await createKey(["org:read"]);
    const client = withKey(env, secret);
    expect((await client.get(`/v1/orgs/${env.orgA.id}`)).status).toBe(200);
    expectProblem(await client.get(`/v1/orgs/${env.orgA.id}/members`), 403, "forbidden");
    expectProblem(await client.get(`/v1/orgs/${env.orgA.id}/api-keys`), 403, "forbidden");
    expectProblem(await client.get(`/v1/orgs/${env.orgB.id}`), 404, "not_found");
    expectProblem(await client.post("/v1/auth/logout"), 403, "forbidden");
  });

  it("may invite editors and viewers but never administrators, nor change an administrator", async () => {
    const { secret } = await createKey(["members:read", "members:manage"]);
    const client = withKey(env, secret);
    const admin = await client.post(`/v1/orgs/${env.orgA.id}/invitations`, {
      email: "ny.admin@test.se",
      role: "org_admin",
    });
    expect(expectProblem(admin, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.role",
      rule: "assignable_role",
    });
    expectProblem(
      await client.patch(`/v1/orgs/${env.orgA.id}/members/${env.users.adminA.id}`, { role: "viewer" }),
      403,
      "forbidden",
    );
    expect(
      (
        await client.post(`/v1/orgs/${env.orgA.id}/invitations`, {
          email: "ny.redaktor@test.se",
          role: "editor",
        })
      ).status,
    ).toBe(201);
  });

  it("refuses an Idempotency-Key instead of silently creating a second key on retry", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    const res = await admin.post(
      `/v1/orgs/${env.orgA.id}/api-keys`,
      { name: "x", scopes: ["org:read"] },
      { "idempotency-key": "k" },
    );
    expect(expectProblem(res, 422, "unprocessable").errors?.[0]).toMatchObject({
      field: "header.idempotency-key",
      rule: "not_supported",
    });
  });

  it("cannot be given scopes outside the list, nor an expiry in the past", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    const bad = await admin.post(`/v1/orgs/${env.orgA.id}/api-keys`, {
      name: "x",
      scopes: ["api_keys:manage"],
    });
    expect(expectProblem(bad, 400, "validation_failed").errors?.[0]?.field).toMatch(/^body\.scopes/);
    const past = await admin.post(`/v1/orgs/${env.orgA.id}/api-keys`, {
      name: "x",
      scopes: ["org:read"],
      expiresAt: "2020-01-01T00:00:00.000Z",
    });
    expect(expectProblem(past, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.expiresAt",
      rule: "future",
    });
  });

  it("stops working the moment it is revoked, and stays listed as revoked", async () => {
    const { apiKey, secret } = await createKey(["org:read"]);
    const client = withKey(env, secret);
    expect((await client.get(`/v1/orgs/${env.orgA.id}`)).status).toBe(200);
    const admin = await signIn(env, env.users.adminA.email);
    const revoked = await admin.delete(`/v1/orgs/${env.orgA.id}/api-keys/${apiKey.id}`);
    expect(revoked.body).toMatchObject({ status: "revoked" });
    expectProblem(await client.get(`/v1/orgs/${env.orgA.id}`), 401, "api_key_invalid");
    const audit = await admin.get(
      `/v1/orgs/${env.orgA.id}/audit-log?action=api_key.revoked&entityId=${apiKey.id}`,
    );
    expect(audit.body.data).toHaveLength(1);
  });

  it("stops working after its expiry", async () => {
    const { apiKey, secret } = await createKey(["org:read"], {
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    await env.t.db.ownerSql("update api_keys set expires_at = now() - interval '1 second' where id = $1", [
      apiKey.id,
    ]);
    expectProblem(await withKey(env, secret).get(`/v1/orgs/${env.orgA.id}`), 401, "api_key_invalid");
  });

  it("is refused with a wrong secret for a real prefix, and never accepted in the URL", async () => {
    const { secret } = await createKey(["org:read"]);
    const tampered = `${secret.slice(0, -1)}${secret.endsWith("a") ? "b" : "a"}`;
    expectProblem(await withKey(env, tampered).get(`/v1/orgs/${env.orgA.id}`), 401, "api_key_invalid");
    const inUrl = await withKey(env, "").request("GET", `/v1/orgs/${env.orgA.id}?api_key=${secret}`, {});
    expect(expectProblem(inUrl, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "query.api_key",
      rule: "credentials_in_url",
    });
  });
});
