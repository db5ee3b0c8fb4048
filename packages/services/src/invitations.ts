import { invitations, memberships, organizations, setScope, transaction, users } from "@nns/db";
import { AppError, type Page, type Role } from "@nns/domain";
import { and, eq, gt, isNull } from "drizzle-orm";
import { requirePermission } from "./access.js";
import { audit, writeAudit } from "./audit.js";
import { assertAcceptablePassword, type ClientInfo, type SignedIn } from "./auth.js";
import { type Deps, type OrgContext, personContext } from "./context.js";
import { hashPassword, randomToken, sha256Bytes, sha256Hex, verifyPassword } from "./crypto.js";
import { invitationEmail, ROLE_LABELS_SV } from "./mail/templates.js";
import { assertAssignable } from "./members.js";
import { keyset, type PageRequest } from "./pagination.js";
import { createSession } from "./sessions.js";
import { claimAttempt, rememberSignIn, settleSuccess } from "./throttle.js";
import { findUserByEmail, loadMemberships, normalizeEmail, userView } from "./users.js";

const INVITATION_TTL_DAYS = 7;

export interface InvitationView {
  id: string;
  email: string;
  role: Role;
  status: "pending" | "accepted" | "revoked" | "expired";
  expiresAt: Date;
  createdAt: Date;
}

type InvitationRow = typeof invitations.$inferSelect;

function statusOf(row: InvitationRow): InvitationView["status"] {
  if (row.acceptedAt) return "accepted";
  if (row.revokedAt) return "revoked";
  if (row.expiresAt.getTime() <= Date.now()) return "expired";
  return "pending";
}

function view(row: InvitationRow): InvitationView {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: statusOf(row),
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
  };
}

/**
 * Invites a person by email. A pending invitation to the same address is replaced, so the newest link is
 * the only one that works.
 */
export async function inviteMember(
  ctx: OrgContext,
  input: { email: string; role: Role },
): Promise<InvitationView> {
  requirePermission(ctx, "members:manage");
  assertAssignable(ctx, input.role);
  const email = normalizeEmail(input.email);
  const token = randomToken() + randomToken();
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      const [member] = await tx
        .select()
        .from(memberships)
        .where(and(eq(memberships.organizationId, ctx.organization.id), eq(memberships.userId, existing.id)));
      if (member) {
        throw new AppError("already_exists", "The person is already a member.", {
          errors: [
            {
              field: "body.email",
              rule: "already_member",
              message: "Personen är redan medlem i organisationen.",
            },
          ],
        });
      }
    }
    const replaced = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(invitations.organizationId, ctx.organization.id),
          eq(invitations.email, email),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning();
    for (const old of replaced) {
      await audit(tx, ctx, {
        action: "invitation.revoked",
        entityType: "invitation",
        entityId: old.id,
        before: { ...view(old), status: "pending" },
        after: view(old),
      });
    }
    const [row] = await tx
      .insert(invitations)
      .values({
        organizationId: ctx.organization.id,
        email,
        role: input.role,
        tokenHash: sha256Bytes(token),
        invitedByUserId: ctx.actor.type === "user" ? ctx.actor.userId : null,
        expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
      })
      .returning();
    if (!row) throw new Error("invitation insert returned nothing");
    await ctx.deps.mailer.queue(
      tx,
      await invitationEmail({
        to: email,
        organizationName: ctx.organization.name,
        inviterName: ctx.actor.type === "user" ? ctx.actor.name : null,
        roleLabel: ROLE_LABELS_SV[input.role],
        url: `${ctx.deps.config.publicUrl}/accept-invitation#token=${token}`,
        expiresInDays: INVITATION_TTL_DAYS,
        organizationId: ctx.organization.id,
      }),
    );
    const invitation = view(row);
    await audit(tx, ctx, {
      action: "invitation.created",
      entityType: "invitation",
      entityId: row.id,
      after: invitation,
    });
    return invitation;
  });
}

export async function listInvitations(
  ctx: OrgContext,
  page: PageRequest & { pendingOnly: boolean },
): Promise<Page<InvitationView>> {
  requirePermission(ctx, "members:read");
  const keys = keyset(page, invitations.createdAt, invitations.id, "asc");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(invitations)
      .where(
        and(
          eq(invitations.organizationId, ctx.organization.id),
          page.pendingOnly
            ? and(
                isNull(invitations.acceptedAt),
                isNull(invitations.revokedAt),
                gt(invitations.expiresAt, new Date()),
              )
            : undefined,
          keys.after,
        ),
      )
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    return keys.page(rows.map(view), (i) => [i.createdAt, i.id]);
  });
}

export async function revokeInvitation(ctx: OrgContext, invitationId: string): Promise<InvitationView> {
  requirePermission(ctx, "members:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.organizationId, ctx.organization.id), eq(invitations.id, invitationId)))
      .for("update");
    if (!row) throw new AppError("not_found", "The invitation does not exist.");
    const before = view(row);
    if (before.status !== "pending") return before;
    const [updated] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(eq(invitations.id, row.id))
      .returning();
    const after = view(updated as InvitationRow);
    await audit(tx, ctx, {
      action: "invitation.revoked",
      entityType: "invitation",
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}

export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: Role;
  /** True when the email already has an account: accepting then asks for that account's password. */
  existingAccount: boolean;
  expiresAt: Date;
}

function tokenScope(token: string) {
  return { settings: { "app.invitation_token_hash": sha256Hex(token) } };
}

/** What the accept page shows before the person sets a password; the token itself is the credential. */
export async function previewInvitation(deps: Deps, token: string): Promise<InvitationPreview> {
  return transaction(deps.db, tokenScope(token), async (tx) => {
    const [row] = await tx
      .select({ invitation: invitations, organizationName: organizations.name })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
      .where(eq(invitations.tokenHash, sha256Bytes(token)));
    if (!row || statusOf(row.invitation) !== "pending") {
      throw new AppError("token_invalid", "Inbjudan är ogiltig, redan använd eller för gammal.");
    }
    return {
      organizationName: row.organizationName,
      email: row.invitation.email,
      role: row.invitation.role,
      existingAccount: Boolean(await findUserByEmail(tx, row.invitation.email)),
      expiresAt: row.invitation.expiresAt,
    };
  });
}

/**
 * Accepts an invitation and signs the person in. A new person chooses a name and password; someone who
 * already has an account proves it with that account's password, which is left unchanged.
 */
// convention: no permission check — the invitation token is the permission, and the password proves the person
export async function acceptInvitation(
  deps: Deps,
  input: {
    token: string;
    name?: string | undefined;
    password: string;
    client: ClientInfo;
    requestId?: string | null;
  },
): Promise<SignedIn> {
  const outcome = await transaction(
    deps.db,
    tokenScope(input.token),
    async (tx): Promise<SignedIn | { mismatch: string }> => {
      // The token-holder policy only grants SELECT; locking the row needs the organization's own scope.
      const [found] = await tx
        .select({ organizationId: invitations.organizationId })
        .from(invitations)
        .where(eq(invitations.tokenHash, sha256Bytes(input.token)));
      if (found)
        await setScope(tx, {
          organizationId: found.organizationId,
          settings: tokenScope(input.token).settings,
        });
      const [invitation] = found
        ? await tx
            .select()
            .from(invitations)
            .where(eq(invitations.tokenHash, sha256Bytes(input.token)))
            .for("update")
        : [];
      if (!invitation || statusOf(invitation) !== "pending") {
        throw new AppError("token_invalid", "Inbjudan är ogiltig, redan använd eller för gammal.");
      }
      let user = await findUserByEmail(tx, invitation.email);
      if (user) {
        const claim = await claimAttempt(tx, deps, user.id, {
          email: normalizeEmail(user.email),
          ip: input.client.ip,
          deviceToken: input.client.deviceToken,
        });
        if (
          user.disabledAt ||
          !user.passwordHash ||
          !(await verifyPassword(user.passwordHash, input.password))
        ) {
          return { mismatch: user.email };
        }
        await settleSuccess(tx, claim);
      } else {
        const name = input.name?.trim();
        if (!name) {
          throw new AppError("validation_failed", "A name is required for a new account.", {
            errors: [{ field: "body.name", rule: "required", message: "Ange ditt namn." }],
          });
        }
        assertAcceptablePassword(input.password, invitation.email);
        [user] = await tx
          .insert(users)
          .values({
            email: invitation.email,
            name,
            passwordHash: await hashPassword(input.password),
            passwordChangedAt: new Date(),
          })
          .returning();
        if (!user) throw new Error("user insert returned nothing");
      }
      await setScope(tx, {
        organizationId: invitation.organizationId,
        userId: user.id,
        settings: tokenScope(input.token).settings,
      });
      await tx
        .insert(memberships)
        .values({ organizationId: invitation.organizationId, userId: user.id, role: invitation.role })
        .onConflictDoNothing();
      await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, invitation.id));
      const acceptedBy = personContext(deps, user, input.requestId ?? null);
      await writeAudit(tx, acceptedBy, invitation.organizationId, {
        action: "invitation.accepted",
        entityType: "membership",
        entityId: user.id,
        after: { userId: user.id, email: user.email, role: invitation.role },
      });
      const { token, session } = await createSession(tx, user.id, input.client);
      return {
        token,
        sessionId: session.id,
        deviceToken: await rememberSignIn(tx, user.id, input.client),
        user: userView(user),
        memberships: await loadMemberships(tx, user.id),
      };
    },
  );
  if ("mismatch" in outcome) {
    // The attempt was counted, and committed, against the account like a failed sign-in.
    throw new AppError("validation_failed", "Lösenordet stämmer inte med det befintliga kontot.", {
      errors: [
        { field: "body.password", rule: "mismatch", message: "Ange lösenordet till ditt befintliga konto." },
      ],
    });
  }
  return outcome;
}
