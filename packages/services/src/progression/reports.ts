// Longer than 400 lines: one report from its checks through the aggregate functions, suppression and Swedish labels to JSON and CSV, kept together so the rules stay side by side.
// Progression reports: aggregates only, suppressed below the minimum group size (docs/progression-reports.md).
import {
  interventions,
  organizations,
  progressionInstruments,
  progressionInstrumentVersions,
  rowsOf,
  type Tx,
  transaction,
} from "@nns/db";
import {
  AGE_BANDS,
  type AggregateCell,
  AppError,
  type Dimension,
  directionSigns,
  fieldError,
  type GroupFigures,
  groupFigures,
  IMPROVEMENT_THRESHOLD_STEPS,
  type InstrumentDefinition,
  type InstrumentItem,
  itemsFor,
  PARTICIPANT_GENDERS,
  type Respondent,
  suppress,
} from "@nns/domain";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { requirePermission } from "../access.js";
import type { OrgContext } from "../context.js";
import { isReachableInsats } from "./participant-rules.js";
import { reportCsv } from "./report-csv.js";

export const REPORT_SCOPES = ["national", "organization", "intervention"] as const;
export type ReportScope = (typeof REPORT_SCOPES)[number];

/**
 * The breakdowns each scope offers. A förbund's own report splits by insats, NNS's national one by förbund;
 * an insats's report has only the person-level dimensions.
 */
export const SCOPE_DIMENSIONS: Record<ReportScope, readonly Dimension[]> = {
  national: ["none", "gender", "age_band", "start_quarter", "organization"],
  organization: ["none", "gender", "age_band", "start_quarter", "intervention"],
  intervention: ["none", "gender", "age_band", "start_quarter"],
};

export interface ReportQuery {
  scope: ReportScope;
  interventionId?: string | undefined;
  instrumentVersionId: string;
  respondent: Respondent;
  dimension: Dimension;
}

export interface ActivityCell {
  group: string | null;
  label: string;
  suppressed: boolean;
  participants: number | null;
  measuredParticipants: number | null;
  measurements: number | null;
}

export type GroupFiguresView = GroupFigures & { label: string };

export interface Report {
  scope: ReportScope;
  intervention: { id: string; name: string } | null;
  instrument: { id: string; name: string; placeholder: boolean; versionId: string; versionNumber: number };
  respondent: Respondent;
  dimension: Dimension;
  minGroupSize: number;
  improvementThresholdSteps: number;
  generatedAt: string;
  activity: { total: ActivityCell; groups: ActivityCell[] };
  total: GroupFiguresView;
  groups: GroupFiguresView[];
}

const GENDER_GROUP_LABELS: Record<string, string> = {
  woman: "Kvinnor",
  man: "Män",
  other: "Annat",
  not_stated: "Ej angivet",
};

function ageBandLabel(band: string): string {
  if (band === "unknown") return "Okänd ålder";
  if (band === "60-") return "60 år och äldre";
  return band.replace("-", "–");
}

const UNKNOWN_INTERVENTION = "Insats som förbundet inte längre når";

/** Every check a report request passes before any figure is read. */
function checkQuery(ctx: OrgContext, query: ReportQuery): void {
  requirePermission(ctx, "progression:aggregates");
  const nns = ctx.organization.kind === "nns";
  if (query.scope === "national" && !nns) {
    throw new AppError("forbidden", "Nationella sammanställningar är NNS:s; ett förbund ser sina egna.");
  }
  if (query.scope !== "national" && nns) {
    throw fieldError(
      "query.scope",
      "national_only",
      "NNS har inga egna deltagare och ser bara den nationella sammanställningen.",
    );
  }
  if (query.scope === "intervention" && !query.interventionId) {
    throw fieldError("query.interventionId", "required", "Välj vilken insats rapporten gäller.");
  }
  if (query.scope !== "intervention" && query.interventionId) {
    throw fieldError(
      "query.interventionId",
      "intervention_scope_only",
      "En insats väljs bara när rapporten gäller en insats.",
    );
  }
  if (!SCOPE_DIMENSIONS[query.scope].includes(query.dimension)) {
    throw fieldError(
      "query.dimension",
      "not_in_scope",
      `Den här rapporten kan delas upp efter ${SCOPE_DIMENSIONS[query.scope].join(", ")}.`,
    );
  }
}

async function loadVersion(tx: Tx, versionId: string) {
  const [row] = await tx
    .select({
      id: progressionInstrumentVersions.id,
      number: progressionInstrumentVersions.number,
      definition: progressionInstrumentVersions.definition,
      instrumentId: progressionInstruments.id,
      name: progressionInstruments.name,
      placeholder: progressionInstruments.placeholder,
    })
    .from(progressionInstrumentVersions)
    .innerJoin(
      progressionInstruments,
      and(
        eq(progressionInstruments.organizationId, progressionInstrumentVersions.organizationId),
        eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
      ),
    )
    // Row-level security leaves the förbund's own instruments and the national ones; drafts have no data.
    .where(
      and(eq(progressionInstrumentVersions.id, versionId), ne(progressionInstrumentVersions.status, "draft")),
    );
  if (!row) throw new AppError("not_found", "Instrumentversionen finns inte.");
  return row;
}

/** Insats names by id, as far as the förbund reaches them (its own and those it co-owns). */
async function interventionNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: interventions.id, title: sql<string | null>`${interventions.content}->>'title'` })
    .from(interventions)
    .where(inArray(interventions.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.title ?? UNKNOWN_INTERVENTION]));
}

async function organizationNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(inArray(organizations.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Labels and a reading order for the groups of one dimension: genders and age bands in their own order,
 * quarters by time, förbund and insatser by name.
 */
async function groupLabels(
  tx: Tx,
  dimension: Dimension,
  keys: readonly string[],
): Promise<{ label: (key: string) => string; order: (a: string, b: string) => number }> {
  const byPosition = (list: readonly string[]) => (a: string, b: string) =>
    (list.indexOf(a) + 1 || list.length + 1) - (list.indexOf(b) + 1 || list.length + 1);
  switch (dimension) {
    case "gender":
      return { label: (k) => GENDER_GROUP_LABELS[k] ?? k, order: byPosition(PARTICIPANT_GENDERS) };
    case "age_band":
      return { label: ageBandLabel, order: byPosition([...AGE_BANDS, "unknown"]) };
    case "start_quarter":
      return { label: (k) => k.replace("-Q", " kv. "), order: (a, b) => a.localeCompare(b) };
    case "organization":
    case "intervention": {
      const names =
        dimension === "organization" ? await organizationNames(tx, keys) : await interventionNames(tx, keys);
      const label = (k: string) => names.get(k) ?? UNKNOWN_INTERVENTION;
      return { label, order: (a, b) => label(a).localeCompare(label(b), "sv") || a.localeCompare(b) };
    }
    case "none":
      return { label: () => "Alla", order: () => 0 };
  }
}

interface AggregateRow {
  group_key: string | null;
  item_index: number;
  n: number;
  first_sum: number;
  latest_sum: number;
  improved: number;
  unchanged: number;
  worse: number;
}

interface ActivityRow {
  group_key: string | null;
  participants: number;
  measured_participants: number;
  measurements: number;
}

/**
 * The report the caller may see: per group and item, how many improved, stayed or worsened between their
 * first and latest reading, and how far they moved on average; beside it, how many take part and were
 * measured. Figures come from the SECURITY DEFINER functions of 0015_progression.sql, which never return a
 * row about one person, and pass through `groupFigures`/`suppress` before they leave: a group under the
 * minimum size, and what would let it be worked out, is withheld.
 */
export async function progressionReport(ctx: OrgContext, query: ReportQuery): Promise<Report> {
  return (await buildReport(ctx, query)).report;
}

/** The report as a Swedish Excel file (report-csv.ts), under the same checks. */
export async function progressionReportCsv(ctx: OrgContext, query: ReportQuery): Promise<string> {
  const { report, items } = await buildReport(ctx, query);
  return reportCsv(report, items);
}

async function buildReport(
  ctx: OrgContext,
  query: ReportQuery,
): Promise<{ report: Report; items: InstrumentItem[] }> {
  checkQuery(ctx, query);
  const minGroupSize = ctx.deps.config.minGroupSize;
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const version = await loadVersion(tx, query.instrumentVersionId);
    let intervention: Report["intervention"] = null;
    if (query.interventionId) {
      // Only the förbund's own or co-owned insatser: another's published entry is readable, not reportable.
      const reachable = await isReachableInsats(tx, ctx, query.interventionId);
      const name =
        reachable && (await interventionNames(tx, [query.interventionId])).get(query.interventionId);
      if (!name) throw new AppError("not_found", "Insatsen finns inte.");
      intervention = { id: query.interventionId, name };
    }
    const items = itemsFor(version.definition as InstrumentDefinition, query.respondent);
    if (items.length === 0) {
      throw fieldError(
        "query.respondent",
        "no_items_for_respondent",
        "Instrumentversionen har inga frågor till den svarande.",
      );
    }
    const signs = `{${directionSigns(items).join(",")}}`;
    const interventionId = query.interventionId ?? null;
    const cells = await tx.execute(
      sql`select * from progression_aggregate(${query.scope}, ${interventionId}::uuid, ${version.id}::uuid,
        ${query.respondent}, ${query.dimension}, ${signs}::int[], ${IMPROVEMENT_THRESHOLD_STEPS})`,
    );
    const activityRows = await tx.execute(
      sql`select * from progression_activity(${query.scope}, ${interventionId}::uuid, ${query.dimension})`,
    );
    // Without a breakdown the one group is everyone: the total says it.
    const split = query.dimension !== "none";
    const aggregateCells: AggregateCell[] = rowsOf<AggregateRow>(cells)
      .filter((r) => split || r.group_key === null)
      .map((r) => ({
        group: r.group_key,
        itemIndex: Number(r.item_index),
        n: Number(r.n),
        firstSum: Number(r.first_sum),
        latestSum: Number(r.latest_sum),
        improved: Number(r.improved),
        unchanged: Number(r.unchanged),
        worse: Number(r.worse),
      }));
    const activity = rowsOf<ActivityRow>(activityRows).filter((r) => split || r.group_key === null);
    const keys = [
      ...new Set(
        [...aggregateCells.map((c) => c.group), ...activity.map((a) => a.group_key)].filter(
          (k): k is string => k !== null,
        ),
      ),
    ];
    const { label, order } = await groupLabels(tx, query.dimension, keys);
    const figures = groupFigures(aggregateCells, items, minGroupSize);
    const report: Report = {
      scope: query.scope,
      intervention,
      instrument: {
        id: version.instrumentId,
        name: version.name,
        placeholder: version.placeholder,
        versionId: version.id,
        versionNumber: version.number,
      },
      respondent: query.respondent,
      dimension: query.dimension,
      minGroupSize,
      improvementThresholdSteps: IMPROVEMENT_THRESHOLD_STEPS,
      generatedAt: new Date().toISOString(),
      activity: activityCells(activity, label, order, minGroupSize),
      total: { ...figures.total, label: "Alla" },
      groups: figures.groups
        .map((g) => ({ ...g, label: label(g.group as string) }))
        .sort((a, b) => order(a.group as string, b.group as string)),
    };
    const withheld =
      interventionId !== null &&
      (await insatsWithheldInForbund(
        tx,
        version.id,
        query.respondent,
        signs,
        interventionId,
        items,
        minGroupSize,
      ));
    return { report: withheld ? withholdAll(report) : report, items };
  });
}

/**
 * Whether the förbund's own table by insats withholds this insats. An insats's report must then be
 * withheld too: otherwise it, beside the förbund's total, would give away the insatser the table hides.
 */
async function insatsWithheldInForbund(
  tx: Tx,
  versionId: string,
  respondent: Respondent,
  signs: string,
  interventionId: string,
  items: InstrumentItem[],
  minGroupSize: number,
): Promise<boolean> {
  const cells = await tx.execute(
    sql`select * from progression_aggregate('organization', null, ${versionId}::uuid, ${respondent},
      'intervention', ${signs}::int[], ${IMPROVEMENT_THRESHOLD_STEPS})`,
  );
  const figures = groupFigures(
    rowsOf<AggregateRow>(cells).map((r) => ({
      group: r.group_key,
      itemIndex: Number(r.item_index),
      n: Number(r.n),
      firstSum: Number(r.first_sum),
      latestSum: Number(r.latest_sum),
      improved: Number(r.improved),
      unchanged: Number(r.unchanged),
      worse: Number(r.worse),
    })),
    items,
    minGroupSize,
  );
  const activityRows = await tx.execute(
    sql`select * from progression_activity('organization', null, 'intervention')`,
  );
  const activity = activityCells(rowsOf<ActivityRow>(activityRows), String, () => 0, minGroupSize);
  return (
    figures.total.suppressed ||
    figures.groups.some((g) => g.group === interventionId && g.suppressed) ||
    activity.total.suppressed ||
    activity.groups.some((g) => g.group === interventionId && g.suppressed)
  );
}

function withholdAll(report: Report): Report {
  const figures = (g: GroupFiguresView): GroupFiguresView => ({
    group: g.group,
    label: g.label,
    suppressed: true,
    reason: g.suppressed ? g.reason : "complementary",
  });
  const activity = (c: ActivityCell): ActivityCell => ({
    ...c,
    suppressed: true,
    participants: null,
    measuredParticipants: null,
    measurements: null,
  });
  return {
    ...report,
    activity: { total: activity(report.activity.total), groups: report.activity.groups.map(activity) },
    total: figures(report.total),
    groups: report.groups.map(figures),
  };
}

/** Participants and measurements per group, withheld by the same rule, counted by participants. */
function activityCells(
  rows: readonly ActivityRow[],
  label: (key: string) => string,
  order: (a: string, b: string) => number,
  minGroupSize: number,
): Report["activity"] {
  const total = rows.find((r) => r.group_key === null);
  const groups = rows.filter((r) => r.group_key !== null);
  // A row's measurements describe its measured participants, so the smaller of its two counts of people
  // decides whether it may be shown.
  const people = (row: ActivityRow | undefined) => {
    const measured = Number(row?.measured_participants ?? 0);
    const registered = Number(row?.participants ?? 0);
    return measured > 0 ? Math.min(measured, registered) : registered;
  };
  const { hidden, totalHidden } = suppress(
    groups.map((g) => ({ key: g.group_key as string, n: people(g) })),
    people(total),
    minGroupSize,
  );
  const cell = (row: ActivityRow | undefined, group: string | null, withheld: boolean): ActivityCell =>
    withheld
      ? {
          group,
          label: group === null ? "Alla" : label(group),
          suppressed: true,
          participants: null,
          measuredParticipants: null,
          measurements: null,
        }
      : {
          group,
          label: group === null ? "Alla" : label(group),
          suppressed: false,
          participants: Number(row?.participants ?? 0),
          measuredParticipants: Number(row?.measured_participants ?? 0),
          measurements: Number(row?.measurements ?? 0),
        };
  return {
    total: cell(total, null, totalHidden),
    groups: groups
      .map((g) => cell(g, g.group_key, hidden.has(g.group_key as string)))
      .sort((a, b) => order(a.group as string, b.group as string)),
  };
}

export type ReportVersion = {
  id: string;
  number: number;
  status: "published" | "retired";
  publishedAt: string | null;
  itemCount: number;
  participantItemCount: number;
  coachItemCount: number;
  instrumentId: string;
  instrumentName: string;
  placeholder: boolean;
  /** The respondents with readings in the caller's reach. */
  respondents: Respondent[];
};

export interface ReportOptions {
  instruments: ReportVersion[];
  interventions: { id: string; name: string }[];
}

/**
 * What a report can be asked about: the instrument versions (the förbund's own and the national ones) with
 * readings in the caller's reach, and the förbund's insatser that have participants. Read through the
 * aggregate functions, so someone who may not see one participant still gets the choices.
 */
export async function progressionReportOptions(ctx: OrgContext): Promise<ReportOptions> {
  requirePermission(ctx, "progression:aggregates");
  return transaction(ctx.deps.db, { organizationId: ctx.organization.id }, async (tx) => {
    const pairs = rowsOf<{ instrument_version_id: string; respondent: Respondent }>(
      await tx.execute(sql`select * from progression_report_versions()`),
    );
    const respondents = new Map<string, Respondent[]>();
    for (const p of pairs) {
      respondents.set(
        p.instrument_version_id,
        [...(respondents.get(p.instrument_version_id) ?? []), p.respondent].sort(),
      );
    }
    const versions =
      respondents.size === 0
        ? []
        : await tx
            .select({
              id: progressionInstrumentVersions.id,
              number: progressionInstrumentVersions.number,
              status: progressionInstrumentVersions.status,
              publishedAt: progressionInstrumentVersions.publishedAt,
              definition: progressionInstrumentVersions.definition,
              instrumentId: progressionInstruments.id,
              instrumentName: progressionInstruments.name,
              placeholder: progressionInstruments.placeholder,
            })
            .from(progressionInstrumentVersions)
            .innerJoin(
              progressionInstruments,
              and(
                eq(progressionInstruments.organizationId, progressionInstrumentVersions.organizationId),
                eq(progressionInstruments.id, progressionInstrumentVersions.instrumentId),
              ),
            )
            .where(
              and(
                inArray(progressionInstrumentVersions.id, [...respondents.keys()]),
                ne(progressionInstrumentVersions.status, "draft"),
              ),
            );
    const interventionIds =
      ctx.organization.kind === "nns"
        ? []
        : rowsOf<{ group_key: string | null }>(
            await tx.execute(
              sql`select group_key from progression_activity('organization', null, 'intervention')`,
            ),
          )
            .map((r) => r.group_key)
            .filter((k): k is string => k !== null);
    const names = await interventionNames(tx, interventionIds);
    return {
      instruments: versions
        .map((v) => {
          const definition = v.definition as InstrumentDefinition;
          return {
            id: v.id,
            number: v.number,
            status: v.status as "published" | "retired",
            publishedAt: v.publishedAt?.toISOString() ?? null,
            itemCount: definition.items.length,
            participantItemCount: itemsFor(definition, "participant").length,
            coachItemCount: itemsFor(definition, "coach").length,
            instrumentId: v.instrumentId,
            instrumentName: v.instrumentName,
            placeholder: v.placeholder,
            respondents: respondents.get(v.id) ?? [],
          };
        })
        .sort((a, b) => a.instrumentName.localeCompare(b.instrumentName, "sv") || b.number - a.number),
      interventions: interventionIds
        .map((id) => ({ id, name: names.get(id) ?? UNKNOWN_INTERVENTION }))
        .sort((a, b) => a.name.localeCompare(b.name, "sv")),
    };
  });
}
