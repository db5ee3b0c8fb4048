// Routes: apps/api/src/routes/event-signup — a förbund opening public sign-up for one of its events
// (/trainings/{id}/public-signup); the public page itself is apps/api/src/event-pages.
import { eventSignups, type Tx, transaction } from "@nns/db";
import { AppError, fieldError } from "@nns/domain";
import { eq } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { loadTraining, organizationName, requireOwner } from "./scope.js";

export const CONSENT_TEXT_MAX = 2000;

/** The wording a förbund starts from; it may write its own before opening. */
export function defaultEventConsentText(organizerName: string): string {
  return `Jag samtycker till att ${organizerName} sparar mitt namn, min e-postadress och min arbetsplats för att hantera min anmälan, skicka information om evenemanget och följa upp det. Uppgifterna lämnas inte vidare.`;
}

export interface EventSignupView {
  trainingId: string;
  open: boolean;
  openedAt: Date | null;
  closesAt: Date | null;
  consentText: string;
  /** Counts up each time the consent's wording changes; every sign-up records the version it accepted. */
  consentVersion: number;
  /** The public page people sign up on. */
  publicUrl: string;
  version: number;
}

export interface EventSignupInput {
  open: boolean;
  closesAt: Date | null;
  consentText: string;
}

/** The public page's address for an event. */
export function eventPageUrl(publicUrl: string, trainingId: string): string {
  return `${publicUrl}/evenemang/${trainingId}`;
}

function view(ctx: OrgContext, row: typeof eventSignups.$inferSelect): EventSignupView {
  return {
    trainingId: row.trainingId,
    open: row.openedAt !== null,
    openedAt: row.openedAt,
    closesAt: row.closesAt,
    consentText: row.consentText,
    consentVersion: row.consentVersion,
    publicUrl: eventPageUrl(ctx.deps.config.publicUrl, row.trainingId),
    version: row.version,
  };
}

/** An event of the acting förbund's own: public sign-up exists for nothing else. */
async function loadOwnEvent(tx: Tx, ctx: OrgContext, trainingId: string) {
  const access = await loadTraining(tx, ctx, trainingId);
  requireOwner(access.isOwner);
  if (access.training.kind !== "event") {
    throw new AppError("conflict", "Public sign-up is only for a förbund's own events.");
  }
  return access.training;
}

/**
 * The event's public sign-up settings; for an event that never had them, closed with the default consent
 * text, so the form has something to start from.
 */
export async function getEventSignup(ctx: OrgContext, trainingId: string): Promise<EventSignupView> {
  requirePermission(ctx, "trainings:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const training = await loadOwnEvent(tx, ctx, trainingId);
    const [row] = await tx.select().from(eventSignups).where(eq(eventSignups.trainingId, trainingId));
    if (row) return view(ctx, row);
    return {
      trainingId,
      open: false,
      openedAt: null,
      closesAt: null,
      consentText: defaultEventConsentText(await organizationName(tx, training.organizationId)),
      consentVersion: 0,
      publicUrl: eventPageUrl(ctx.deps.config.publicUrl, trainingId),
      version: 0,
    };
  });
}

/**
 * Opens, changes or closes public sign-up. A changed consent text gets a new version, so each sign-up's
 * record says which words it accepted; the registrations already made stay as they are when it closes.
 */
export async function putEventSignup(
  ctx: OrgContext,
  trainingId: string,
  input: EventSignupInput,
): Promise<EventSignupView> {
  requirePermission(ctx, "trainings:manage");
  const consentText = input.consentText.trim();
  if (consentText.length === 0 || consentText.length > CONSENT_TEXT_MAX) {
    throw fieldError(
      "body.consentText",
      consentText.length === 0 ? "too_small" : "too_big",
      `Skriv en samtyckestext på högst ${CONSENT_TEXT_MAX} tecken.`,
    );
  }
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    await loadOwnEvent(tx, ctx, trainingId);
    const [before] = await tx.select().from(eventSignups).where(eq(eventSignups.trainingId, trainingId));
    const now = new Date();
    const openedAt = input.open ? (before?.openedAt ?? now) : null;
    const [row] = before
      ? await tx
          .update(eventSignups)
          .set({
            openedAt,
            closesAt: input.closesAt,
            consentText,
            consentVersion:
              before.consentText === consentText ? before.consentVersion : before.consentVersion + 1,
            version: before.version + 1,
            updatedAt: now,
          })
          .where(eq(eventSignups.trainingId, trainingId))
          .returning()
      : await tx
          .insert(eventSignups)
          .values({
            organizationId: ctx.organization.id,
            trainingId,
            openedAt,
            closesAt: input.closesAt,
            consentText,
          })
          .returning();
    if (!row) throw new Error("event sign-up neither inserted nor updated");
    const after = view(ctx, row);
    await audit(tx, ctx, {
      action: "training.public_signup_set",
      entityType: "training",
      entityId: trainingId,
      before: before ? view(ctx, before) : null,
      after,
    });
    return after;
  });
}
