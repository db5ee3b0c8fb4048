import { createHash } from "node:crypto";
import {
  newsletterDeliveries,
  newsletterPublications,
  newsletterSubscribers,
  newsletterSuppressions,
  setScope,
  type Tx,
  transaction,
} from "@nns/db";
import { EMAIL_MAX_LENGTH, EMAIL_PATTERN } from "@nns/domain";
import { and, eq, inArray, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { Deps, OrgContext } from "../context.js";
import { newsletterConfirmationEmail } from "../mail/newsletter-templates.js";
import { loadPublication, type PublicationRow } from "./access.js";
import { signingKey, signToken, type TokenPurpose, verifyToken } from "./tokens.js";

/**
 * What the subscriber modules share and the services' index does not export: the address rule and hash,
 * the confirmation email, erasure and the signed links.
 */

export type SubscriberRow = typeof newsletterSubscribers.$inferSelect;

export const CONFIRM_DAYS = 7;
const MANAGE_DAYS = 30;

/** The address as stored (lower-case), or null when it is no address mail can be sent to. */
export function normalizeEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  return email.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(email) ? email : null;
}

/** What erasure leaves behind: SHA-256 of the lower-cased address, in hex. */
export function emailHash(email: string): string {
  return createHash("sha256").update(email.trim().toLowerCase()).digest("hex");
}

/**
 * `emailHash` computed by the database, for statements over many subscribers (sending checks every
 * recipient against the suppression list in one INSERT … SELECT). The same value for every address
 * `normalizeEmail` accepts: those are ASCII without whitespace, where lower() and toLowerCase() agree.
 */
export function emailHashSql(email: SQLWrapper): SQL {
  return sql`encode(sha256(convert_to(lower(btrim(${email})), 'UTF8')), 'hex')`;
}

export async function isSuppressed(
  tx: Tx,
  organizationId: string,
  publicationId: string,
  email: string,
): Promise<boolean> {
  const [row] = await tx
    .select({ reason: newsletterSuppressions.reason })
    .from(newsletterSuppressions)
    .where(
      and(
        eq(newsletterSuppressions.organizationId, organizationId),
        eq(newsletterSuppressions.publicationId, publicationId),
        eq(newsletterSuppressions.emailHash, emailHash(email)),
      ),
    );
  return row !== undefined;
}

export async function suppress(
  tx: Tx,
  row: Pick<SubscriberRow, "organizationId" | "publicationId" | "email">,
  reason: "erased" | "complaint" | "hard_bounce",
): Promise<void> {
  await tx
    .insert(newsletterSuppressions)
    .values({
      organizationId: row.organizationId,
      publicationId: row.publicationId,
      emailHash: emailHash(row.email),
      reason,
    })
    .onConflictDoNothing();
}

/**
 * Erasure: the row goes (its bounces with it), the deliveries keep the figures without the link,
 * and only the hash stays so the address is never mailed or imported again. Done as the owner, whose
 * deliveries a co-publisher may read but not change; callers have checked access first.
 */
export async function eraseSubscriberRow(tx: Tx, row: SubscriberRow): Promise<void> {
  await setScope(tx, { organizationId: row.organizationId });
  await tx
    .update(newsletterDeliveries)
    .set({ subscriberId: null })
    .where(
      and(
        eq(newsletterDeliveries.organizationId, row.organizationId),
        eq(newsletterDeliveries.subscriberId, row.id),
      ),
    );
  await tx
    .delete(newsletterSubscribers)
    .where(
      and(eq(newsletterSubscribers.organizationId, row.organizationId), eq(newsletterSubscribers.id, row.id)),
    );
  await suppress(tx, row, "erased");
}

function link(deps: Deps, path: string): string {
  return `${deps.config.publicUrl.replace(/\/$/, "")}/nyhetsbrev/${path}`;
}

/**
 * Queues the double opt-in email with a link that confirms within CONFIRM_DAYS. The key is read by the
 * caller before its transaction: its first read opens one of its own, which must not wait on the caller's.
 */
export async function queueConfirmation(
  tx: Tx,
  deps: Deps,
  key: Buffer,
  publicationName: string,
  row: SubscriberRow,
): Promise<void> {
  const token = signToken(key, {
    purpose: "confirm",
    organizationId: row.organizationId,
    subscriberId: row.id,
    expiresAt: Math.floor(Date.now() / 1000) + CONFIRM_DAYS * 86_400,
  });
  await deps.mailer.queue(
    tx,
    await newsletterConfirmationEmail({
      to: row.email,
      publicationName,
      url: link(deps, `bekrafta/${token}`),
      expiresInDays: CONFIRM_DAYS,
      organizationId: row.organizationId,
    }),
  );
  await tx
    .update(newsletterSubscribers)
    .set({ confirmationSentAt: new Date() })
    .where(
      and(eq(newsletterSubscribers.organizationId, row.organizationId), eq(newsletterSubscribers.id, row.id)),
    );
}

export interface SubscriberLinks {
  unsubscribeUrl: string;
  manageUrl: string;
  /** List-Unsubscribe's mailto: the unsubscribe token in the subject, to `newsletters.unsubscribeMailbox`. */
  unsubscribeMailto: string;
}

/**
 * The signed links every issue carries for its recipient: one-click unsubscribe (RFC 8058; never expires,
 * so an old issue still works), its mailto twin, and the page to see or erase one's data (valid 30 days
 * from the send). Takes the key already read, so the sender builds them per message inside its work
 * without touching the database.
 */
export function signedSubscriberLinks(
  deps: Deps,
  key: Buffer,
  input: { organizationId: string; subscriberId: string },
): SubscriberLinks {
  const unsubscribe = signToken(key, { purpose: "unsubscribe", ...input, expiresAt: 0 });
  const manage = signToken(key, {
    purpose: "manage",
    ...input,
    expiresAt: Math.floor(Date.now() / 1000) + MANAGE_DAYS * 86_400,
  });
  const mailbox = deps.config.newsletters?.unsubscribeMailbox ?? `avregistrera@${deps.mailer.smtp.domain}`;
  return {
    unsubscribeUrl: link(deps, `avregistrera/${unsubscribe}`),
    manageUrl: link(deps, `mina-uppgifter/${manage}`),
    unsubscribeMailto: `mailto:${mailbox}?subject=unsubscribe%20${unsubscribe}`,
  };
}

/**
 * `signedSubscriberLinks` with the key read here. Call it outside a transaction, or after `signingKey` was
 * read once: the key's first read opens a transaction of its own, which on the embedded database would
 * wait for the caller's forever.
 */
export async function subscriberLinks(
  deps: Deps,
  input: { organizationId: string; subscriberId: string },
): Promise<SubscriberLinks> {
  return signedSubscriberLinks(deps, await signingKey(deps.db), input);
}

/** Subscriber lists are personal data: only `subscribers:manage`, and only in a publication one publishes. */
export async function withSubscriberList<T>(
  ctx: OrgContext,
  publicationId: string,
  fn: (tx: Tx, publication: PublicationRow) => Promise<T>,
): Promise<T> {
  requirePermission(ctx, "subscribers:manage");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadPublication(tx, ctx, publicationId);
    return fn(tx, row);
  });
}

/**
 * Runs `fn` for the subscriber a signed link names, in its owner's scope, with the publication's name;
 * `null` is passed when the subscriber is gone (erased). A link that is forged, expired or made for
 * another purpose gives null without running `fn`.
 */
export async function withTokenSubscriber<T>(
  deps: Deps,
  token: string,
  purpose: TokenPurpose,
  fn: (tx: Tx, found: { row: SubscriberRow; publicationName: string } | null) => Promise<T>,
): Promise<T | null> {
  const claims = verifyToken(await signingKey(deps.db), token, purpose);
  if (!claims) return null;
  return transaction(deps.db, { organizationId: claims.organizationId }, async (tx) => {
    const [found] = await tx
      .select({ row: newsletterSubscribers, publicationName: newsletterPublications.name })
      .from(newsletterSubscribers)
      .innerJoin(
        newsletterPublications,
        and(
          eq(newsletterPublications.organizationId, newsletterSubscribers.organizationId),
          eq(newsletterPublications.id, newsletterSubscribers.publicationId),
        ),
      )
      .where(
        and(
          eq(newsletterSubscribers.organizationId, claims.organizationId),
          eq(newsletterSubscribers.id, claims.subscriberId),
        ),
      );
    return fn(tx, found ?? null);
  });
}

/** Unsubscribes a row still receiving (confirmed or unconfirmed); anything else is left as it is. */
export async function unsubscribeRow(tx: Tx, row: SubscriberRow): Promise<void> {
  const now = new Date();
  await tx
    .update(newsletterSubscribers)
    .set({ status: "unsubscribed", unsubscribedAt: now, updatedAt: now })
    .where(
      and(
        eq(newsletterSubscribers.organizationId, row.organizationId),
        eq(newsletterSubscribers.id, row.id),
        inArray(newsletterSubscribers.status, ["confirmed", "unconfirmed"]),
      ),
    );
}
