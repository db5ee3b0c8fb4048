import {
  ALL_AGES,
  ageGroupLabel,
  BENEFIT_LABELS_SV,
  type BenefitType,
  periodLabel,
  type StatisticsGender,
} from "./codes.js";
import type { Quartile } from "./quartiles.js";
import type { MeasureCell, RegionMeasures, StatisticsView } from "./views.js";

/** A share as people read it: one decimal with a comma, `13,8 %`. */
export function formatShare(share: number): string {
  return `${share.toFixed(1).replace(".", ",")} %`;
}

/** A change in percentage points with its sign: `+0,5 procentenheter`, `−1,2 procentenheter`, `0,0 procentenheter`. */
export function formatChange(change: number): string {
  const rounded = Number(change.toFixed(1));
  const sign = rounded > 0 ? "+" : rounded < 0 ? "−" : "";
  return `${sign}${Math.abs(rounded).toFixed(1).replace(".", ",")} procentenheter`;
}

function cellOf(
  region: RegionMeasures,
  benefit: BenefitType,
  gender: StatisticsGender,
  ageGroup = ALL_AGES,
): MeasureCell | undefined {
  return region.measures.find((m) => m.benefit === benefit && m.gender === gender && m.ageGroup === ageGroup);
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** "År 2020" or "I maj 2020", to open a sentence. */
function when(view: StatisticsView): string {
  const { period, periodLabel: label } = view.source;
  return period.includes("M") ? `I ${label}` : `År ${label}`;
}

/** Where, after "i": a kommun by name, a förbund of one kommun by that kommun, else its kommuner. */
function where(view: StatisticsView): string {
  if (view.subject.kind === "municipality") return view.subject.name;
  if (view.municipalities.length === 1) return (view.municipalities[0] as RegionMeasures).name;
  return `de ${view.municipalities.length} kommunerna i ${view.subject.name}`;
}

function shareSentence(view: StatisticsView): string {
  const total = cellOf(view.total, "total", "total");
  const subject = `befolkningen ${ageGroupLabel(ALL_AGES)} i ${where(view)}`;
  if (total?.share == null)
    return `${when(view)} saknas uppgift om hur stor del av ${subject} som försörjdes av sociala ersättningar och bidrag.`;
  const parts = (
    [
      ["kvinnor", cellOf(view.total, "total", "women")?.share],
      ["män", cellOf(view.total, "total", "men")?.share],
    ] as const
  ).flatMap(([who, share]) => (share == null ? [] : [`${who} ${formatShare(share)}`]));
  const genders = parts.length > 0 ? ` (${parts.join(", ")})` : "";
  return `${when(view)} försörjdes ${formatShare(total.share)} av ${subject} av sociala ersättningar och bidrag${genders}.`;
}

function changeSentence(view: StatisticsView): string | null {
  const total = cellOf(view.total, "total", "total");
  if (total?.change == null || view.previousPeriod === null) return null;
  const previous = periodLabel(view.previousPeriod);
  const rounded = Number(total.change.toFixed(1));
  if (rounded === 0) return `Det är i stort sett samma andel som ${previous}.`;
  const points = Math.abs(rounded).toFixed(1).replace(".", ",");
  return `Det är ${rounded > 0 ? "en ökning" : "en minskning"} med ${points} procentenheter jämfört med ${previous}.`;
}

const QUARTILE_PHRASE: Record<Quartile, string> = {
  low: "den lägsta fjärdedelen",
  middle: "den mittersta hälften",
  high: "den högsta fjärdedelen",
};

function quartileSentence(view: StatisticsView): string | null {
  const quartiles = view.municipalities.flatMap((m) => {
    const q = cellOf(m, "total", "total")?.quartile;
    return q ? [q] : [];
  });
  if (quartiles.length === 0) return null;
  if (quartiles.length === 1 && view.municipalities.length === 1)
    return `${where(view)} ligger i ${QUARTILE_PHRASE[quartiles[0] as Quartile]} av landets kommuner.`;
  const high = quartiles.filter((q) => q === "high").length;
  const low = quartiles.filter((q) => q === "low").length;
  const of = `Av förbundets ${view.municipalities.length} kommuner`;
  return `${of} ligger ${high} i den högsta fjärdedelen av landets kommuner och ${low} i den lägsta.`;
}

/** The benefits themselves, without their sum. */
const parts = (region: RegionMeasures, gender: StatisticsGender) =>
  region.measures.filter(
    (m): m is MeasureCell & { share: number } =>
      m.benefit !== "total" && m.gender === gender && m.ageGroup === ALL_AGES && m.share !== null,
  );

function largestBenefitSentence(view: StatisticsView): string | null {
  const largest = parts(view.total, "total").sort((a, b) => b.share - a.share)[0];
  if (!largest) return null;
  return `Av de enskilda ersättningarna står ${lower(BENEFIT_LABELS_SV[largest.benefit])} för den största andelen, ${formatShare(largest.share)}.`;
}

function genderGapSentence(view: StatisticsView): string | null {
  const men = new Map(parts(view.total, "men").map((m) => [m.benefit, m.share]));
  const gaps = parts(view.total, "women").flatMap((w) => {
    const m = men.get(w.benefit);
    return m === undefined
      ? []
      : [{ benefit: w.benefit, women: w.share, men: m, gap: Math.abs(w.share - m) }];
  });
  const biggest = gaps.sort((a, b) => b.gap - a.gap)[0];
  if (!biggest || Number(biggest.gap.toFixed(1)) === 0) return null;
  return (
    `Störst skillnad mellan kvinnor och män finns inom ${lower(BENEFIT_LABELS_SV[biggest.benefit])}: ` +
    `${formatShare(biggest.women)} av kvinnorna mot ${formatShare(biggest.men)} av männen.`
  );
}

/**
 * Three to five sentences in Swedish for a board, written from the view: the share with women and men,
 * the change against a year earlier, where the kommuner lie among all kommuner, the largest benefit type
 * and the largest gap between women and men. A sentence whose figures are missing is left out.
 */
export function summarizeStatisticsView(view: StatisticsView): string[] {
  return [
    shareSentence(view),
    changeSentence(view),
    quartileSentence(view),
    largestBenefitSentence(view),
    genderGapSentence(view),
  ].filter((s): s is string => s !== null);
}
