import { transaction } from "@nns/db";
import { COUNTRY_CODE, type PeriodKind, quartileOf, type StatisticsTrend, sharePercent } from "@nns/domain";
import type { Deps } from "../context.js";
import { periodsIn } from "./periods.js";
import { type Measure, measureKey, readCutPoints, readFigures } from "./view-figures.js";
import { municipalityByCode } from "./views.js";

/**
 * One kommun's share of one measure over every period of a kind, oldest first, beside its län and the
 * country, with the spread of all kommuner (min, max, p25, p75) for the band behind the line. A period
 * in which the kommun has no value keeps its place with nulls, so the line breaks there.
 */
export async function municipalityStatisticsTrend(
  deps: Deps,
  code: string,
  measure: Measure,
  kind: PeriodKind,
): Promise<StatisticsTrend> {
  const kommun = municipalityByCode(code);
  const key = measureKey(measure);
  return transaction(deps.db, {}, async (tx) => {
    const periods = (await periodsIn(tx)).filter((p) => p.kind === kind);
    const names = periods.map((p) => p.period);
    const table = await readFigures(tx, names, [code, kommun.countyCode, COUNTRY_CODE], measure);
    const cuts = await readCutPoints(tx, names, measure);
    const share = (region: string, period: string) => {
      const f = table.get(region)?.get(period)?.get(key);
      return sharePercent(f?.fullYearEquivalents ?? null, f?.population ?? null);
    };
    return {
      municipality: { code, name: kommun.name, countyCode: kommun.countyCode },
      ...measure,
      points: periods.map(({ period, isDemo }) => {
        const cut = cuts.get(period)?.get(key) ?? null;
        const value = share(code, period);
        return {
          period,
          share: value,
          quartile: quartileOf(value, cut),
          countyShare: share(kommun.countyCode, period),
          countryShare: share(COUNTRY_CODE, period),
          min: cut?.min ?? null,
          max: cut?.max ?? null,
          p25: cut?.p25 ?? null,
          p75: cut?.p75 ?? null,
          isDemo,
        };
      }),
    };
  });
}
