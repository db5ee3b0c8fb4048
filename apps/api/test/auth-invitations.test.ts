import { describe, expect, it } from "vitest";
import { Client, expectData, expectProblem, PASSWORD, signIn } from "./client.js";
import {
  freshTenant,
  lastEmailTo,
  setupTestApp,
  type Tenant,
  tokenFromEmail,
  useTestApp,
} from "./helpers.js";

const env = useTestApp();

const INVITATIONS = "/orgs/{orgId}/invitations";
const lookup = (client: Client, token: string) =>
  client.POST("/auth/invitations/lookup", { body: { token } });

/** An invitation from the tenant's admin, and the token its email carries. */
async function invite(admin: Client, t: Tenant, email: string, role: "editor" | "viewer", testEnv = env) {
  const invited = expectData(
    await admin.POST(INVITATIONS, { params: { path: { orgId: t.org.id } }, body: { email, role } }),
    201,
  );
  return { invited, token: tokenFromEmail((await lastEmailTo(testEnv, email)).text) };
}

describe("accepting an invitation", () => {
  it("lets an invited person preview, set a password, join and be signed in", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const email = `ny.person.${t.org.slug}@test.se`;
    const invited = expectData(
      await admin.POST(INVITATIONS, {
        params: { path: { orgId: t.org.id } },
        body: { email, role: "editor" },
      }),
      201,
    );
    expect(invited).toMatchObject({ email, role: "editor", status: "pending" });
    const mail = await lastEmailTo(env, email);
    expect(mail.subject).toContain(t.org.name);
    const token = tokenFromEmail(mail.text);
    const guest = new Client(env);
    expect(expectData(await lookup(guest, token))).toMatchObject({
      organizationName: t.org.name,
      email,
      existingAccount: false,
    });
    const noName = await guest.POST("/auth/invitations/accept", {
      body: { token, password: "Mitt-eget-lösenord-1" },
    });
    expect(expectProblem(noName, 400, "validation_failed").errors?.[0]?.field).toBe("body.name");
    const accepted = await guest.POST("/auth/invitations/accept", {
      body: { token, name: "Ny Person", password: "Mitt-eget-lösenord-1" },
    });
    expect(expectData(accepted).memberships[0]).toMatchObject({
      role: "editor",
      organization: { id: t.org.id },
    });
    expectData(await guest.GET("/orgs/{orgId}/members", { params: { path: { orgId: t.org.id } } }));
    expectProblem(
      await new Client(env).POST("/auth/invitations/accept", {
        body: { token, name: "X", password: "Mitt-eget-lösenord-1" },
      }),
      410,
      "token_invalid",
    );
    const audit = expectData(
      await admin.GET("/orgs/{orgId}/audit-log", {
        params: { path: { orgId: t.org.id }, query: { action: "invitation.accepted" } },
      }),
    );
    expect(audit.data[0]).toMatchObject({ actorLabel: email, entityType: "membership" });
  });

  it("asks an existing account for its own password instead of setting one", async () => {
    const [t, other] = await Promise.all([freshTenant(env), freshTenant(env)]);
    const { token } = await invite(await other.signIn("admin"), other, t.viewer.email, "viewer");
    const guest = new Client(env);
    expect(expectData(await lookup(guest, token)).existingAccount).toBe(true);
    expectProblem(
      await guest.POST("/auth/invitations/accept", { body: { token, password: "inte-mitt-lösenord" } }),
      400,
      "validation_failed",
    );
    const ok = expectData(
      await guest.POST("/auth/invitations/accept", { body: { token, password: PASSWORD } }),
    );
    expect(ok.memberships.map((m) => m.organization.slug).sort()).toEqual(
      [t.org.slug, other.org.slug].sort(),
    );
  });

  it("counts wrong passwords of an existing account towards the login throttle", async () => {
    const local = await setupTestApp({ loginThrottle: { maxPerAccount: 2 } });
    try {
      const [t, other] = await Promise.all([freshTenant(local), freshTenant(local)]);
      const admin = await signIn(local, other.admin.email);
      const { token } = await invite(admin, other, t.viewer.email, "viewer", local);
      const guest = new Client(local);
      for (let i = 0; i < 2; i++) {
        expectProblem(
          await guest.POST("/auth/invitations/accept", { body: { token, password: `gissning-${i}-abcdef` } }),
          400,
          "validation_failed",
        );
      }
      expectProblem(
        await guest.POST("/auth/invitations/accept", { body: { token, password: PASSWORD } }),
        429,
        "rate_limited",
      );
    } finally {
      await local.close();
    }
  });

  it("revoking an invitation kills its link", async () => {
    const t = await freshTenant(env);
    const admin = await t.signIn("admin");
    const { invited, token } = await invite(admin, t, `angrad.${t.org.slug}@test.se`, "viewer");
    const revoked = await admin.DELETE("/orgs/{orgId}/invitations/{invitationId}", {
      params: { path: { orgId: t.org.id, invitationId: invited.id } },
    });
    expect(expectData(revoked).status).toBe("revoked");
    expectProblem(await lookup(new Client(env), token), 410, "token_invalid");
  });
});
