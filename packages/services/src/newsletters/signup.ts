import {
  newsletterPublications,
  newsletterSubscribers,
  newsletterSuppressions,
  setScope,
  type Tx,
  transaction,
} from "@nns/db";
import { AppError, fieldError, signupConsentText } from "@nns/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { Deps } from "../context.js";
import { countInWindow, tooMany } from "../throttle.js";
import {
  emailHash,
  normalizeEmail,
  queueConfirmation,
  type SubscriberRow,
  withTokenSubscriber,
} from "./subscriber-records.js";

/** Sign-ups per address (whatever publication) and per client address within the window. */
export const DEFAULT_SIGNUP_LIMITS = { perAddress: 5, perClient: 30, windowMs: 3_600_000 } as const;

const TRY_LATER = "För många anmälningar på kort tid. Försök igen senare.";

export interface PublicSignupForm {
  slug: string;
  name: string;
  /** What the form shows beside the consent box and records, word for word. */
  consentText: string;
}

/** A publication that takes sign-ups (not archived), as the public form shows it; null for none. */
export async function publicationForSignup(deps: Deps, slug: string): Promise<PublicSignupForm | null> {
  return transaction(deps.db, { settings: { "app.newsletter_public": "on" } }, async (tx) => {
    const [row] = await publicPublication(tx, slug);
    return row ? { slug: row.slug, name: row.name, consentText: signupConsentText(row.name) } : null;
  });
}

function publicPublication(tx: Tx, slug: string) {
  return tx
    .select()
    .from(newsletterPublications)
    .where(and(eq(newsletterPublications.slug, slug), isNull(newsletterPublications.archivedAt)));
}

export interface SignupInput {
  slug: string;
  email: string;
  name?: string | null | undefined;
  /** The box next to the consent text was ticked; anything else is refused. */
  consent: boolean;
  source: "signup_form" | "embedded_form" | "api";
  clientIp: string | null;
}

/**
 * The public double opt-in. Whatever the address's state the caller learns the same thing ("check your
 * inbox"): a new or unconfirmed address gets the confirmation email, one that unsubscribed or was erased
 * gets it too (confirming brings it back), a confirmed or blocklisted one gets nothing. Sign-ups are
 * counted per address and per client in PostgreSQL, so every replica shares the limit; one over it is a
 * 429 and, the transaction rolled back, sends nothing.
 */
// convention: no permission check — a public form; the limits per address and client stand in for one
// convention: no audit — the subscriber row keeps the consent record itself, and the address its owner
export async function signUp(deps: Deps, input: SignupInput): Promise<void> {
  const email = normalizeEmail(input.email);
  if (!email) throw fieldError("body.email", "email", "Ange en giltig e-postadress.");
  if (input.consent !== true)
    throw fieldError("body.consent", "consent_required", "Kryssa i rutan för att ge ditt samtycke.");
  const limits = deps.config.newsletters?.signupLimits ?? DEFAULT_SIGNUP_LIMITS;
  await transaction(deps.db, { settings: { "app.newsletter_public": "on" } }, async (tx) => {
    const [publication] = await publicPublication(tx, input.slug);
    if (!publication) throw new AppError("not_found", "The newsletter does not exist.");
    const counters = [
      { key: `newsletter-signup:address:${emailHash(email)}`, limit: limits.perAddress },
      ...(input.clientIp
        ? [{ key: `newsletter-signup:client:${input.clientIp}`, limit: limits.perClient }]
        : []),
    ];
    for (const counter of counters) {
      const { count, windowStartedAt } = await countInWindow(tx, counter.key, limits.windowMs);
      if (count > counter.limit) throw tooMany(TRY_LATER, windowStartedAt, limits.windowMs);
    }
    await setScope(tx, { organizationId: publication.organizationId });
    const now = new Date();
    const consent = {
      name: input.name?.trim() || null,
      consentAt: now,
      consentText: signupConsentText(publication.name),
      consentSource: input.source,
      consentAttestedByUserId: null,
      updatedAt: now,
    };
    const [inserted] = await tx
      .insert(newsletterSubscribers)
      .values({
        organizationId: publication.organizationId,
        publicationId: publication.id,
        email,
        status: "unconfirmed",
        ...consent,
      })
      .onConflictDoNothing()
      .returning();
    let row: SubscriberRow | undefined = inserted;
    if (!row) {
      const [updated] = await tx
        .update(newsletterSubscribers)
        .set(consent)
        .where(
          and(
            eq(newsletterSubscribers.organizationId, publication.organizationId),
            eq(newsletterSubscribers.publicationId, publication.id),
            eq(newsletterSubscribers.email, email),
            // A confirmed subscriber keeps the consent it confirmed; a blocklisted address stays so.
            eq(newsletterSubscribers.status, "unconfirmed"),
          ),
        )
        .returning();
      row = updated ?? (await unsubscribedRow(tx, publication.organizationId, publication.id, email));
    }
    if (row) await queueConfirmation(tx, deps, publication.name, row);
  });
}

/** An unsubscribed address signing up again: it stays unsubscribed until it confirms. */
async function unsubscribedRow(
  tx: Tx,
  organizationId: string,
  publicationId: string,
  email: string,
): Promise<SubscriberRow | undefined> {
  const [row] = await tx
    .select()
    .from(newsletterSubscribers)
    .where(
      and(
        eq(newsletterSubscribers.organizationId, organizationId),
        eq(newsletterSubscribers.publicationId, publicationId),
        eq(newsletterSubscribers.email, email),
        eq(newsletterSubscribers.status, "unsubscribed"),
      ),
    );
  return row;
}

export interface Confirmation {
  publicationName: string;
  /** Already confirmed before this link was followed. */
  alreadyConfirmed: boolean;
}

/**
 * Follows a confirmation link: the address becomes confirmed and its consent counts from now. A
 * suppression (erased, complained) is lifted, since the person has now asked for the newsletter
 * themselves. A blocklisted address stays blocklisted. Null when the link is forged, expired or its
 * subscriber erased.
 */
export async function confirmSubscription(deps: Deps, token: string): Promise<Confirmation | null> {
  return withTokenSubscriber(deps, token, "confirm", async (tx, found) => {
    if (!found) return null;
    const { row, publicationName } = found;
    if (row.status === "confirmed") return { publicationName, alreadyConfirmed: true };
    if (row.status === "blocklisted") return null;
    const now = new Date();
    await tx
      .update(newsletterSubscribers)
      .set({ status: "confirmed", confirmedAt: now, unsubscribedAt: null, consentAt: now, updatedAt: now })
      .where(
        and(
          eq(newsletterSubscribers.organizationId, row.organizationId),
          eq(newsletterSubscribers.id, row.id),
        ),
      );
    await tx
      .delete(newsletterSuppressions)
      .where(
        and(
          eq(newsletterSuppressions.organizationId, row.organizationId),
          eq(newsletterSuppressions.publicationId, row.publicationId),
          eq(newsletterSuppressions.emailHash, emailHash(row.email)),
        ),
      );
    return { publicationName, alreadyConfirmed: false };
  });
}

/** What the confirmation page shows before the button is pressed; null for a link that does not hold. */
export async function confirmationFor(
  deps: Deps,
  token: string,
): Promise<{ publicationName: string } | null> {
  return withTokenSubscriber(deps, token, "confirm", async (_tx, found) =>
    found && found.row.status !== "blocklisted" ? { publicationName: found.publicationName } : null,
  );
}
