import type { Database } from "@nns/db";
import { MUNICIPALITIES } from "@nns/db/reference";
import { ALL_AGES, BENEFIT_TYPES, SCB_SOURCE_TABLE, splitByLargestRemainder } from "@nns/domain";
import { activateImport, createImportRecord, type FigureRow, writeImportFigures } from "./figures.js";

/**
 * Synthetic helårsekvivalenter for every kommun, so the statistics views work on first start. They are
 * made up (written as a demo import, `is_demo`, which every view, CSV and report shows), but shaped like
 * SCB's: a share around 12 % of the population 20–64 with a spread between kommuner, women above men,
 * sickness and activity compensation the largest benefit and establishment benefit the smallest, young
 * people 20–29 (the two latest years) more often in labour-market programmes and on income support,
 * small drifts year to year.
 * The same on every run: a seeded generator per kommun.
 */

export const DEMO_STATISTICS_YEARS = 8;
export const DEMO_YOUTH = "20-29";
/**
 * The band 20–29 only in the latest years (a year and the one it is compared with): every row costs
 * time in the many tests that seed the demo (about 0,2 s per 1 000 rows on PGlite, derived rows
 * included), and the board's view and its change need no more.
 */
const YOUTH_YEARS = 2;

/** The six benefits in BENEFIT_TYPES order, without their sum, which the writer derives. */
const BENEFITS = BENEFIT_TYPES.filter((b) => b !== "total");

/** Per-mille of all helårsekvivalenter per benefit, for women and men 20–64 and for 20–29. */
const WEIGHTS: Record<"women" | "men" | "youth", readonly number[]> = {
  //     sickness, activity comp., unemployment, programmes, income support, establishment
  women: [240, 330, 110, 140, 130, 50],
  men: [130, 300, 160, 200, 160, 50],
  youth: [90, 120, 130, 310, 270, 80],
};

/** Seed 003's Sundsvall on the two latest demo years: women and men 20–64, helårsekvivalenter / population. */
const SUNDSVALL = "2281";
const SUNDSVALL_LATEST = { women: [4077, 27000], men: [3528, 28000] } as const;
const SUNDSVALL_PREVIOUS = { women: [3915, 27000], men: [3416, 28000] } as const;

/** mulberry32: a small, fast generator that gives the same numbers for the same seed everywhere. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The years the demo covers: eight, ending the year before `today`'s. */
export function demoStatisticsYears(today = new Date()): string[] {
  const last = today.getFullYear() - 1;
  return Array.from({ length: DEMO_STATISTICS_YEARS }, (_, i) =>
    String(last - DEMO_STATISTICS_YEARS + 1 + i),
  );
}

/** A kommun's figures for one year, age group and gender: its total split over the six benefits. */
function benefitRows(
  base: Omit<FigureRow, "benefit" | "fullYearEquivalents">,
  total: number,
  weights: readonly number[],
  random: () => number,
): FigureRow[] {
  // Each kommun leans a little differently between the benefits.
  const leaning = weights.map((w) => Math.max(1, Math.round(w * (0.75 + random() * 0.5))));
  return splitByLargestRemainder(total, leaning).map((fullYearEquivalents, i) => ({
    ...base,
    benefit: BENEFITS[i] as FigureRow["benefit"],
    fullYearEquivalents,
  }));
}

export function demoStatisticsRows(today = new Date()): FigureRow[] {
  return syntheticStatisticsRows(demoStatisticsYears(today), YOUTH_YEARS);
}

/**
 * Synthetic figures for every kommun in `periods` (oldest first), 20–29 in the last `youthPeriods` of
 * them; Sundsvall has seed 003's figures in the last two. Also what the benchmark loads.
 */
export function syntheticStatisticsRows(years: readonly string[], youthPeriods: number): FigureRow[] {
  const rows: FigureRow[] = [];
  for (const kommun of MUNICIPALITIES) {
    const random = generator(Number(kommun.code) * 7919);
    // Log-uniform between about 1 500 and 150 000 people 20–64, split about evenly between women and men.
    const population = Math.round(1500 * 100 ** random());
    const share = 7 + random() * 10;
    const womenAbove = 1.05 + random() * 0.2;
    const drift = (random() - 0.5) * 0.5;
    for (const [y, period] of years.entries()) {
      // Years since the first period, so monthly figures drift as slowly as yearly ones.
      const elapsed = period.includes("M") ? y / 12 : y;
      const yearShare = Math.max(3, share + drift * elapsed + (random() - 0.5) * 0.6);
      for (const gender of ["women", "men"] as const) {
        const people = Math.round(
          population * (gender === "women" ? 0.49 : 0.51) * (1 + (elapsed - 4) * 0.004),
        );
        const genderShare = gender === "women" ? yearShare * womenAbove : yearShare / womenAbove;
        let [fye, pop] = [Math.round((people * genderShare) / 100), people];
        const seeded = kommun.code === SUNDSVALL && y >= years.length - 2;
        if (seeded) [fye, pop] = (y === years.length - 1 ? SUNDSVALL_LATEST : SUNDSVALL_PREVIOUS)[gender];
        const base = { period, municipalityCode: kommun.code, gender, population: pop };
        rows.push(...benefitRows({ ...base, ageGroup: ALL_AGES }, fye, WEIGHTS[gender], random));
        if (y < years.length - youthPeriods) continue;
        const youth = Math.round(pop * 0.22);
        const youthShare = genderShare * (0.7 + random() * 0.3);
        rows.push(
          ...benefitRows(
            { ...base, ageGroup: DEMO_YOUTH, population: youth },
            Math.round((youth * youthShare) / 100),
            WEIGHTS.youth,
            random,
          ),
        );
      }
    }
  }
  return rows;
}

/** Writes and activates the demo's figures as one demo import. */
export async function seedDemoStatistics(db: Database, today = new Date()): Promise<string> {
  const id = await createImportRecord(db, {
    sourceTable: SCB_SOURCE_TABLE,
    fileName: "demodata-helarsekvivalenter.csv",
    fileFormat: "csv",
    isDemo: true,
  });
  await writeImportFigures(db, id, demoStatisticsRows(today));
  await activateImport(db, id);
  return id;
}
