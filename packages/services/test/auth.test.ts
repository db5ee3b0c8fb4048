import { describe, expect, it } from "vitest";
import {
  changePassword,
  confirmPasswordReset,
  grantRole,
  login,
  requestPasswordReset,
  setUserDisabled,
  signOutOtherSessions,
  systemContext,
} from "../src/index.js";
import { expectAudited, expectRefused, rowsOf } from "./audit.js";
import { freshTenant, type Person, userActor, useServiceDatabase } from "./tenant.js";

/**
 * Changes to a person rather than to an organization are recorded in the audit log of every organization
 * the person belongs to, each entry written with the change.
 */
const env = useServiceDatabase();
const PASSWORD = "Ett-långt-testlösenord-2024";
const CLIENT = { ip: "192.0.2.7", userAgent: "vitest", deviceToken: null };
const PERSON_TABLES = ["users", "sessions", "memberships"];

let n = 0;

/** A person with a password and a membership in two förbund. */
async function memberOfTwo(): Promise<{ person: Person; organizationIds: [string, string] }> {
  const a = await freshTenant(env.deps);
  const b = await freshTenant(env.deps);
  n += 1;
  const email = `tva.forbund.${n}.${Date.now()}@test.se`;
  const system = systemContext(env.deps, "test");
  const { userId } = await grantRole(system, {
    organizationSlug: a.organization.slug,
    email,
    name: "Två förbund",
    password: PASSWORD,
    role: "editor",
  });
  await grantRole(system, {
    organizationSlug: b.organization.slug,
    email,
    name: "",
    password: null,
    role: "viewer",
  });
  return {
    person: { userId, email, name: "Två förbund" },
    organizationIds: [a.organization.id, b.organization.id],
  };
}

describe("grantRole (operations)", () => {
  it("operations grant a role: the membership and the entry in one transaction; a person may not", async () => {
    const { organization, admin } = await freshTenant(env.deps);
    const system = systemContext(env.deps, "cli");
    const email = `beviljad.${Date.now()}@test.se`;
    const { userId } = await grantRole(system, {
      organizationSlug: organization.slug,
      email,
      name: "Beviljad",
      password: null,
      role: "editor",
    });
    await expectAudited(env.deps, {
      organizationId: organization.id,
      action: "member.granted",
      entityType: "membership",
      entityId: userId,
      actor: system,
      after: { userId, email, role: "editor" },
      sameTransactionAs: {
        table: "memberships",
        where: { organization_id: organization.id, user_id: userId },
      },
    });
    await expectRefused(
      env.deps,
      () =>
        grantRole(admin, {
          organizationSlug: organization.slug,
          email: `obehorig.${Date.now()}@test.se`,
          name: "X",
          password: null,
          role: "org_admin",
        }),
      "forbidden",
      PERSON_TABLES,
    );
  });
});

describe("setUserDisabled (operations)", () => {
  it("disabling ends every session and blocks sign-in; enabling lets the person in again; both audited in each förbund", async () => {
    const { person, organizationIds } = await memberOfTwo();
    await login(env.deps, { email: person.email, password: PASSWORD, client: CLIENT });
    const system = systemContext(env.deps, "cli");
    await setUserDisabled(system, person.email, true);
    expect(await rowsOf(env.deps, { table: "sessions", where: { user_id: person.userId } })).toEqual([]);
    await expect(
      login(env.deps, { email: person.email, password: PASSWORD, client: CLIENT }),
    ).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    await setUserDisabled(system, person.email, false);
    await login(env.deps, { email: person.email, password: PASSWORD, client: CLIENT });
    for (const organizationId of organizationIds) {
      for (const action of ["user.disabled", "user.enabled"]) {
        await expectAudited(env.deps, {
          organizationId,
          action,
          entityType: "user",
          entityId: person.userId,
          actor: system,
        });
      }
    }
  });

  it("an unknown address is not found and nothing is written", async () => {
    await expectRefused(
      env.deps,
      () => setUserDisabled(systemContext(env.deps, "cli"), "ingen@example.se", true),
      "not_found",
      PERSON_TABLES,
    );
  });
});

describe("changePassword", () => {
  it("the person changes their password: audited in each förbund with the users row, other sessions end", async () => {
    const { person, organizationIds } = await memberOfTwo();
    const signedIn = await login(env.deps, { email: person.email, password: PASSWORD, client: CLIENT });
    const other = await login(env.deps, { email: person.email, password: PASSWORD, client: CLIENT });
    const ctx = {
      deps: env.deps,
      requestId: "req-password",
      actor: { ...(await userActor(env.deps, person)), sessionId: signedIn.sessionId },
    };
    await changePassword(ctx, { currentPassword: PASSWORD, newPassword: `${PASSWORD}-nytt` });
    for (const organizationId of organizationIds) {
      await expectAudited(env.deps, {
        organizationId,
        action: "user.password_changed",
        entityType: "user",
        entityId: person.userId,
        actor: ctx,
        sameTransactionAs: { table: "users", where: { id: person.userId } },
      });
    }
    const remaining = await rowsOf(env.deps, { table: "sessions", where: { user_id: person.userId } });
    expect(remaining.map((s) => s.id)).toEqual([signedIn.sessionId]);
    expect(remaining.map((s) => s.id)).not.toContain(other.sessionId);
  });

  it("the wrong current password, or operations, change nothing and audit nothing", async () => {
    const { person } = await memberOfTwo();
    const ctx = { deps: env.deps, requestId: null, actor: await userActor(env.deps, person) };
    await expectRefused(
      env.deps,
      () => changePassword(ctx, { currentPassword: "fel-lösenord-helt", newPassword: `${PASSWORD}-nytt` }),
      "validation_failed",
      PERSON_TABLES,
    );
    await expectRefused(
      env.deps,
      () =>
        changePassword(systemContext(env.deps, "cli"), {
          currentPassword: PASSWORD,
          newPassword: `${PASSWORD}-nytt`,
        }),
      "forbidden",
      PERSON_TABLES,
    );
  });
});

describe("signOutOtherSessions", () => {
  it("ends every other session, audited in each förbund", async () => {
    const { person, organizationIds } = await memberOfTwo();
    const kept = await login(env.deps, { email: person.email, password: PASSWORD, client: CLIENT });
    await login(env.deps, { email: person.email, password: PASSWORD, client: CLIENT });
    const ctx = {
      deps: env.deps,
      requestId: "req-signout",
      actor: { ...(await userActor(env.deps, person)), sessionId: kept.sessionId },
    };
    await signOutOtherSessions(ctx);
    for (const organizationId of organizationIds) {
      await expectAudited(env.deps, {
        organizationId,
        action: "user.other_sessions_ended",
        entityType: "user",
        entityId: person.userId,
        actor: ctx,
      });
    }
    const sessions = await rowsOf(env.deps, { table: "sessions", where: { user_id: person.userId } });
    expect(sessions.map((s) => s.id)).toEqual([kept.sessionId]);
  });
});

describe("password reset", () => {
  it("the emailed link sets a new password once, audited in each förbund; a second use is refused and writes nothing", async () => {
    const { person, organizationIds } = await memberOfTwo();
    await requestPasswordReset(env.deps, { email: person.email });
    const [email] = await env.deps.db.ownerSql(
      "select text_body from emails where to_address = $1 and template = 'password_reset'",
      [person.email],
    );
    const token = /#token=([a-z2-7]+)/.exec(String(email?.text_body))?.[1] as string;
    await confirmPasswordReset(env.deps, { token, password: `${PASSWORD}-återställt`, client: CLIENT });
    await login(env.deps, { email: person.email, password: `${PASSWORD}-återställt`, client: CLIENT });
    for (const organizationId of organizationIds) {
      await expectAudited(env.deps, {
        organizationId,
        action: "user.password_reset",
        entityType: "user",
        entityId: person.userId,
        sameTransactionAs: { table: "users", where: { id: person.userId } },
      });
    }
    await expectRefused(
      env.deps,
      () => confirmPasswordReset(env.deps, { token, password: `${PASSWORD}-igen`, client: CLIENT }),
      "token_invalid",
      PERSON_TABLES,
    );
  });
});
