import { organizationMemberParties, organizations, type Tx, transaction } from "@nns/db";
import { COUNTIES, MUNICIPALITIES, type Municipality } from "@nns/db/reference";
import {
  AppError,
  COUNTRY_CODE,
  type MeasureCutPoints,
  previousYearPeriod,
  type RegionMeasures,
  type StatisticsView,
  summarizeStatisticsView,
} from "@nns/domain";
import { and, eq, isNull } from "drizzle-orm";
import type { Deps } from "../context.js";
import { choosePeriod, periodsIn, sortAgeGroups } from "./periods.js";
import {
  type Figure,
  type FigureTable,
  type Measure,
  measureCell,
  measureKey,
  measuresOf,
  readCutPoints,
  readFigures,
  sumFigures,
} from "./view-figures.js";

export const COUNTRY_NAME = "Riket";

const MUNICIPALITY_BY_CODE = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const COUNTY_NAME = new Map(COUNTIES.map((c) => [c.code, c.name]));

export function municipalityByCode(code: string): Municipality {
  const found = MUNICIPALITY_BY_CODE.get(code);
  if (!found) throw new AppError("not_found", `Det finns ingen kommun med kommunkoden ${code}.`);
  return found;
}

export function countyName(code: string): string {
  return COUNTY_NAME.get(code) ?? code;
}

type Subject = StatisticsView["subject"];

function regionMeasures(
  region: Omit<RegionMeasures, "measures">,
  measures: readonly Measure[],
  figure: (period: string, key: string) => Figure | undefined,
  period: string,
  previousPeriod: string | null,
  cuts: Map<string, MeasureCutPoints> | null,
): RegionMeasures {
  return {
    ...region,
    measures: measures.map((m) => {
      const key = measureKey(m);
      return measureCell(
        m,
        figure(period, key),
        previousPeriod === null ? undefined : figure(previousPeriod, key),
        cuts === null ? null : cuts.get(key),
      );
    }),
  };
}

const figureOf = (table: FigureTable, region: string) => (period: string, key: string) =>
  table.get(region)?.get(period)?.get(key);

/**
 * The view of some kommuner in one period: each kommun coloured against all kommuner, their sum as the
 * subject's total (for one kommun, the kommun itself), the län they lie in and the country as
 * uncoloured lines for comparison.
 */
async function buildView(
  tx: Tx,
  subject: Subject,
  municipalityCodes: readonly string[],
  askedPeriod: string | undefined,
): Promise<StatisticsView> {
  const periods = await periodsIn(tx);
  const current = choosePeriod(periods, askedPeriod);
  const previous = periods.find((p) => p.period === previousYearPeriod(current.period))?.period ?? null;
  const kommuner = municipalityCodes
    .map(municipalityByCode)
    .sort((a, b) => a.name.localeCompare(b.name, "sv"));
  const countyCodes = [...new Set(kommuner.map((m) => m.countyCode))].sort();
  const wanted = [current.period, ...(previous ? [previous] : [])];
  const table = await readFigures(tx, wanted, [...kommuner.map((m) => m.code), ...countyCodes, COUNTRY_CODE]);
  const cutsByMeasure = (await readCutPoints(tx, [current.period])).get(current.period) ?? new Map();
  // Län and riket are sums over kommuner with values, so an age group without cut points has no figures.
  const ageGroups = sortAgeGroups([...cutsByMeasure.values()].map((c) => c.ageGroup));
  const measures = measuresOf(ageGroups);
  const line = (region: Omit<RegionMeasures, "measures">, cuts: Map<string, MeasureCutPoints> | null) =>
    regionMeasures(region, measures, figureOf(table, region.code), current.period, previous, cuts);

  const municipalities = kommuner.map((m) =>
    line({ code: m.code, name: m.name, level: "municipality" }, cutsByMeasure),
  );
  const total =
    subject.kind === "municipality"
      ? (municipalities[0] as RegionMeasures)
      : regionMeasures(
          { code: subject.code, name: subject.name, level: "forbund" },
          measures,
          (period, key) => sumFigures(kommuner.map((m) => figureOf(table, m.code)(period, key))),
          current.period,
          previous,
          null,
        );
  const { importId: _, kind: __, ...source } = current;
  const view: StatisticsView = {
    subject,
    source,
    previousPeriod: previous,
    ageGroups,
    total,
    municipalities,
    counties: countyCodes.map((code) => line({ code, name: countyName(code), level: "county" }, null)),
    country: line({ code: COUNTRY_CODE, name: COUNTRY_NAME, level: "country" }, null),
    cutPoints: measures.flatMap((m) => cutsByMeasure.get(measureKey(m)) ?? []),
    summary: [],
  };
  return { ...view, summary: summarizeStatisticsView(view) };
}

/** A förbund's view: its member kommuner (member parties of kind `kommun`), by slug. */
export async function forbundStatisticsView(
  deps: Deps,
  slug: string,
  period?: string,
): Promise<StatisticsView> {
  return transaction(deps.db, {}, async (tx) => {
    const [forbund] = await tx
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(
        and(eq(organizations.slug, slug), eq(organizations.kind, "forbund"), isNull(organizations.deletedAt)),
      );
    if (!forbund) throw new AppError("not_found", `Det finns inget samordningsförbund med namnet ${slug}.`);
    const parties = await tx
      .select({ code: organizationMemberParties.municipalityCode })
      .from(organizationMemberParties)
      .where(
        and(
          eq(organizationMemberParties.organizationId, forbund.id),
          eq(organizationMemberParties.kind, "kommun"),
        ),
      );
    const codes = [...new Set(parties.flatMap((p) => (p.code ? [p.code] : [])))];
    return buildView(tx, { kind: "forbund", code: slug, name: forbund.name }, codes, period);
  });
}

/** One kommun's view, by SCB kommunkod. */
export async function municipalityStatisticsView(
  deps: Deps,
  code: string,
  period?: string,
): Promise<StatisticsView> {
  const kommun = municipalityByCode(code);
  return transaction(deps.db, {}, (tx) =>
    buildView(tx, { kind: "municipality", code, name: kommun.name }, [code], period),
  );
}
