// A project page's delprojekt: who runs each and where, and the results added up over them. Serves the
// public entry page (published delprojekt only) and the admin's intervention view (every delprojekt the
// organization reaches, published or not).
import {
  catalogEntries,
  interventionResults,
  interventions,
  organizations,
  type Tx,
  transaction,
} from "@nns/db";
import { type InterventionContent, type ProjectTotals, projectTotals, type TotalsReport } from "@nns/domain";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { Deps, OrgContext } from "../context.js";
import { loadIntervention, reachableFrom } from "./access.js";
import type { PublicResult } from "./result-view.js";
import { type RunningBodyView, runningBodyView } from "./running-body.js";
import { placesOf, readVocabularies } from "./vocabularies.js";

export interface ProjectPart {
  id: string;
  title: string;
  /** The organization that owns the delprojekt's entry. */
  organizationName: string;
  /** Who runs it when not the owner; null: the owner runs it. */
  runningBody: RunningBodyView | null;
  /** The kommuner (or, without any, the län) of its area, by name. */
  places: string[];
  /** Its participants as counted in the project's totals. */
  participants: number;
}

export interface ProjectView {
  parts: ProjectPart[];
  /** The results of the delprojekt added up; null when the entry has no delprojekt. */
  totals: (ProjectTotals & { outcomes: ProjectOutcome[] }) | null;
}

/** One outcome category of the totals, named for people. */
export interface ProjectOutcome {
  code: string;
  label: string;
  positive: boolean;
  count: number;
  sharePercent: number | null;
}

type PeriodCounts = TotalsReport;

const countsOfPublic = (r: PublicResult): PeriodCounts => ({
  kind: r.kind,
  periodStart: r.periodStart,
  periodEnd: r.periodEnd,
  participantsWomen: r.participants.women,
  participantsMen: r.participants.men,
  participantsOther: r.participants.other,
  outcomes: Object.fromEntries(r.outcomes.map((o) => [o.code, o.count])),
});

async function assemble(
  tx: Tx,
  parts: (Omit<ProjectPart, "participants"> & { periods: PeriodCounts[] })[],
): Promise<ProjectView> {
  if (parts.length === 0) return { parts: [], totals: null };
  const categories = (await readVocabularies(tx)).outcomeCategories;
  const totals = projectTotals(
    parts.map((p) => p.periods),
    categories,
  );
  return {
    parts: parts.map(({ periods, ...part }) => ({
      ...part,
      participants: projectTotals([periods], categories).participantsTotal,
    })),
    totals: {
      ...totals,
      outcomes: totals.outcomeShares.map((share) => {
        const category = categories.find((c) => c.code === share.code);
        return { ...share, label: category?.labelSv ?? share.code, positive: category?.positive ?? false };
      }),
    },
  };
}

const placeNames = (area: { municipalities: { name: string }[]; counties: { name: string }[] }) =>
  area.municipalities.length > 0 ? area.municipalities.map((m) => m.name) : area.counties.map((c) => c.name);

interface PublicDocument {
  title: string;
  organization: { name: string } | null;
  runningBody?: RunningBodyView | null;
  area: { municipalities: { name: string }[]; counties: { name: string }[] };
}

/** The published delprojekt of an entry, as the public catalogue holds them. */
async function publishedParts(tx: Tx, interventionId: string) {
  const rows = await tx
    .select({
      id: catalogEntries.interventionId,
      document: catalogEntries.document,
      results: catalogEntries.results,
    })
    .from(catalogEntries)
    .where(eq(catalogEntries.parentId, interventionId))
    .orderBy(asc(catalogEntries.title));
  return rows.map((row) => {
    const d = row.document as PublicDocument;
    return {
      id: row.id,
      title: d.title,
      organizationName: d.organization?.name ?? "",
      runningBody: d.runningBody ?? null,
      places: placeNames(d.area),
      periods: (row.results as PublicResult[]).map(countsOfPublic),
    };
  });
}

/** The published delprojekt of a published entry, from the public catalogue only. */
export async function catalogProject(deps: Deps, interventionId: string): Promise<ProjectView> {
  return transaction(deps.db, {}, async (tx) => assemble(tx, await publishedParts(tx, interventionId)));
}

/**
 * Every delprojekt of an intervention that the organization reaches (in any state but archived, with the
 * results it has reported), and the published ones of other organizations (a co-owner's, say) as the
 * public sees them: row-level security keeps their working copies out of reach.
 */
export async function getInterventionProject(ctx: OrgContext, interventionId: string): Promise<ProjectView> {
  requirePermission(ctx, "interventions:read");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const { row } = await loadIntervention(tx, ctx, interventionId);
    const parts = await tx
      .select({ intervention: interventions, organizationName: organizations.name })
      .from(interventions)
      .innerJoin(organizations, eq(organizations.id, interventions.organizationId))
      .where(
        and(
          eq(interventions.parentId, row.id),
          ne(interventions.state, "archived"),
          reachableFrom(ctx.organization.id),
        ),
      );
    const ids = parts.map((p) => p.intervention.id);
    const results =
      ids.length === 0
        ? []
        : await tx.select().from(interventionResults).where(inArray(interventionResults.interventionId, ids));
    const assembled = await Promise.all(
      parts.map(async ({ intervention, organizationName }) => {
        const content = intervention.content as InterventionContent;
        return {
          id: intervention.id,
          title: content.title,
          organizationName,
          runningBody: await runningBodyView(tx, content.runningBody),
          places: placeNames(await placesOf(tx, content.municipalityCodes)),
          periods: results.filter((r) => r.interventionId === intervention.id),
        };
      }),
    );
    const reached = new Set(ids);
    const others = (await publishedParts(tx, row.id)).filter((p) => !reached.has(p.id));
    const all = [...assembled, ...others].sort((a, b) => a.title.localeCompare(b.title, "sv"));
    return assemble(tx, all);
  });
}
