import { setUserDisabled, systemContext } from "@nns/services";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Client,
  expectProblem,
  lastEmailTo,
  PASSWORD,
  setupTestApp,
  signIn,
  type TestEnv,
  tokenFromEmail,
} from "./helpers.js";

let env: TestEnv;
beforeAll(async () => {
  env = await setupTestApp();
});
afterAll(async () => env?.close());

describe("login and logout", () => {
  it("signs in, sets a __Host- cookie that is HttpOnly, Secure and SameSite=Lax, and knows who I am", async () => {
    const client = new Client(env);
    const res = await client.post("/v1/auth/login", { email: "Admin.A@test.se", password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe("admin.a@test.se");
    expect(res.body.memberships).toEqual([
      expect.objectContaining({
        role: "org_admin",
        organization: expect.objectContaining({ id: env.orgA.id, slug: "alfa" }),
      }),
    ]);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-nns_session=[a-z2-7]{24}\.[a-z2-7]{24};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
    const me = await client.get("/v1/auth/me");
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: "user", user: { email: "admin.a@test.se" }, nnsAdmin: false });
  });

  it("answers sign-in, who-am-I and sign-out with no-store; public reference data and the contract stay cacheable", async () => {
    const client = new Client(env);
    const login = await client.post("/v1/auth/login", { email: env.users.viewerA.email, password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.headers.get("cache-control")).toBe("no-store");
    const me = await client.get("/v1/auth/me");
    expect(me.status).toBe(200);
    expect(me.headers.get("cache-control")).toBe("no-store");
    const counties = await client.get("/v1/reference/counties");
    expect(counties.headers.get("cache-control")).toBe("public, max-age=86400");
    expect((await client.get("/v1/openapi.json")).headers.get("cache-control")).toBeNull();
    const logout = await client.post("/v1/auth/logout");
    expect(logout.status).toBe(204);
    expect(logout.headers.get("cache-control")).toBe("no-store");
    // A stale session cookie on a public read is cleared, and a response that sets a cookie is not stored.
    client.cookie = "__Host-nns_session=aaaaaaaaaaaaaaaaaaaaaaaa.aaaaaaaaaaaaaaaaaaaaaaaa";
    const stale = await client.get("/v1/reference/counties");
    expect(stale.headers.get("set-cookie")).toMatch(/^__Host-nns_session=;/);
    expect(stale.headers.get("cache-control")).toBe("no-store");
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
    const a = await new Client(env).post("/v1/auth/login", {
      email: env.users.editorA.email,
      password: "fel-lösenord-123",
    });
    const b = await new Client(env).post("/v1/auth/login", {
      email: "nobody@test.se",
      password: "fel-lösenord-123",
    });
    expectProblem(a, 401, "invalid_credentials");
    expectProblem(b, 401, "invalid_credentials");
    expect(a.body.detail).toBe(b.body.detail);
  });

  it("logout ends the session server-side: the old cookie no longer works", async () => {
    const client = await signIn(env, env.users.editorA.email);
    const stolen = client.cookie;
    const out = await client.post("/v1/auth/logout");
    expect(out.status).toBe(204);
    expect(out.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const replay = new Client(env);
    replay.cookie = stolen;
    expectProblem(await replay.get("/v1/auth/me"), 401, "unauthenticated");
  });

  it("gives a new token on every login and retires the one presented before", async () => {
    const client = await signIn(env, env.users.editorA.email);
    const before = client.cookie;
    const again = await client.post("/v1/auth/login", { email: env.users.editorA.email, password: PASSWORD });
    expect(again.status).toBe(200);
    expect(client.cookie).not.toBe(before);
    const old = new Client(env);
    old.cookie = before;
    expectProblem(await old.get("/v1/auth/me"), 401, "unauthenticated");
    expect((await client.get("/v1/auth/me")).status).toBe(200);
  });
});

describe("session timeouts", () => {
  async function sessionIdOf(client: Client) {
    return (client.cookie as string).split("=")[1]?.split(".")[0] as string;
  }

  it("expires after the inactivity timeout and says so", async () => {
    const client = await signIn(env, env.users.viewerA.email);
    const id = await sessionIdOf(client);
    await env.t.db.ownerSql(
      "update sessions set last_active_at = now() - interval '61 minutes' where id = $1",
      [id],
    );
    const res = await client.get("/v1/auth/me");
    expectProblem(res, 401, "session_expired");
    expect(res.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    const rows = await env.t.db.ownerSql("select 1 from sessions where id = $1", [id]);
    expect(rows).toHaveLength(0);
  });

  it("slides: activity inside the window keeps the session alive", async () => {
    const client = await signIn(env, env.users.viewerA.email);
    const id = await sessionIdOf(client);
    await env.t.db.ownerSql(
      "update sessions set last_active_at = now() - interval '59 minutes' where id = $1",
      [id],
    );
    expect((await client.get("/v1/auth/me")).status).toBe(200);
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
      [await sessionIdOf(client)],
    );
    expectProblem(await client.get("/v1/auth/me"), 401, "session_expired");
  });

  it("ends every session of an account that is disabled, and refuses its login", async () => {
    const client = await signIn(env, env.users.nnsViewer.email);
    await setUserDisabled(systemContext(env.deps, "test"), env.users.nnsViewer.email, true);
    expectProblem(await client.get("/v1/auth/me"), 401, "unauthenticated");
    expectProblem(
      await new Client(env).post("/v1/auth/login", { email: env.users.nnsViewer.email, password: PASSWORD }),
      401,
      "invalid_credentials",
    );
    await setUserDisabled(systemContext(env.deps, "test"), env.users.nnsViewer.email, false);
    expect((await signIn(env, env.users.nnsViewer.email)).cookie).toBeTruthy();
  });
});

describe("CSRF protection", () => {
  it("rejects a cookie-carrying unsafe request without Origin or from another site", async () => {
    const client = await signIn(env, env.users.adminA.email);
    const body = { email: "csrf@test.se", role: "viewer" };
    expectProblem(
      await client.request("POST", `/v1/orgs/${env.orgA.id}/invitations`, { body, origin: null }),
      403,
      "csrf_rejected",
    );
    expectProblem(
      await client.request("POST", `/v1/orgs/${env.orgA.id}/invitations`, {
        body,
        origin: "https://evil.example",
      }),
      403,
      "csrf_rejected",
    );
    const rows = await env.t.db.ownerSql("select 1 from invitations where email = 'csrf@test.se'");
    expect(rows).toHaveLength(0);
    expect((await client.request("POST", `/v1/orgs/${env.orgA.id}/invitations`, { body })).status).toBe(201);
  });

  it("refuses a cross-site sign-in even without cookies", async () => {
    const res = await new Client(env).request("POST", "/v1/auth/login", {
      body: { email: env.users.viewerA.email, password: PASSWORD },
      origin: "https://evil.example",
    });
    expectProblem(res, 403, "csrf_rejected");
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("guards the login form too (login CSRF)", async () => {
    const client = new Client(env);
    client.cookie = "__Host-nns_session=whatever.whatever";
    const res = await client.request("POST", "/v1/auth/login", {
      body: { email: env.users.viewerA.email, password: PASSWORD },
      origin: "https://evil.example",
    });
    expectProblem(res, 403, "csrf_rejected");
  });
});

describe("password reset", () => {
  it("emails a single-use link that sets a new password and ends existing sessions", async () => {
    const email = env.users.adminB.email;
    const existing = await signIn(env, email);
    const anon = new Client(env);
    expect((await anon.post("/v1/auth/password-reset", { email })).status).toBe(202);
    expect((await anon.post("/v1/auth/password-reset", { email: "nobody@test.se" })).status).toBe(202);
    const mail = await lastEmailTo(env, email);
    expect(mail.subject).toMatch(/Återställ/);
    const token = tokenFromEmail(mail.text);
    const weak = await anon.post("/v1/auth/password-reset/confirm", { token, password: "password1" });
    expect(expectProblem(weak, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.password",
      rule: "common_password",
    });
    const newPassword = "Ett-helt-nytt-lösenord-2026";
    expect(
      (await anon.post("/v1/auth/password-reset/confirm", { token, password: newPassword })).status,
    ).toBe(204);
    expectProblem(
      await anon.post("/v1/auth/password-reset/confirm", { token, password: newPassword }),
      410,
      "token_invalid",
    );
    expectProblem(await existing.get("/v1/auth/me"), 401, "unauthenticated");
    expect((await signIn(env, email, newPassword)).cookie).toBeTruthy();
    const rows = await env.t.db.ownerSql(
      "select count(*)::int as n from password_reset_tokens where token_hash = sha256($1::bytea)",
      [Buffer.from(token)],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("refuses an expired link", async () => {
    const email = env.users.viewerA.email;
    await new Client(env).post("/v1/auth/password-reset", { email });
    const token = tokenFromEmail((await lastEmailTo(env, email)).text);
    await env.t.db.ownerSql("update password_reset_tokens set expires_at = now() - interval '1 second'");
    expectProblem(
      await new Client(env).post("/v1/auth/password-reset/confirm", {
        token,
        password: "Ännu-ett-lösenord-99",
      }),
      410,
      "token_invalid",
    );
  });
});

describe("invitations", () => {
  it("lets an invited person preview, set a password, join and be signed in", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    const invited = await admin.post(`/v1/orgs/${env.orgA.id}/invitations`, {
      email: "ny.person@test.se",
      role: "editor",
    });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email: "ny.person@test.se", role: "editor", status: "pending" });
    const mail = await lastEmailTo(env, "ny.person@test.se");
    expect(mail.subject).toContain("Samordningsförbundet Alfa");
    const token = tokenFromEmail(mail.text);
    const guest = new Client(env);
    const preview = await guest.post("/v1/auth/invitations/lookup", { token });
    expect(preview.body).toMatchObject({
      organizationName: "Samordningsförbundet Alfa",
      email: "ny.person@test.se",
      existingAccount: false,
    });
    const noName = await guest.post("/v1/auth/invitations/accept", {
      token,
      password: "Mitt-eget-lösenord-1",
    });
    expect(expectProblem(noName, 400, "validation_failed").errors?.[0]?.field).toBe("body.name");
    const accepted = await guest.post("/v1/auth/invitations/accept", {
      token,
      name: "Ny Person",
      password: "Mitt-eget-lösenord-1",
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships[0]).toMatchObject({ role: "editor", organization: { id: env.orgA.id } });
    expect((await guest.get(`/v1/orgs/${env.orgA.id}/members`)).status).toBe(200);
    expectProblem(
      await new Client(env).post("/v1/auth/invitations/accept", {
        token,
        name: "X",
        password: "Mitt-eget-lösenord-1",
      }),
      410,
      "token_invalid",
    );
    const audit = await admin.get(`/v1/orgs/${env.orgA.id}/audit-log?action=invitation.accepted`);
    expect(audit.body.data[0]).toMatchObject({ actorLabel: "ny.person@test.se", entityType: "membership" });
  });

  it("asks an existing account for its own password instead of setting one", async () => {
    const adminB = await signIn(env, env.users.adminB.email, "Ett-helt-nytt-lösenord-2026");
    await adminB.post(`/v1/orgs/${env.orgB.id}/invitations`, {
      email: env.users.viewerA.email,
      role: "viewer",
    });
    const token = tokenFromEmail((await lastEmailTo(env, env.users.viewerA.email)).text);
    const guest = new Client(env);
    expect((await guest.post("/v1/auth/invitations/lookup", { token })).body.existingAccount).toBe(true);
    expectProblem(
      await guest.post("/v1/auth/invitations/accept", { token, password: "inte-mitt-lösenord" }),
      400,
      "validation_failed",
    );
    const ok = await guest.post("/v1/auth/invitations/accept", { token, password: PASSWORD });
    expect(ok.status).toBe(200);
    expect(
      ok.body.memberships.map((m: { organization: { slug: string } }) => m.organization.slug).sort(),
    ).toEqual(["alfa", "beta"]);
  });

  it("counts wrong passwords of an existing account towards the login throttle", async () => {
    const local = await setupTestApp({ loginThrottle: { maxPerAccount: 2 } });
    try {
      const admin = await signIn(local, local.users.adminB.email);
      await admin.post(`/v1/orgs/${local.orgB.id}/invitations`, {
        email: local.users.viewerA.email,
        role: "viewer",
      });
      const token = tokenFromEmail((await lastEmailTo(local, local.users.viewerA.email)).text);
      const guest = new Client(local);
      for (let i = 0; i < 2; i++) {
        expectProblem(
          await guest.post("/v1/auth/invitations/accept", { token, password: `gissning-${i}-abcdef` }),
          400,
          "validation_failed",
        );
      }
      expectProblem(
        await guest.post("/v1/auth/invitations/accept", { token, password: PASSWORD }),
        429,
        "rate_limited",
      );
    } finally {
      await local.close();
    }
  });

  it("revoking an invitation kills its link", async () => {
    const admin = await signIn(env, env.users.adminA.email);
    const invited = await admin.post(`/v1/orgs/${env.orgA.id}/invitations`, {
      email: "angrad@test.se",
      role: "viewer",
    });
    const token = tokenFromEmail((await lastEmailTo(env, "angrad@test.se")).text);
    expect((await admin.delete(`/v1/orgs/${env.orgA.id}/invitations/${invited.body.id}`)).body.status).toBe(
      "revoked",
    );
    expectProblem(await new Client(env).post("/v1/auth/invitations/lookup", { token }), 410, "token_invalid");
  });
});

describe("my account", () => {
  it("changes my password, ends my other sessions and keeps this one", async () => {
    const email = env.users.editorA.email;
    const laptop = await signIn(env, email);
    const phone = await signIn(env, email);
    const sessions = await laptop.get("/v1/auth/sessions");
    expect(sessions.body.data.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const wrong = await laptop.post("/v1/auth/password", {
      currentPassword: "fel",
      newPassword: "Nytt-lösenord-för-redaktör",
    });
    expect(expectProblem(wrong, 400, "validation_failed").errors?.[0]?.field).toBe("body.currentPassword");
    expect(
      (
        await laptop.post("/v1/auth/password", {
          currentPassword: PASSWORD,
          newPassword: "Nytt-lösenord-för-redaktör",
        })
      ).status,
    ).toBe(204);
    expect((await laptop.get("/v1/auth/me")).status).toBe(200);
    expectProblem(await phone.get("/v1/auth/me"), 401, "unauthenticated");
    const admin = await signIn(env, env.users.adminA.email);
    const audit = await admin.get(`/v1/orgs/${env.orgA.id}/audit-log?action=user.password_changed`);
    expect(audit.body.data[0]).toMatchObject({
      actorLabel: email,
      entityType: "user",
      entityId: env.users.editorA.id,
    });
  });

  it("signs out my other sessions on request", async () => {
    const email = env.users.adminA.email;
    const one = await signIn(env, email);
    const two = await signIn(env, email);
    expect((await one.delete("/v1/auth/sessions")).status).toBe(204);
    expect((await one.get("/v1/auth/me")).status).toBe(200);
    expectProblem(await two.get("/v1/auth/me"), 401, "unauthenticated");
  });
});
