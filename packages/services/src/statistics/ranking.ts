import { transaction } from "@nns/db";
import { MUNICIPALITIES } from "@nns/db/reference";
import {
  type MeasureCutPoints,
  type Quartile,
  quartileOf,
  type StatisticsSource,
  sharePercent,
} from "@nns/domain";
import type { Deps } from "../context.js";
import { choosePeriod, periodsIn } from "./periods.js";
import { type Measure, measureKey, readCutPoints, readFigures } from "./view-figures.js";

export interface RankedMunicipality {
  code: string;
  name: string;
  countyCode: string;
  fullYearEquivalents: number | null;
  population: number | null;
  share: number | null;
  quartile: Quartile | null;
  /** 1 for the highest share; kommuner with equal shares share a rank; null without a value. */
  rank: number | null;
}

export interface StatisticsRanking extends Measure {
  source: StatisticsSource;
  cutPoints: MeasureCutPoints | null;
  /** All 290 kommuner, highest share first, those without a value last (by name). */
  municipalities: RankedMunicipality[];
}

const ALL_CODES = MUNICIPALITIES.map((m) => m.code);

/** Every kommun's share and quartile for one measure and period, ranked nationally. */
export async function statisticsRanking(
  deps: Deps,
  measure: Measure,
  period?: string,
): Promise<StatisticsRanking> {
  const key = measureKey(measure);
  return transaction(deps.db, {}, async (tx) => {
    const chosen = choosePeriod(await periodsIn(tx), period);
    const table = await readFigures(tx, [chosen.period], ALL_CODES, measure);
    const cut = (await readCutPoints(tx, [chosen.period], measure)).get(chosen.period)?.get(key) ?? null;
    const rows = MUNICIPALITIES.map((m) => {
      const f = table.get(m.code)?.get(chosen.period)?.get(key);
      const fullYearEquivalents = f?.fullYearEquivalents ?? null;
      const population = f?.population ?? null;
      const share = sharePercent(fullYearEquivalents, population);
      return { ...m, fullYearEquivalents, population, share, quartile: quartileOf(share, cut) };
    }).sort(
      (a, b) =>
        (b.share ?? Number.NEGATIVE_INFINITY) - (a.share ?? Number.NEGATIVE_INFINITY) ||
        a.name.localeCompare(b.name, "sv"),
    );
    let rank = 0;
    const ranked = rows.map((row, i) => {
      if (row.share === null) return { ...row, rank: null };
      // Competition ranking (1, 2, 2, 4): a tie keeps the rank of the first of the tied.
      if (i === 0 || row.share !== rows[i - 1]?.share) rank = i + 1;
      return { ...row, rank };
    });
    const { importId: _, kind: __, ...source } = chosen;
    return { ...measure, source, cutPoints: cut, municipalities: ranked };
  });
}
