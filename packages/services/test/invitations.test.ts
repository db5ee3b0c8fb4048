import { describe, expect, it } from "vitest";
import {
  acceptInvitation,
  createApiKey,
  type Deps,
  enterOrganization,
  grantRole,
  inviteMember,
  revokeInvitation,
  systemContext,
} from "../src/index.js";
import { expectAudited, expectNotAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, useServiceDatabase } from "./tenant.js";

const env = useServiceDatabase();
const CLIENT = { ip: "192.0.2.1", userAgent: "vitest", deviceToken: null };
const PASSWORD = "Ett-långt-testlösenord-2024";
const INVITATION_TABLES = ["invitations", "memberships", "users"];

/** The single-use token, read from the invitation email in the outbox as the invitee would. */
async function tokenSentTo(deps: Deps, email: string): Promise<string> {
  const rows = await deps.db.ownerSql(
    "select text_body from emails where to_address = $1 order by created_at desc limit 1",
    [email],
  );
  const token = /#token=([a-z2-7]+)/.exec(String(rows[0]?.text_body))?.[1];
  if (!token) throw new Error(`no invitation link sent to ${email}`);
  return token;
}

let n = 0;
const newAddress = () => `invited.${++n}.${Date.now()}@example.se`;

describe("inviteMember", () => {
  it("the admin invites: the invitation, its email and the audit entry in one transaction", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const email = newAddress();
    const invitation = await inviteMember(admin, { email, role: "editor" });
    expect(invitation.status).toBe("pending");
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "invitation.created",
      entityType: "invitation",
      entityId: invitation.id,
      actor: admin,
      after: { email, role: "editor", status: "pending" },
      sameTransactionAs: { table: "invitations", where: { id: invitation.id } },
    });
    const entry = await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "invitation.created",
      entityType: "invitation",
      sameTransactionAs: { table: "emails", where: { to_address: email } },
    });
    // The token is a credential: neither its hash nor the link goes into the audit trail.
    expect(JSON.stringify(entry.after)).not.toMatch(/token/i);
  });

  it("inviting the same address again revokes the pending invitation, audited as such", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const email = newAddress();
    const first = await inviteMember(admin, { email, role: "viewer" });
    const second = await inviteMember(admin, { email, role: "editor" });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: first.id,
      actor: admin,
      before: { status: "pending" },
      after: { status: "revoked" },
      sameTransactionAs: { table: "invitations", where: { id: first.id } },
    });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "invitation.created",
      entityType: "invitation",
      entityId: second.id,
      sameTransactionAs: { table: "invitations", where: { id: first.id } },
    });
  });

  it("an editor or viewer may not invite, and nothing is written or sent", async () => {
    const { editor, viewer } = await freshTenant(env.deps);
    for (const ctx of [editor, viewer]) {
      await expectRefused(
        env.deps,
        () => inviteMember(ctx, { email: newAddress(), role: "viewer" }),
        "forbidden",
        INVITATION_TABLES,
      );
    }
  });

  it("a förbund cannot invite to an NNS role, nor an API key an administrator", async () => {
    const { admin } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => inviteMember(admin, { email: newAddress(), role: "nns_admin" }),
      "validation_failed",
      INVITATION_TABLES,
    );
    const { apiKey } = await createApiKey(admin, { name: "HR", scopes: ["members:manage"], expiresAt: null });
    const keyCtx = await enterOrganization(
      {
        deps: env.deps,
        requestId: null,
        actor: {
          type: "api_key",
          apiKeyId: apiKey.id,
          organizationId: admin.organization.id,
          organization: admin.organization,
          name: apiKey.name,
          scopes: apiKey.scopes,
        },
      },
      admin.organization.id,
    );
    await expectRefused(
      env.deps,
      () => inviteMember(keyCtx, { email: newAddress(), role: "org_admin" }),
      "validation_failed",
      INVITATION_TABLES,
    );
  });

  it("inviting someone who is already a member is refused", async () => {
    const { admin, people } = await freshTenant(env.deps);
    await expectRefused(
      env.deps,
      () => inviteMember(admin, { email: people.viewer.email.toUpperCase(), role: "editor" }),
      "already_exists",
      INVITATION_TABLES,
    );
  });
});

describe("revokeInvitation", () => {
  it("the admin revokes a pending invitation, with before and after", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const invitation = await inviteMember(admin, { email: newAddress(), role: "viewer" });
    const revoked = await revokeInvitation(admin, invitation.id);
    expect(revoked.status).toBe("revoked");
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: invitation.id,
      actor: admin,
      before: { status: "pending" },
      after: { status: "revoked" },
      sameTransactionAs: { table: "invitations", where: { id: invitation.id } },
    });
  });

  it("revoking twice writes nothing the second time", async () => {
    const { admin } = await freshTenant(env.deps);
    const invitation = await inviteMember(admin, { email: newAddress(), role: "viewer" });
    await revokeInvitation(admin, invitation.id);
    const [before] = await rowsOf(env.deps, { table: "invitations", where: { id: invitation.id } });
    expect((await revokeInvitation(admin, invitation.id)).status).toBe("revoked");
    const [after] = await rowsOf(env.deps, { table: "invitations", where: { id: invitation.id } });
    expect(after).toEqual(before);
  });

  it("a viewer may not revoke, and another förbund does not find the invitation", async () => {
    const a = await freshTenant(env.deps);
    const b = await freshTenant(env.deps);
    const invitation = await inviteMember(a.admin, { email: newAddress(), role: "viewer" });
    await expectRefused(env.deps, () => revokeInvitation(a.viewer, invitation.id), "forbidden", [
      "invitations",
    ]);
    await expectRefused(env.deps, () => revokeInvitation(b.admin, invitation.id), "not_found", [
      "invitations",
    ]);
  });
});

describe("acceptInvitation", () => {
  it("a new person accepts: account, membership and the audit entry in one transaction", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const email = newAddress();
    const invitation = await inviteMember(admin, { email, role: "editor" });
    const signedIn = await acceptInvitation(env.deps, {
      token: await tokenSentTo(env.deps, email),
      name: "Ny Person",
      password: PASSWORD,
      client: CLIENT,
      requestId: "req-accept",
    });
    expect(signedIn.memberships).toEqual([expect.objectContaining({ organizationId: organization.id })]);
    const entry = await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "invitation.accepted",
      entityType: "membership",
      entityId: signedIn.user.id,
      after: { userId: signedIn.user.id, email, role: "editor" },
      sameTransactionAs: {
        table: "memberships",
        where: { organization_id: organization.id, user_id: signedIn.user.id },
      },
    });
    expect(entry).toMatchObject({ actorType: "user", actorId: signedIn.user.id, requestId: "req-accept" });
    const [row] = await rowsOf(env.deps, { table: "invitations", where: { id: invitation.id } });
    expect(row?.accepted_at).not.toBeNull();
  });

  it("a person with an account accepts with that account's password", async () => {
    const other = await freshTenant(env.deps);
    const { organization, admin } = await freshTenant(env.deps);
    const email = newAddress();
    const { userId } = await grantRole(systemContext(env.deps, "test"), {
      organizationSlug: other.organization.slug,
      email,
      name: "Befintlig",
      password: PASSWORD,
      role: "viewer",
    });
    await inviteMember(admin, { email, role: "viewer" });
    await acceptInvitation(env.deps, {
      token: await tokenSentTo(env.deps, email),
      password: PASSWORD,
      client: CLIENT,
    });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "invitation.accepted",
      entityType: "membership",
      entityId: userId,
      sameTransactionAs: {
        table: "memberships",
        where: { organization_id: organization.id, user_id: userId },
      },
    });
  });

  it("the wrong password for an existing account joins nobody and audits nothing", async () => {
    const other = await freshTenant(env.deps);
    const { organization, admin } = await freshTenant(env.deps);
    const email = newAddress();
    await grantRole(systemContext(env.deps, "test"), {
      organizationSlug: other.organization.slug,
      email,
      name: "Befintlig",
      password: PASSWORD,
      role: "viewer",
    });
    await inviteMember(admin, { email, role: "viewer" });
    const token = await tokenSentTo(env.deps, email);
    // The failed attempt is counted against the account (login_throttle), deliberately not watched here.
    await expectRefused(
      env.deps,
      () => acceptInvitation(env.deps, { token, password: `${PASSWORD}-fel`, client: CLIENT }),
      "validation_failed",
      [...INVITATION_TABLES, "sessions"],
    );
    await expectNotAudited(env.deps, { organizationId: organization.id, action: "invitation.accepted" });
  });

  it("a revoked invitation cannot be accepted, and nothing is written", async () => {
    const { admin } = await freshTenant(env.deps);
    const email = newAddress();
    const invitation = await inviteMember(admin, { email, role: "viewer" });
    const token = await tokenSentTo(env.deps, email);
    await revokeInvitation(admin, invitation.id);
    await expectRefused(
      env.deps,
      () => acceptInvitation(env.deps, { token, name: "Sen", password: PASSWORD, client: CLIENT }),
      "token_invalid",
      [...INVITATION_TABLES, "sessions"],
    );
  });

  it("a used invitation cannot be accepted twice", async () => {
    const { admin } = await freshTenant(env.deps);
    const email = newAddress();
    await inviteMember(admin, { email, role: "viewer" });
    const token = await tokenSentTo(env.deps, email);
    await acceptInvitation(env.deps, { token, name: "Först", password: PASSWORD, client: CLIENT });
    await expectRefused(
      env.deps,
      () => acceptInvitation(env.deps, { token, name: "Igen", password: PASSWORD, client: CLIENT }),
      "token_invalid",
      [...INVITATION_TABLES, "sessions"],
    );
  });
});
