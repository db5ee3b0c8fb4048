import { newsletterSubscribers, type Tx, users } from "@nns/db";
import {
  AppError,
  CONSENT_SOURCE_LABELS_SV,
  type ConsentSource,
  fieldError,
  type Page,
  SUBSCRIBER_STATUS_LABELS_SV,
  SUBSCRIBER_STATUSES,
  type SubscriberStatus,
} from "@nns/domain";
import { and, eq, ilike, or } from "drizzle-orm";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import { csvTimestamp, writeCsv } from "../csv.js";
import { keyset, type PageRequest } from "../pagination.js";
import type { PublicationRow } from "./access.js";
import {
  eraseSubscriberRow,
  isSuppressed,
  normalizeEmail,
  queueConfirmation,
  type SubscriberRow,
  unsubscribeRow,
  withSubscriberList,
} from "./subscriber-records.js";
import { signingKey } from "./tokens.js";

export { subscriberLinks } from "./subscriber-records.js";

export interface SubscriberView {
  id: string;
  email: string;
  name: string | null;
  status: SubscriberStatus;
  consent: { at: Date | null; text: string | null; source: ConsentSource; attestedBy: string | null };
  confirmedAt: Date | null;
  unsubscribedAt: Date | null;
  blocklistedAt: Date | null;
  blocklistReason: string | null;
  createdAt: Date;
}

export function subscriberView(row: SubscriberRow): SubscriberView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    consent: {
      at: row.consentAt,
      text: row.consentText,
      source: row.consentSource,
      attestedBy: row.consentAttestedByUserId,
    },
    confirmedAt: row.confirmedAt,
    unsubscribedAt: row.unsubscribedAt,
    blocklistedAt: row.blocklistedAt,
    blocklistReason: row.blocklistReason,
    createdAt: row.createdAt,
  };
}

const ofPublication = (publication: PublicationRow) =>
  and(
    eq(newsletterSubscribers.organizationId, publication.organizationId),
    eq(newsletterSubscribers.publicationId, publication.id),
  );

async function loadSubscriber(
  tx: Tx,
  publication: PublicationRow,
  subscriberId: string,
): Promise<SubscriberRow> {
  const [row] = await tx
    .select()
    .from(newsletterSubscribers)
    .where(and(ofPublication(publication), eq(newsletterSubscribers.id, subscriberId)));
  if (!row) throw new AppError("not_found", "The subscriber does not exist.");
  return row;
}

export interface SubscriberQuery extends PageRequest {
  status?: SubscriberStatus | undefined;
  /** Part of the address or name, case-insensitive. */
  q?: string | undefined;
}

export async function listSubscribers(
  ctx: OrgContext,
  publicationId: string,
  query: SubscriberQuery,
): Promise<Page<SubscriberView>> {
  if (query.status && !SUBSCRIBER_STATUSES.includes(query.status))
    throw fieldError("query.status", "enum", "Okänd status.");
  const keys = keyset(query, newsletterSubscribers.createdAt, newsletterSubscribers.id, "desc");
  return withSubscriberList(ctx, publicationId, async (tx, publication) => {
    const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const rows = await tx
      .select()
      .from(newsletterSubscribers)
      .where(
        and(
          ofPublication(publication),
          query.status ? eq(newsletterSubscribers.status, query.status) : undefined,
          pattern
            ? or(ilike(newsletterSubscribers.email, pattern), ilike(newsletterSubscribers.name, pattern))
            : undefined,
          keys.after,
        ),
      )
      .orderBy(...keys.orderBy)
      .limit(keys.limit);
    return keys.page(rows.map(subscriberView), (s) => [s.createdAt, s.id]);
  });
}

export async function getSubscriber(
  ctx: OrgContext,
  publicationId: string,
  subscriberId: string,
): Promise<SubscriberView> {
  return withSubscriberList(ctx, publicationId, async (tx, publication) =>
    subscriberView(await loadSubscriber(tx, publication, subscriberId)),
  );
}

export interface NewSubscriber {
  email: string;
  name?: string | null | undefined;
  /** The consent the person gave, word for word. */
  consentText: string;
  /** The adder vouches that the person consented: confirmed at once, with the adder recorded. */
  attestConsent: boolean;
}

/**
 * Adds one address by hand or through the API. Without an attestation it stays unconfirmed and gets the
 * double opt-in email. An address on the suppression list (erased, complained) is refused: only the
 * person's own confirmed sign-up lifts that.
 */
export async function addSubscriber(
  ctx: OrgContext,
  publicationId: string,
  input: NewSubscriber,
): Promise<SubscriberView> {
  const email = normalizeEmail(input.email);
  if (!email) throw fieldError("body.email", "email", "Ange en giltig e-postadress.");
  if (!input.consentText.trim())
    throw fieldError("body.consentText", "required", "Ange vilket samtycke personen har gett.");
  const attestedBy = input.attestConsent && ctx.actor.type === "user" ? ctx.actor.userId : null;
  const key = await signingKey(ctx.deps.db);
  return withSubscriberList(ctx, publicationId, async (tx, publication) => {
    if (await isSuppressed(tx, publication.organizationId, publication.id, email))
      throw fieldError(
        "body.email",
        "suppressed",
        "Adressen har avregistrerats eller raderats och kan bara läggas till igen genom att personen själv anmäler sig.",
      );
    const now = new Date();
    const [row] = await tx
      .insert(newsletterSubscribers)
      .values({
        organizationId: publication.organizationId,
        publicationId: publication.id,
        email,
        name: input.name?.trim() || null,
        status: input.attestConsent ? "confirmed" : "unconfirmed",
        consentAt: now,
        consentText: input.consentText.trim(),
        consentSource: "api",
        consentAttestedByUserId: attestedBy,
        confirmedAt: input.attestConsent ? now : null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError("already_exists", "The address already subscribes.", {
        errors: [
          { field: "body.email", rule: "subscriber_exists", message: "Adressen finns redan i listan." },
        ],
      });
    if (!input.attestConsent) await queueConfirmation(tx, ctx.deps, key, publication.name, row);
    await audit(tx, ctx, {
      action: "newsletter.subscriber_added",
      entityType: "newsletter_subscriber",
      entityId: row.id,
      after: { publicationId: publication.id, status: row.status, attested: input.attestConsent },
    });
    return subscriberView(row);
  });
}

/** Erases a subscriber: see `eraseSubscriberRow`. The audit names the id only, never the address. */
export async function eraseSubscriber(
  ctx: OrgContext,
  publicationId: string,
  subscriberId: string,
): Promise<void> {
  await withSubscriberList(ctx, publicationId, async (tx, publication) => {
    const row = await loadSubscriber(tx, publication, subscriberId);
    await audit(tx, ctx, {
      action: "newsletter.subscriber_erased",
      entityType: "newsletter_subscriber",
      entityId: row.id,
      after: { publicationId: publication.id },
    });
    await eraseSubscriberRow(tx, row);
  });
}

/** Unsubscribes on the person's behalf (they asked by phone or letter); the row and consent record stay. */
export async function unsubscribeSubscriber(
  ctx: OrgContext,
  publicationId: string,
  subscriberId: string,
): Promise<SubscriberView> {
  return withSubscriberList(ctx, publicationId, async (tx, publication) => {
    const row = await loadSubscriber(tx, publication, subscriberId);
    await unsubscribeRow(tx, row);
    await audit(tx, ctx, {
      action: "newsletter.subscriber_unsubscribed",
      entityType: "newsletter_subscriber",
      entityId: row.id,
      after: { publicationId: publication.id },
    });
    return subscriberView(await loadSubscriber(tx, publication, subscriberId));
  });
}

/** Swedish Excel's columns, in the order integrators have read them since the export began. */
const EXPORT_HEADER = [
  "E-post",
  "Namn",
  "Status",
  "Samtycke lämnat",
  "Samtyckestext",
  "Samtycke via",
  "Samtycke intygat av",
  "Bekräftad",
  "Avregistrerad",
  "Spärrad",
  "Orsak till spärr",
  "Tillagd",
] as const;

/** Every subscriber with the consent record, oldest first, as CSV for Swedish Excel (csv.ts). */
export async function exportSubscribers(ctx: OrgContext, publicationId: string): Promise<string> {
  return withSubscriberList(ctx, publicationId, async (tx, publication) => {
    const rows = await tx
      .select({ subscriber: newsletterSubscribers, attestedBy: users.name })
      .from(newsletterSubscribers)
      // The person who attested consent by name, not by id; null when the account is out of reach.
      .leftJoin(users, eq(users.id, newsletterSubscribers.consentAttestedByUserId))
      .where(ofPublication(publication))
      .orderBy(newsletterSubscribers.createdAt, newsletterSubscribers.id);
    await audit(tx, ctx, {
      action: "newsletter.subscribers_exported",
      entityType: "newsletter_publication",
      entityId: publication.id,
      after: { count: rows.length },
    });
    return writeCsv(
      EXPORT_HEADER,
      rows.map(({ subscriber: r, attestedBy }) => [
        r.email,
        r.name,
        SUBSCRIBER_STATUS_LABELS_SV[r.status],
        csvTimestamp(r.consentAt),
        r.consentText,
        CONSENT_SOURCE_LABELS_SV[r.consentSource],
        attestedBy,
        csvTimestamp(r.confirmedAt),
        csvTimestamp(r.unsubscribedAt),
        csvTimestamp(r.blocklistedAt),
        r.blocklistReason,
        csvTimestamp(r.createdAt),
      ]),
    );
  });
}
