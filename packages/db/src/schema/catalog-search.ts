// What the catalogue search knows beyond the entries themselves (migration 0019, decision 0022).
import { sql } from "drizzle-orm";
import { customType, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

const tsquery = customType<{ data: string }>({ dataType: () => "tsquery" });

/** Row-level security: none — a national vocabulary every förbund and the public read; written only by migrations. */
export const catalogLinkKinds = pgTable("catalog_link_kinds", {
  code: text("code").primaryKey(),
  labelSv: text("label_sv").notNull(),
});

/**
 * Heads of Swedish compounds the search splits off, by Snowball stem (catalog_compound_parts()).
 * Row-level security: none — a national word list the search reads; written only by migrations.
 */
export const catalogSearchWordParts = pgTable("catalog_search_word_parts", {
  word: text("word").primaryKey(),
  stem: text("stem").notNull(),
});

/**
 * A search for `term` also finds entries with any of `alternatives`. `target` and `substitute` are
 * filled by a trigger from the two and applied to every search's query with ts_rewrite.
 * Row-level security: none — a national list the public search reads; NNS edits it through a service that checks the permission.
 */
export const catalogSearchSynonyms = pgTable(
  "catalog_search_synonyms",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    term: text("term").notNull(),
    alternatives: text("alternatives").array().notNull(),
    target: tsquery("target").notNull(),
    substitute: tsquery("substitute").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("catalog_search_synonyms_term_key").on(sql`lower(${t.term})`)],
);
