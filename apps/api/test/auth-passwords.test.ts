import { describe, expect, it } from "vitest";
import { Client, expectData, expectProblem, PASSWORD, signIn } from "./client.js";
import { freshTenant, lastEmailTo, tokenFromEmail, useTestApp } from "./helpers.js";

const env = useTestApp();

const requestReset = (email: string) => new Client(env).POST("/auth/password-reset", { body: { email } });
const confirmReset = (client: Client, token: string, password: string) =>
  client.POST("/auth/password-reset/confirm", { body: { token, password } });

describe("password reset", () => {
  it("emails a single-use link that sets a new password and ends existing sessions", async () => {
    const t = await freshTenant(env);
    const email = t.admin.email;
    const existing = await t.signIn("admin");
    const anon = new Client(env);
    expectData(await anon.POST("/auth/password-reset", { body: { email } }), 202);
    expectData(
      await anon.POST("/auth/password-reset", { body: { email: `nobody.${t.org.slug}@test.se` } }),
      202,
    );
    const mail = await lastEmailTo(env, email);
    expect(mail.subject).toMatch(/Återställ/);
    const token = tokenFromEmail(mail.text);
    const weak = await confirmReset(anon, token, "password1");
    expect(expectProblem(weak, 400, "validation_failed").errors?.[0]).toMatchObject({
      field: "body.password",
      rule: "common_password",
    });
    const newPassword = "Ett-helt-nytt-lösenord-2026";
    expectData(await confirmReset(anon, token, newPassword), 204);
    expectProblem(await confirmReset(anon, token, newPassword), 410, "token_invalid");
    expectProblem(await existing.GET("/auth/me"), 401, "unauthenticated");
    expect((await signIn(env, email, newPassword)).cookie).toBeTruthy();
    const rows = await env.t.db.ownerSql(
      "select count(*)::int as n from password_reset_tokens where token_hash = sha256($1::bytea)",
      [Buffer.from(token)],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it("refuses an expired link", async () => {
    const t = await freshTenant(env);
    const email = t.viewer.email;
    expectData(await requestReset(email), 202);
    const token = tokenFromEmail((await lastEmailTo(env, email)).text);
    await env.t.db.ownerSql(
      "update password_reset_tokens set expires_at = now() - interval '1 second' where token_hash = sha256($1::bytea)",
      [Buffer.from(token)],
    );
    expectProblem(await confirmReset(new Client(env), token, "Ännu-ett-lösenord-99"), 410, "token_invalid");
  });
});

describe("my account", () => {
  it("changes my password, ends my other sessions and keeps this one", async () => {
    const t = await freshTenant(env);
    const email = t.editor.email;
    const laptop = await signIn(env, email);
    const phone = await signIn(env, email);
    const sessions = expectData(await laptop.GET("/auth/sessions"));
    expect(sessions.data.filter((s) => s.current)).toHaveLength(1);
    const wrong = await laptop.POST("/auth/password", {
      body: { currentPassword: "fel", newPassword: "Nytt-lösenord-för-redaktör" },
    });
    expect(expectProblem(wrong, 400, "validation_failed").errors?.[0]?.field).toBe("body.currentPassword");
    expectData(
      await laptop.POST("/auth/password", {
        body: { currentPassword: PASSWORD, newPassword: "Nytt-lösenord-för-redaktör" },
      }),
      204,
    );
    expectData(await laptop.GET("/auth/me"));
    expectProblem(await phone.GET("/auth/me"), 401, "unauthenticated");
    const audit = expectData(
      await (await t.signIn("admin")).GET("/orgs/{orgId}/audit-log", {
        params: { path: { orgId: t.org.id }, query: { action: "user.password_changed" } },
      }),
    );
    expect(audit.data[0]).toMatchObject({ actorLabel: email, entityType: "user", entityId: t.editor.id });
  });
});
