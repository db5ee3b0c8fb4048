import { timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "./organizations.js";

/** Creation and last-change times, to the millisecond, as every tenant table keeps them. */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
};

/** The owning organization: the tenant key every tenant table leads with. */
export const orgId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id);
