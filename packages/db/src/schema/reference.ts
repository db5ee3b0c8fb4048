import { pgTable, text } from "drizzle-orm/pg-core";

/**
 * SCB's län; reference data kept in step with src/reference/sweden.ts at every migration run.
 * Row-level security: none — public reference data (SCB's län), written only by migrations.
 */
export const counties = pgTable("counties", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
});

/**
 * SCB's kommuner.
 * Row-level security: none — public reference data (SCB's kommuner), written only by migrations.
 */
export const municipalities = pgTable("municipalities", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  countyCode: text("county_code")
    .notNull()
    .references(() => counties.code),
});
