import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { orgId, timestamps } from "./columns.js";
import { users } from "./identity.js";
import { organizations } from "./organizations.js";

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * Tenant-owned: a joint newsletter, owned by one organization and co-published by others through
 * `resource_shares` (type `newsletter_publication`, write access once accepted). The slug is the public
 * address `/nyhetsbrev/{slug}`, unique across the platform.
 * Row-level security: tenant_isolation, co_publisher_reads, public_archive (0013_newsletters.sql).
 */
export const newsletterPublications = pgTable(
  "newsletter_publications",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    senderName: text("sender_name").notNull(),
    senderEmail: text("sender_email").notNull(),
    replyTo: text("reply_to"),
    logoUrl: text("logo_url"),
    logoAlt: text("logo_alt"),
    /** Off unless the publication turns it on (docs/newsletters.md): links then pass through a counter. */
    clickTracking: boolean("click_tracking").notNull().default(false),
    archivedAt: at("archived_at"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("newsletter_publications_slug_key").on(t.slug),
  ],
);

/**
 * Tenant-owned (the publication's owner): each publisher's line in the footer, its name taken from the
 * organization and its contact written by the publisher itself. The owner's row is made with the
 * publication, a co-publisher's when it accepts; leaving removes it.
 * Row-level security: tenant_isolation, co_publisher_reads, publisher_writes_own (0013_newsletters.sql).
 */
export const newsletterPublishers = pgTable(
  "newsletter_publishers",
  {
    organizationId: orgId(),
    publicationId: uuid("publication_id").notNull(),
    publisherOrganizationId: uuid("publisher_organization_id")
      .notNull()
      .references(() => organizations.id),
    contact: text("contact").notNull().default(""),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.publicationId, t.publisherOrganizationId] }),
    foreignKey({
      columns: [t.organizationId, t.publicationId],
      foreignColumns: [newsletterPublications.organizationId, newsletterPublications.id],
      name: "newsletter_publishers_publication_fk",
    }).onDelete("cascade"),
  ],
);

// The same lists as in @nns/domain (newsletters/lifecycle.ts), which the database package does not depend on.
const NEWSLETTER_ISSUE_STATUSES = [
  "draft",
  "ready",
  "scheduled",
  "sending",
  "paused",
  "sent",
  "cancelled",
] as const;

/**
 * Tenant-owned (the publication's owner): one utskick. Its number is its address in the archive
 * (`/nyhetsbrev/{slug}/{number}`). When sending starts the rendered HTML and text are frozen here: every
 * recipient gets, and the archive shows, exactly that.
 * Row-level security: tenant_isolation, co_publisher_reads, public_archive (0013_newsletters.sql).
 */
export const newsletterIssues = pgTable(
  "newsletter_issues",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    publicationId: uuid("publication_id").notNull(),
    number: integer("number").notNull(),
    subject: text("subject").notNull(),
    preheader: text("preheader").notNull().default(""),
    status: text("status", { enum: NEWSLETTER_ISSUE_STATUSES }).notNull().default("draft"),
    scheduledAt: at("scheduled_at"),
    sendStartedAt: at("send_started_at"),
    sentAt: at("sent_at"),
    cancelledAt: at("cancelled_at"),
    renderedHtml: text("rendered_html"),
    renderedText: text("rendered_text"),
    recipientsTotal: integer("recipients_total"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("newsletter_issues_number_key").on(t.organizationId, t.publicationId, t.number),
    foreignKey({
      columns: [t.organizationId, t.publicationId],
      foreignColumns: [newsletterPublications.organizationId, newsletterPublications.id],
      name: "newsletter_issues_publication_fk",
    }),
    index("newsletter_issues_due_idx").on(t.status, t.scheduledAt),
  ],
);

export interface NewsletterLink {
  label: string;
  url: string;
}

/**
 * Tenant-owned (the publication's owner): a section of an issue, written and approved by one publisher
 * (`author_organization_id`). Co-authors insert and edit only their own; the owner orders them.
 * Sections of sent issues are public (the archive's web page and JSON).
 * Row-level security: tenant_isolation, co_publisher_reads, author_writes, public_archive
 * (0013_newsletters.sql, 0014_newsletter_public_sections.sql).
 */
export const newsletterSections = pgTable(
  "newsletter_sections",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    issueId: uuid("issue_id").notNull(),
    publicationId: uuid("publication_id").notNull(),
    authorOrganizationId: uuid("author_organization_id")
      .notNull()
      .references(() => organizations.id),
    position: integer("position").notNull(),
    heading: text("heading").notNull(),
    bodyMarkdown: text("body_markdown").notNull().default(""),
    imageUrl: text("image_url"),
    imageAlt: text("image_alt"),
    links: jsonb("links").$type<NewsletterLink[]>().notNull().default(sql`'[]'::jsonb`),
    approvedAt: at("approved_at"),
    approvedByUserId: uuid("approved_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      columns: [t.organizationId, t.issueId],
      foreignColumns: [newsletterIssues.organizationId, newsletterIssues.id],
      name: "newsletter_sections_issue_fk",
    }).onDelete("cascade"),
    index("newsletter_sections_issue_idx").on(t.organizationId, t.issueId, t.position),
  ],
);

const SUBSCRIBER_STATUSES = ["unconfirmed", "confirmed", "unsubscribed", "blocklisted"] as const;
const CONSENT_SOURCES = ["signup_form", "embedded_form", "import", "api"] as const;

/**
 * Tenant-owned (the publication's owner): a subscriber of one publication, with the record of consent.
 * The address is stored lower-cased. Erasure deletes the row and keeps a hash in
 * `newsletter_suppressions`.
 * Row-level security: tenant_isolation, co_publisher_manages (0013_newsletters.sql).
 */
export const newsletterSubscribers = pgTable(
  "newsletter_subscribers",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    publicationId: uuid("publication_id").notNull(),
    email: text("email").notNull(),
    name: text("name"),
    status: text("status", { enum: SUBSCRIBER_STATUSES }).notNull().default("unconfirmed"),
    consentAt: at("consent_at"),
    /** The consent text the person was shown (or the importer attested), word for word. */
    consentText: text("consent_text"),
    consentSource: text("consent_source", { enum: CONSENT_SOURCES }).notNull(),
    consentAttestedByUserId: uuid("consent_attested_by_user_id").references(() => users.id),
    confirmationSentAt: at("confirmation_sent_at"),
    confirmedAt: at("confirmed_at"),
    unsubscribedAt: at("unsubscribed_at"),
    blocklistedAt: at("blocklisted_at"),
    blocklistReason: text("blocklist_reason"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("newsletter_subscribers_email_key").on(t.organizationId, t.publicationId, t.email),
    foreignKey({
      columns: [t.organizationId, t.publicationId],
      foreignColumns: [newsletterPublications.organizationId, newsletterPublications.id],
      name: "newsletter_subscribers_publication_fk",
    }),
    index("newsletter_subscribers_status_idx").on(t.organizationId, t.publicationId, t.status, t.id),
  ],
);

/**
 * Tenant-owned: addresses that must never be mailed again by a publication, as SHA-256 of the
 * lower-cased address only (what erasure leaves behind). A new confirmed sign-up lifts it.
 * Row-level security: tenant_isolation, co_publisher_manages (0013_newsletters.sql).
 */
export const newsletterSuppressions = pgTable(
  "newsletter_suppressions",
  {
    organizationId: orgId(),
    publicationId: uuid("publication_id").notNull(),
    emailHash: text("email_hash").notNull(),
    reason: text("reason", { enum: ["erased", "complaint", "hard_bounce"] }).notNull(),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.publicationId, t.emailHash] })],
);

/**
 * Tenant-owned: a bounce or complaint reported for a subscriber, from the provider webhook, a
 * delivery-status notification (RFC 3464), or our own SMTP server refusing the recipient for good (5xx)
 * while sending. Soft bounces are counted over a window to blocklist.
 * Row-level security: tenant_isolation (0013_newsletters.sql).
 */
export const newsletterBounces = pgTable(
  "newsletter_bounces",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    publicationId: uuid("publication_id").notNull(),
    subscriberId: uuid("subscriber_id").notNull(),
    kind: text("kind", { enum: ["hard", "soft", "complaint"] }).notNull(),
    source: text("source", { enum: ["webhook", "dsn", "smtp"] }).notNull(),
    diagnostic: text("diagnostic"),
    receivedAt: at("received_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      columns: [t.organizationId, t.subscriberId],
      foreignColumns: [newsletterSubscribers.organizationId, newsletterSubscribers.id],
      name: "newsletter_bounces_subscriber_fk",
    }).onDelete("cascade"),
    index("newsletter_bounces_subscriber_idx").on(t.organizationId, t.subscriberId, t.receivedAt),
  ],
);

const DELIVERY_STATUSES = ["pending", "sent", "failed", "skipped", "cancelled"] as const;

/**
 * Tenant-owned: one issue to one subscriber, made for every confirmed subscriber when sending starts.
 * The unique (issue, subscriber) row is the at-most-once guarantee; a lease claims it for one sender at
 * a time, so a crashed sender's rows are picked up again and none is sent twice. Erasing a subscriber
 * keeps the row (for the issue's figures) without the link.
 * Row-level security: tenant_isolation, co_publisher_reads (0013_newsletters.sql).
 */
export const newsletterDeliveries = pgTable(
  "newsletter_deliveries",
  {
    organizationId: orgId(),
    id: uuid("id").notNull().defaultRandom(),
    issueId: uuid("issue_id").notNull(),
    subscriberId: uuid("subscriber_id"),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at").notNull().defaultNow(),
    leasedUntil: at("leased_until"),
    sentAt: at("sent_at"),
    error: text("error"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    unique("newsletter_deliveries_once_key").on(t.organizationId, t.issueId, t.subscriberId),
    foreignKey({
      columns: [t.organizationId, t.issueId],
      foreignColumns: [newsletterIssues.organizationId, newsletterIssues.id],
      name: "newsletter_deliveries_issue_fk",
    }),
    index("newsletter_deliveries_due_idx").on(t.organizationId, t.issueId, t.status, t.nextAttemptAt),
  ],
);

/**
 * Platform-wide: keys the server signs its links with (newsletter confirmation and unsubscribe tokens),
 * made on first use so that every replica shares them without configuration.
 * Row-level security: none — not tenant data; the application role reads and adds keys, never changes them.
 */
export const signingKeys = pgTable("signing_keys", {
  name: text("name").primaryKey(),
  secret: text("secret").notNull(),
  createdAt: at("created_at").notNull().defaultNow(),
});
