// Serves routes/catalog-search-synonyms: the synonyms NNS keeps for the public catalogue search.
import { catalogSearchSynonyms, rowsOf, type Tx, transaction } from "@nns/db";
import { AppError, type FieldError } from "@nns/domain";
import { asc, eq, sql } from "drizzle-orm";
import { requireNnsAdmin } from "../access.js";
import { writeAudit } from "../audit.js";
import type { ServiceContext } from "../context.js";

export interface SearchSynonymView {
  id: string;
  term: string;
  alternatives: string[];
  updatedAt: string;
}

export interface SearchSynonymInput {
  term: string;
  alternatives: string[];
}

type Row = typeof catalogSearchSynonyms.$inferSelect;

const view = (row: Row): SearchSynonymView => ({
  id: row.id,
  term: row.term,
  alternatives: row.alternatives,
  updatedAt: row.updatedAt.toISOString(),
});

const audited = (v: SearchSynonymView) => ({ term: v.term, alternatives: v.alternatives });

/** Every synonym, by term in Swedish order. */
export async function listSearchSynonyms(ctx: ServiceContext): Promise<SearchSynonymView[]> {
  const { organizationId } = requireNnsAdmin(ctx, "catalog:editorial");
  return transaction(ctx.deps.db, { organizationId }, async (tx) => {
    const rows = await tx.select().from(catalogSearchSynonyms).orderBy(asc(catalogSearchSynonyms.term));
    return rows.map(view).sort((a, b) => a.term.localeCompare(b.term, "sv"));
  });
}

/**
 * Refuses a term or alternative that PostgreSQL's Swedish parser reduces to nothing (only stop words or
 * punctuation: it could never match), a term repeated among its alternatives, and a term another
 * synonym already has (case aside).
 */
async function checkInput(tx: Tx, input: SearchSynonymInput, id: string | null): Promise<void> {
  const texts = [input.term, ...input.alternatives];
  const [row] = rowsOf<{ empty: boolean[]; taken: boolean }>(
    await tx.execute(sql`select
        array(select numnode(plainto_tsquery('swedish', t)) = 0
          from json_array_elements_text(${JSON.stringify(texts)}::json) with ordinality as x(t, n) order by n) as empty,
        exists(select 1 from catalog_search_synonyms
          where lower(term) = lower(${input.term}) and id is distinct from ${id}::uuid) as taken`),
  );
  const errors: FieldError[] = [];
  const empty = row?.empty ?? [];
  if (empty[0])
    errors.push({
      field: "body.term",
      rule: "searchable_words",
      message: "Ordet går inte att söka på: det består bara av småord eller tecken.",
    });
  input.alternatives.forEach((alternative, i) => {
    if (empty[i + 1])
      errors.push({
        field: `body.alternatives.${i}`,
        rule: "searchable_words",
        message: `”${alternative}” går inte att söka på: det består bara av småord eller tecken.`,
      });
    else if (alternative.toLocaleLowerCase("sv") === input.term.toLocaleLowerCase("sv"))
      errors.push({
        field: `body.alternatives.${i}`,
        rule: "not_the_term",
        message: "En synonym kan inte vara samma ord som sökordet.",
      });
  });
  if (row?.taken)
    errors.push({ field: "body.term", rule: "unique", message: "Sökordet har redan synonymer." });
  if (errors.length > 0)
    throw new AppError("validation_failed", errors.map((e) => `${e.field}: ${e.message}`).join(" "), {
      errors,
    });
}

/** Adds a synonym; the catalogue's generation moves on (a trigger), so cached searches are recomputed. */
export async function createSearchSynonym(
  ctx: ServiceContext,
  input: SearchSynonymInput,
): Promise<SearchSynonymView> {
  const { organizationId } = requireNnsAdmin(ctx, "catalog:editorial");
  return transaction(ctx.deps.db, { organizationId }, async (tx) => {
    await checkInput(tx, input, null);
    // target and substitute are left to the table's trigger, which derives them from the other two.
    const values = { term: input.term, alternatives: input.alternatives };
    const [row] = await tx
      .insert(catalogSearchSynonyms)
      .values(values as typeof catalogSearchSynonyms.$inferInsert)
      .returning();
    const saved = view(row as Row);
    await writeAudit(tx, ctx, organizationId, {
      action: "catalog.search_synonym_added",
      entityType: "catalog_search_synonym",
      entityId: saved.id,
      before: null,
      after: audited(saved),
    });
    return saved;
  });
}

export async function updateSearchSynonym(
  ctx: ServiceContext,
  id: string,
  input: SearchSynonymInput,
): Promise<SearchSynonymView> {
  const { organizationId } = requireNnsAdmin(ctx, "catalog:editorial");
  return transaction(ctx.deps.db, { organizationId }, async (tx) => {
    const [before] = await tx.select().from(catalogSearchSynonyms).where(eq(catalogSearchSynonyms.id, id));
    if (!before) throw new AppError("not_found", "No search synonym has this id.");
    await checkInput(tx, input, id);
    const [row] = await tx
      .update(catalogSearchSynonyms)
      .set({ term: input.term, alternatives: input.alternatives, updatedAt: new Date() })
      .where(eq(catalogSearchSynonyms.id, id))
      .returning();
    const saved = view(row as Row);
    await writeAudit(tx, ctx, organizationId, {
      action: "catalog.search_synonym_changed",
      entityType: "catalog_search_synonym",
      entityId: id,
      before: audited(view(before)),
      after: audited(saved),
    });
    return saved;
  });
}

/** Removes a synonym; the audit entry keeps what it was. */
export async function deleteSearchSynonym(ctx: ServiceContext, id: string): Promise<void> {
  const { organizationId } = requireNnsAdmin(ctx, "catalog:editorial");
  await transaction(ctx.deps.db, { organizationId }, async (tx) => {
    const [before] = await tx
      .delete(catalogSearchSynonyms)
      .where(eq(catalogSearchSynonyms.id, id))
      .returning();
    if (!before) throw new AppError("not_found", "No search synonym has this id.");
    await writeAudit(tx, ctx, organizationId, {
      action: "catalog.search_synonym_removed",
      entityType: "catalog_search_synonym",
      entityId: id,
      before: audited(view(before)),
      after: null,
    });
  });
}
