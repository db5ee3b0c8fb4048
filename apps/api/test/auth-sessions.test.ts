import { setUserDisabled, systemContext } from "@nns/services";
import { describe, expect, it } from "vitest";
import { Client, expectData, expectProblem, PASSWORD, signIn } from "./client.js";
import { freshTenant, useTestApp } from "./helpers.js";

const env = useTestApp();

const login = (client: Client, email: string, password = PASSWORD) =>
  client.POST("/auth/login", { body: { email, password } });

describe("login and logout", () => {
  it("signs in, sets a __Host- cookie that is HttpOnly, Secure and SameSite=Lax, and knows who I am", async () => {
    const t = await freshTenant(env);
    const client = new Client(env);
    const res = await login(client, t.admin.email.replace(/^admin/, "Admin"));
    const body = expectData(res);
    expect(body.user.email).toBe(t.admin.email);
    expect(body.memberships).toEqual([
      expect.objectContaining({
        role: "org_admin",
        organization: expect.objectContaining({ id: t.org.id, slug: t.org.slug }),
      }),
    ]);
    const cookie = res.response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-nns_session=[a-z2-7]{24}\.[a-z2-7]{24};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
    const me = expectData(await client.GET("/auth/me"));
    expect(me).toMatchObject({ kind: "user", user: { email: t.admin.email }, nnsAdmin: false });
  });

  it("answers sign-in, who-am-I and sign-out with no-store; public reference data and the contract stay cacheable", async () => {
    const client = new Client(env);
    const signedIn = await login(client, env.users.viewerA.email);
    expectData(signedIn);
    expect(signedIn.response.headers.get("cache-control")).toBe("no-store");
    const me = await client.GET("/auth/me");
    expectData(me);
    expect(me.response.headers.get("cache-control")).toBe("no-store");
    const counties = await client.GET("/reference/counties");
    expect(counties.response.headers.get("cache-control")).toBe("public, max-age=86400");
    // The contract itself is not part of the contract.
    expect((await client.raw("GET", "/v1/openapi.json")).headers.get("cache-control")).toBeNull();
    const logout = await client.POST("/auth/logout");
    expect(logout.response.status).toBe(204);
    expect(logout.response.headers.get("cache-control")).toBe("no-store");
    // A stale session cookie on a public read is cleared, and a response that sets a cookie is not stored.
    client.cookie = "__Host-nns_session=aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa";
    const stale = await client.GET("/reference/counties");
    expect(stale.response.headers.get("set-cookie")).toMatch(/^__Host-nns_session=;/);
    expect(stale.response.headers.get("cache-control")).toBe("no-store");
  });

  it("stores only a hash of the session secret", async () => {
    const client = await signIn(env, env.users.viewerA.email);
    const [id, secret] = ((client.cookie as string).split("=")[1] as string).split(".") as [string, string];
    const rows = await env.t.db.ownerSql(
      "select encode(secret_hash, 'hex') as h from sessions where id = $1",
      [id],
    );
    expect(rows[0]?.h).toHaveLength(64);
    expect(rows[0]?.h).not.toContain(secret);
  });

  it("answers a wrong password and an unknown email the same way", async () => {
    const t = await freshTenant(env);
    const a = await login(new Client(env), t.editor.email, "fel-lösenord-123");
    const b = await login(new Client(env), `nobody.${t.org.slug}@test.se`, "fel-lösenord-123");
    const wrongPassword = expectProblem(a, 401, "invalid_credentials");
    const unknownEmail = expectProblem(b, 401, "invalid_credentials");
    expect(wrongPassword.detail).toBe(unknownEmail.detail);
  });

  it("logout ends the session server-side: the old cookie no longer works", async () => {
    const t = await freshTenant(env);
    const client = await signIn(env, t.editor.email);
    const stolen = client.cookie;
    const out = await client.POST("/auth/logout");
    expect(out.response.status).toBe(204);
    expect(out.response.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const replay = new Client(env);
    replay.cookie = stolen;
    expectProblem(await replay.GET("/auth/me"), 401, "unauthenticated");
  });

  it("gives a new token on every login and retires the one presented before", async () => {
    const t = await freshTenant(env);
    const client = await signIn(env, t.editor.email);
    const before = client.cookie;
    expectData(await login(client, t.editor.email));
    expect(client.cookie).not.toBe(before);
    const old = new Client(env);
    old.cookie = before;
    expectProblem(await old.GET("/auth/me"), 401, "unauthenticated");
    expectData(await client.GET("/auth/me"));
  });

  it("signs out my other sessions on request", async () => {
    const t = await freshTenant(env);
    const one = await signIn(env, t.admin.email);
    const two = await signIn(env, t.admin.email);
    expect((await one.DELETE("/auth/sessions")).response.status).toBe(204);
    expectData(await one.GET("/auth/me"));
    expectProblem(await two.GET("/auth/me"), 401, "unauthenticated");
  });
});

describe("session timeouts", () => {
  const sessionIdOf = (client: Client) => (client.cookie as string).split("=")[1]?.split(".")[0] as string;

  it("expires after the inactivity timeout and says so", async () => {
    const client = await signIn(env, env.users.viewerA.email);
    const id = sessionIdOf(client);
    await env.t.db.ownerSql(
      "update sessions set last_active_at = now() - interval '61 minutes' where id = $1",
      [id],
    );
    const res = await client.GET("/auth/me");
    expectProblem(res, 401, "session_expired");
    expect(res.response.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const rows = await env.t.db.ownerSql("select 1 from sessions where id = $1", [id]);
    expect(rows).toHaveLength(0);
  });

  it("slides: activity inside the window keeps the session alive", async () => {
    const client = await signIn(env, env.users.viewerA.email);
    const id = sessionIdOf(client);
    await env.t.db.ownerSql(
      "update sessions set last_active_at = now() - interval '59 minutes' where id = $1",
      [id],
    );
    expectData(await client.GET("/auth/me"));
    const [row] = await env.t.db.ownerSql(
      "select extract(epoch from now() - last_active_at)::int as age from sessions where id = $1",
      [id],
    );
    expect(Number(row?.age)).toBeLessThan(60);
  });

  it("expires after the absolute timeout even when active", async () => {
    const client = await signIn(env, env.users.viewerA.email);
    await env.t.db.ownerSql(
      "update sessions set created_at = now() - interval '12 hours 1 minute', last_active_at = now() where id = $1",
      [sessionIdOf(client)],
    );
    expectProblem(await client.GET("/auth/me"), 401, "session_expired");
  });

  it("ends every session of an account that is disabled, and refuses its login", async () => {
    const t = await freshTenant(env);
    const client = await signIn(env, t.viewer.email);
    await setUserDisabled(systemContext(env.deps, "test"), t.viewer.email, true);
    expectProblem(await client.GET("/auth/me"), 401, "unauthenticated");
    expectProblem(await login(new Client(env), t.viewer.email), 401, "invalid_credentials");
    await setUserDisabled(systemContext(env.deps, "test"), t.viewer.email, false);
    expect((await signIn(env, t.viewer.email)).cookie).toBeTruthy();
  });
});

describe("CSRF protection", () => {
  it("rejects a cookie-carrying unsafe request without Origin or from another site", async () => {
    const t = await freshTenant(env);
    const client = await t.signIn("admin");
    const email = `csrf.${t.org.slug}@test.se`;
    const path = `/v1/orgs/${t.org.id}/invitations`;
    const body = { email, role: "viewer" } as const;
    expectProblem(await client.raw("POST", path, { body, origin: null }), 403, "csrf_rejected");
    expectProblem(
      await client.raw("POST", path, { body, origin: "https://evil.example" }),
      403,
      "csrf_rejected",
    );
    const rows = await env.t.db.ownerSql("select 1 from invitations where email = $1", [email]);
    expect(rows).toHaveLength(0);
    expectData(
      await client.POST("/orgs/{orgId}/invitations", { params: { path: { orgId: t.org.id } }, body }),
      201,
    );
  });

  it("refuses a cross-site sign-in even without cookies", async () => {
    const res = await new Client(env).raw("POST", "/v1/auth/login", {
      body: { email: env.users.viewerA.email, password: PASSWORD },
      origin: "https://evil.example",
    });
    expectProblem(res, 403, "csrf_rejected");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("guards the login form too (login CSRF)", async () => {
    const client = new Client(env);
    client.cookie = "__Host-nns_session=whatever.whatever";
    const res = await client.raw("POST", "/v1/auth/login", {
      body: { email: env.users.viewerA.email, password: PASSWORD },
      origin: "https://evil.example",
    });
    expectProblem(res, 403, "csrf_rejected");
  });
});
