import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { counties, municipalities } from "./reference.js";

/**
 * The tenants. Not itself tenant-owned: every organization's name and member parties are public
 * information (the national catalogue names them), and only NNS admins write here, checked in services.
 * Row-level security: none — names and member parties are public (the catalogue shows them); only NNS admins write, checked in services.
 */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["nns", "forbund"] }).notNull(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    organizationNumber: text("organization_number").notNull(),
    countyCode: text("county_code").references(() => counties.code),
    email: text("email"),
    website: text("website"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true, precision: 3 }),
  },
  (t) => [
    uniqueIndex("organizations_slug_key").on(t.slug),
    uniqueIndex("organizations_organization_number_key").on(t.organizationNumber),
    uniqueIndex("organizations_single_nns_key").on(t.kind).where(sql`kind = 'nns'`),
    check("organizations_organization_number_format", sql`organization_number ~ '^[0-9]{10}$'`),
    check("organizations_slug_format", sql`slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'`),
  ],
);

/**
 * Huvudmän: the parties that form a förbund (FK, AF, a region and one or more kommuner).
 * Row-level security: public_reads, tenant_deletes, tenant_inserts, tenant_updates (0008_jobs_and_outbox_rls.sql).
 */
export const organizationMemberParties = pgTable(
  "organization_member_parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id),
    kind: text("kind", { enum: ["fk", "af", "region", "kommun"] }).notNull(),
    municipalityCode: text("municipality_code").references(() => municipalities.code),
    countyCode: text("county_code").references(() => counties.code),
    name: text("name").notNull(),
  },
  (t) => [
    index("organization_member_parties_organization_id_idx").on(t.organizationId),
    unique("organization_member_parties_id_organization_key").on(t.id, t.organizationId),
    check(
      "organization_member_parties_kind_code",
      sql`(kind = 'kommun' AND municipality_code IS NOT NULL) OR (kind = 'region' AND county_code IS NOT NULL) OR (kind IN ('fk', 'af') AND municipality_code IS NULL)`,
    ),
  ],
);
