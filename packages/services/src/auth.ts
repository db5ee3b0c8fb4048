import { passwordResetTokens, sessions, transaction, users } from "@nns/db";
import { AppError, checkPassword } from "@nns/domain";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { requireOperations, requireSignedInPerson } from "./access.js";
import { auditForPerson } from "./audit.js";
import { type Deps, type MembershipSummary, personContext, type ServiceContext } from "./context.js";
import {
  burnPasswordVerification,
  hashPassword,
  randomToken,
  sha256Bytes,
  verifyPassword,
} from "./crypto.js";
import { passwordResetEmail } from "./mail/templates.js";
import { createSession, deleteUserSessions } from "./sessions.js";
import { claimAttempt, rememberSignIn, settleSuccess } from "./throttle.js";
import { findUserByEmail, loadMemberships, normalizeEmail, type UserView, userView } from "./users.js";

const RESET_TOKEN_TTL_MS = 30 * 60_000;

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  /** The device cookie's token, if the browser sent one: proof of an earlier sign-in (throttle.ts). */
  deviceToken: string | null;
}

export interface SignedIn {
  token: string;
  sessionId: string;
  /** For the device cookie: this browser has now signed in to this account. */
  deviceToken: string;
  user: UserView;
  memberships: MembershipSummary[];
}

export function assertAcceptablePassword(password: string, email: string, field = "body.password"): void {
  const problem = checkPassword(password, { email });
  if (problem) {
    throw new AppError("validation_failed", problem.message, {
      errors: [{ field, rule: problem.rule, message: problem.message }],
    });
  }
}

/**
 * Email + password sign-in. Always a fresh session (a token presented before login is never promoted),
 * throttled as throttle.ts describes, and as slow for unknown emails as for wrong passwords.
 */
// convention: no permission check — signing in is how a person proves who they are
// convention: no audit — a sign-in changes no one's data; throttling keeps its own counters
export async function login(
  deps: Deps,
  input: { email: string; password: string; client: ClientInfo },
): Promise<SignedIn> {
  const email = normalizeEmail(input.email);
  const { ip, deviceToken } = input.client;
  const { user, claim } = await transaction(deps.db, {}, async (tx) => {
    const found = await findUserByEmail(tx, email);
    return {
      user: found,
      claim: await claimAttempt(tx, deps, found?.id ?? null, { email, ip, deviceToken }),
    };
  });
  const ok = user?.passwordHash ? await verifyPassword(user.passwordHash, input.password) : false;
  if (!user?.passwordHash) await burnPasswordVerification(input.password);
  if (!user || !ok || user.disabledAt) {
    throw new AppError("invalid_credentials", "Fel e-postadress eller lösenord.");
  }
  return transaction(deps.db, { userId: user.id }, async (tx) => {
    await settleSuccess(tx, claim);
    const { token, session } = await createSession(tx, user.id, input.client);
    return {
      token,
      sessionId: session.id,
      deviceToken: await rememberSignIn(tx, user.id, input.client),
      user: userView(user),
      memberships: await loadMemberships(tx, user.id),
    };
  });
}

const RESET_RESEND_INTERVAL_MS = 60_000;

/**
 * Always succeeds from the caller's point of view, so the endpoint does not reveal which emails exist:
 * the email is sent after the response, and at most one per account per minute.
 */
// convention: no permission check — anyone may ask; the link goes only to the account's own address
// convention: no audit — asking changes nothing until the emailed link is used, which is audited
export async function requestPasswordReset(deps: Deps, input: { email: string }): Promise<void> {
  const token = randomToken() + randomToken();
  // The email goes out from the job queue after commit, so the time to answer does not tell whether the
  // address has an account.
  await transaction(deps.db, {}, async (tx) => {
    const user = await findUserByEmail(tx, input.email);
    if (!user || user.disabledAt) return;
    const [recent] = await tx
      .select({ id: passwordResetTokens.id })
      .from(passwordResetTokens)
      .where(
        and(
          eq(passwordResetTokens.userId, user.id),
          gt(passwordResetTokens.createdAt, new Date(Date.now() - RESET_RESEND_INTERVAL_MS)),
        ),
      )
      .for("update");
    if (recent) return;
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx.insert(passwordResetTokens).values({
      userId: user.id,
      tokenHash: sha256Bytes(token),
      expiresAt: new Date(Date.now() + RESET_TOKEN_TTL_MS),
    });
    const url = `${deps.config.publicUrl}/reset-password#token=${token}`;
    await deps.mailer.queue(
      tx,
      await passwordResetEmail({ to: user.email, url, expiresInMinutes: RESET_TOKEN_TTL_MS / 60_000 }),
    );
  });
}

/**
 * Sets a new password from the emailed link. Holding the link proves the person, so this browser and
 * address are remembered like a sign-in: the way back in when an attack holds back new devices.
 * Returns the token for the device cookie.
 */
// convention: no permission check — holding the emailed link proves the person
export async function confirmPasswordReset(
  deps: Deps,
  input: { token: string; password: string; client: ClientInfo },
): Promise<{ deviceToken: string }> {
  return transaction(deps.db, {}, async (tx) => {
    const [row] = await tx
      .select({ reset: passwordResetTokens, user: users })
      .from(passwordResetTokens)
      .innerJoin(users, eq(users.id, passwordResetTokens.userId))
      .where(
        and(
          eq(passwordResetTokens.tokenHash, sha256Bytes(input.token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .for("update");
    if (!row || row.user.disabledAt)
      throw new AppError("token_invalid", "Länken är ogiltig, redan använd eller för gammal.");
    assertAcceptablePassword(input.password, row.user.email);
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(eq(passwordResetTokens.id, row.reset.id));
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(input.password),
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, row.user.id));
    await deleteUserSessions(tx, row.user.id);
    const self = personContext(deps, row.user);
    await auditForPerson(tx, self, row.user.id, {
      action: "user.password_reset",
      entityType: "user",
      entityId: row.user.id,
    });
    return { deviceToken: await rememberSignIn(tx, row.user.id, input.client) };
  });
}

export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireSignedInPerson(ctx, "Only a signed-in person can change a password.");
  await transaction(ctx.deps.db, { userId: actor.userId }, async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, actor.userId)).for("update");
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new AppError("validation_failed", "Nuvarande lösenord stämmer inte.", {
        errors: [
          { field: "body.currentPassword", rule: "mismatch", message: "Nuvarande lösenord stämmer inte." },
        ],
      });
    }
    assertAcceptablePassword(input.newPassword, user.email, "body.newPassword");
    await tx
      .update(users)
      .set({
        passwordHash: await hashPassword(input.newPassword),
        passwordChangedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id));
    await deleteUserSessions(tx, user.id, actor.sessionId ?? undefined);
    await auditForPerson(tx, ctx, user.id, {
      action: "user.password_changed",
      entityType: "user",
      entityId: user.id,
    });
  });
}

export interface SessionView {
  id: string;
  createdAt: Date;
  lastActiveAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
  current: boolean;
}

export async function listMySessions(ctx: ServiceContext): Promise<SessionView[]> {
  const actor = requireSignedInPerson(ctx, "Only a signed-in person has sessions.");
  const rows = await transaction(ctx.deps.db, { userId: actor.userId }, (tx) =>
    tx.select().from(sessions).where(eq(sessions.userId, actor.userId)).orderBy(desc(sessions.lastActiveAt)),
  );
  return rows.map((s) => ({
    id: s.id,
    createdAt: s.createdAt,
    lastActiveAt: s.lastActiveAt,
    ipAddress: s.ipAddress,
    userAgent: s.userAgent,
    current: s.id === actor.sessionId,
  }));
}

export async function signOutOtherSessions(ctx: ServiceContext): Promise<void> {
  const actor = requireSignedInPerson(ctx, "Only a signed-in person has sessions.");
  await transaction(ctx.deps.db, { userId: actor.userId }, async (tx) => {
    await deleteUserSessions(tx, actor.userId, actor.sessionId ?? undefined);
    await auditForPerson(tx, ctx, actor.userId, {
      action: "user.other_sessions_ended",
      entityType: "user",
      entityId: actor.userId,
    });
  });
}

/** Disabling an account ends all its sessions at once; used by the operations CLI. */
export async function setUserDisabled(ctx: ServiceContext, email: string, disabled: boolean): Promise<void> {
  requireOperations(ctx, "Only operations may disable or enable an account.");
  await transaction(ctx.deps.db, {}, async (tx) => {
    const user = await findUserByEmail(tx, email);
    if (!user) throw new AppError("not_found", `No user with the email ${email}.`);
    await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() })
      .where(eq(users.id, user.id));
    if (disabled) await deleteUserSessions(tx, user.id);
    await auditForPerson(tx, ctx, user.id, {
      action: disabled ? "user.disabled" : "user.enabled",
      entityType: "user",
      entityId: user.id,
    });
  });
}
