// Routes: apps/api/src/routes/newsletters — a joint newsletter's settings, owned by one förbund.
import {
  newsletterIssues,
  newsletterPublications,
  newsletterPublishers,
  organizations,
  type Tx,
  transaction,
} from "@nns/db";
import { AppError, EmailAddress, type FieldError, PUBLICATION_SLUG } from "@nns/domain";
import { and, asc, eq, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import { audit } from "../audit.js";
import type { OrgContext } from "../context.js";
import {
  checkVersion,
  loadPublication,
  type PublicationRow,
  publicationReachableFrom,
  requirePublicationOwner,
} from "./access.js";
import { type PublisherView, publishersOf } from "./publishers.js";

export interface PublicationInput {
  slug: string;
  name: string;
  description?: string | null;
  senderName: string;
  senderEmail: string;
  replyTo?: string | null;
  logoUrl?: string | null;
  logoAlt?: string | null;
  clickTracking?: boolean;
}

export type PublicationPatch = Partial<PublicationInput>;

export interface PublicationView {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  senderName: string;
  senderEmail: string;
  replyTo: string | null;
  logoUrl: string | null;
  logoAlt: string | null;
  clickTracking: boolean;
  archivedAt: Date | null;
  version: number;
  owner: { id: string; name: string };
  isOwner: boolean;
  publicUrl: string;
  publishers: PublisherView[];
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Words under /nyhetsbrev/ that are pages of their own (confirming, unsubscribing, a subscriber's data,
 * the preview's stand-in for recipient links), so no publication may take them as its address.
 */
const RESERVED_SLUGS = new Set(["bekrafta", "avregistrera", "mina-uppgifter", "forhandsvisning", "atom"]);

export function publicationUrl(publicUrl: string, slug: string): string {
  return `${publicUrl}/nyhetsbrev/${slug}`;
}

/** A sent issue's page in the public archive. */
export function issueUrl(publicUrl: string, slug: string, number: number): string {
  return `${publicationUrl(publicUrl, slug)}/${number}`;
}

/** A URL that loads over HTTPS: images and links in an email are fetched by the reader's client. */
export function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

type Values = Required<{ [K in keyof PublicationInput]: Exclude<PublicationInput[K], undefined> }>;

function publicationErrors(values: Values): FieldError[] {
  const errors: FieldError[] = [];
  if (!PUBLICATION_SLUG.test(values.slug))
    errors.push({
      field: "body.slug",
      rule: "slug_format",
      message:
        "Kortadressen ska vara 3–60 tecken: små bokstäver a–z, siffror och enstaka bindestreck mellan dem.",
    });
  else if (RESERVED_SLUGS.has(values.slug))
    errors.push({
      field: "body.slug",
      rule: "slug_reserved",
      message: `Kortadressen ${values.slug} används redan av webbplatsen; välj en annan.`,
    });
  if (!values.name.trim())
    errors.push({ field: "body.name", rule: "required", message: "Ange nyhetsbrevets namn." });
  if (!values.senderName.trim())
    errors.push({ field: "body.senderName", rule: "required", message: "Ange avsändarnamnet." });
  if (!EmailAddress.safeParse(values.senderEmail).success)
    errors.push({
      field: "body.senderEmail",
      rule: "invalid_format:email",
      message: "Ange en giltig e-postadress som avsändare.",
    });
  if (values.replyTo !== null && !EmailAddress.safeParse(values.replyTo).success)
    errors.push({
      field: "body.replyTo",
      rule: "invalid_format:email",
      message: "Ange en giltig e-postadress för svar, eller lämna fältet tomt.",
    });
  if (values.logoUrl !== null) {
    if (!isHttpsUrl(values.logoUrl))
      errors.push({
        field: "body.logoUrl",
        rule: "https_required",
        message: "Logotypens adress ska börja med https://.",
      });
    if (!values.logoAlt?.trim())
      errors.push({
        field: "body.logoAlt",
        rule: "alt_required",
        message: "Skriv en alternativtext till logotypen, till exempel förbundets namn.",
      });
  }
  return errors;
}

function validated(values: Values): Values {
  const errors = publicationErrors(values);
  const [first] = errors;
  if (first) throw new AppError("validation_failed", first.message, { errors });
  return { ...values, logoAlt: values.logoUrl === null ? null : values.logoAlt };
}

/** The slug is unique across the platform, and other förbund's publications are invisible here. */
function translateSlugTaken(error: unknown): never {
  if (String((error as { cause?: unknown })?.cause ?? error).includes("newsletter_publications_slug_key"))
    throw new AppError("already_exists", "Kortadressen är upptagen.", {
      errors: [
        {
          field: "body.slug",
          rule: "slug_taken",
          message: "Det finns redan ett nyhetsbrev med den kortadressen; välj en annan.",
        },
      ],
    });
  throw error;
}

export async function publicationView(
  tx: Tx,
  ctx: OrgContext,
  row: PublicationRow,
): Promise<PublicationView> {
  const [owner] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.organizationId));
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    description: row.description,
    senderName: row.senderName,
    senderEmail: row.senderEmail,
    replyTo: row.replyTo,
    logoUrl: row.logoUrl,
    logoAlt: row.logoAlt,
    clickTracking: row.clickTracking,
    archivedAt: row.archivedAt,
    version: row.version,
    owner: { id: row.organizationId, name: owner?.name ?? "" },
    isOwner: row.organizationId === ctx.organization.id,
    publicUrl: publicationUrl(ctx.deps.config.publicUrl, row.slug),
    publishers: await publishersOf(tx, row),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The förbund's own publications and those it co-publishes, by name. */
export async function listPublications(ctx: OrgContext): Promise<PublicationView[]> {
  requirePermission(ctx, "newsletters:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const rows = await tx
      .select()
      .from(newsletterPublications)
      .where(publicationReachableFrom(ctx.organization.id))
      .orderBy(asc(newsletterPublications.name), asc(newsletterPublications.id));
    const views: PublicationView[] = [];
    for (const row of rows) views.push(await publicationView(tx, ctx, row));
    return views;
  });
}

export async function getPublication(ctx: OrgContext, publicationId: string): Promise<PublicationView> {
  requirePermission(ctx, "newsletters:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) =>
    publicationView(tx, ctx, (await loadPublication(tx, ctx, publicationId)).row),
  );
}

/** The förbund creates a publication it owns, and is its first publisher (the footer's first line). */
export async function createPublication(ctx: OrgContext, input: PublicationInput): Promise<PublicationView> {
  requirePermission(ctx, "newsletters:write");
  const values = validated({
    slug: input.slug,
    name: input.name.trim(),
    description: input.description?.trim() || null,
    senderName: input.senderName.trim(),
    senderEmail: input.senderEmail,
    replyTo: input.replyTo || null,
    logoUrl: input.logoUrl || null,
    logoAlt: input.logoAlt?.trim() || null,
    clickTracking: input.clickTracking ?? false,
  });
  try {
    return await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
      const [row] = await tx
        .insert(newsletterPublications)
        .values({ organizationId: ctx.organization.id, ...values })
        .returning();
      if (!row) throw new Error("publication insert returned nothing");
      await tx.insert(newsletterPublishers).values({
        organizationId: ctx.organization.id,
        publicationId: row.id,
        publisherOrganizationId: ctx.organization.id,
      });
      const view = await publicationView(tx, ctx, row);
      await audit(tx, ctx, {
        action: "newsletter.publication_created",
        entityType: "newsletter_publication",
        entityId: row.id,
        after: values,
      });
      return view;
    });
  } catch (error) {
    translateSlugTaken(error);
  }
}

/**
 * The owner changes settings. The address (slug) stays once an issue has been sent: the archive and every
 * sent email link to it.
 */
export async function updatePublication(
  ctx: OrgContext,
  publicationId: string,
  patch: PublicationPatch,
  expectedVersion: number | null,
): Promise<PublicationView> {
  requirePermission(ctx, "newsletters:write");
  try {
    return await transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
      const { row, isOwner } = await loadPublication(tx, ctx, publicationId);
      requirePublicationOwner(isOwner, "ändra nyhetsbrevets inställningar");
      const [locked] = await tx
        .select()
        .from(newsletterPublications)
        .where(
          and(
            eq(newsletterPublications.organizationId, row.organizationId),
            eq(newsletterPublications.id, row.id),
          ),
        )
        .for("update");
      const before = locked ?? row;
      checkVersion(before.version, expectedVersion, "Nyhetsbrevet");
      if (before.archivedAt) throw new AppError("conflict", "Nyhetsbrevet är arkiverat och kan inte ändras.");
      const values = validated({
        slug: patch.slug ?? before.slug,
        name: (patch.name ?? before.name).trim(),
        description: patch.description === undefined ? before.description : patch.description?.trim() || null,
        senderName: (patch.senderName ?? before.senderName).trim(),
        senderEmail: patch.senderEmail ?? before.senderEmail,
        replyTo: patch.replyTo === undefined ? before.replyTo : patch.replyTo || null,
        logoUrl: patch.logoUrl === undefined ? before.logoUrl : patch.logoUrl || null,
        logoAlt: patch.logoAlt === undefined ? before.logoAlt : patch.logoAlt?.trim() || null,
        clickTracking: patch.clickTracking ?? before.clickTracking,
      });
      if (values.slug !== before.slug && (await hasSentIssue(tx, before)))
        throw new AppError("validation_failed", "Kortadressen kan inte ändras efter första utskicket.", {
          errors: [
            {
              field: "body.slug",
              rule: "slug_fixed_after_sending",
              message:
                "Kortadressen kan inte ändras när ett utskick har skickats: arkivet och breven länkar dit.",
            },
          ],
        });
      const [updated] = await tx
        .update(newsletterPublications)
        .set({ ...values, version: sql`${newsletterPublications.version} + 1`, updatedAt: new Date() })
        .where(
          and(
            eq(newsletterPublications.organizationId, before.organizationId),
            eq(newsletterPublications.id, before.id),
          ),
        )
        .returning();
      if (!updated) throw new Error("publication update returned nothing");
      await audit(tx, ctx, {
        action: "newsletter.publication_edited",
        entityType: "newsletter_publication",
        entityId: before.id,
        before: changedFields(before, values),
        after: changedFields(values, before),
      });
      return publicationView(tx, ctx, updated);
    });
  } catch (error) {
    translateSlugTaken(error);
  }
}

/** The fields of `a` whose value differs in `b`: what an audit entry of a change needs to show. */
function changedFields(a: object, b: object): Record<string, unknown> {
  const other = b as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(a).filter(([key, value]) => key in other && String(value) !== String(other[key])),
  );
}

async function hasSentIssue(tx: Tx, row: PublicationRow): Promise<boolean> {
  const [sent] = await tx
    .select({ id: newsletterIssues.id })
    .from(newsletterIssues)
    .where(
      and(
        eq(newsletterIssues.organizationId, row.organizationId),
        eq(newsletterIssues.publicationId, row.id),
        sql`${newsletterIssues.sentAt} is not null or ${newsletterIssues.sendStartedAt} is not null`,
      ),
    )
    .limit(1);
  return sent !== undefined;
}

/**
 * The owner archives a publication: its public page and sign-up form go away (the public policy shows only
 * unarchived ones), no new issues are made, and everything stays on record.
 */
export async function archivePublication(
  ctx: OrgContext,
  publicationId: string,
  expectedVersion: number | null,
): Promise<PublicationView> {
  requirePermission(ctx, "newsletters:write");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row, isOwner } = await loadPublication(tx, ctx, publicationId);
    requirePublicationOwner(isOwner, "arkivera nyhetsbrevet");
    checkVersion(row.version, expectedVersion, "Nyhetsbrevet");
    if (row.archivedAt) throw new AppError("conflict", "Nyhetsbrevet är redan arkiverat.");
    const [updated] = await tx
      .update(newsletterPublications)
      .set({
        archivedAt: new Date(),
        version: sql`${newsletterPublications.version} + 1`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(newsletterPublications.organizationId, row.organizationId),
          eq(newsletterPublications.id, row.id),
          eq(newsletterPublications.version, row.version),
        ),
      )
      .returning();
    if (!updated) throw new AppError("precondition_failed", "Nyhetsbrevet har ändrats sedan du läste det.");
    await audit(tx, ctx, {
      action: "newsletter.publication_archived",
      entityType: "newsletter_publication",
      entityId: row.id,
      after: { archivedAt: updated.archivedAt },
    });
    return publicationView(tx, ctx, updated);
  });
}
