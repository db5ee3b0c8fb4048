import {
  ALL_AGES,
  periodKind,
  STATISTICS_GENDERS,
  type StatisticsTrend,
  type StatisticsView,
} from "@nns/domain";
import type { Deps } from "../context.js";
import { renderBoardReport } from "./board-report.js";
import { municipalityStatisticsTrend } from "./trend.js";
import { forbundStatisticsView } from "./views.js";

export interface BoardReportFile {
  /** `Behovsanalys Samordningsförbundet Sundsvall 2020.pdf`: what a board member saves it as. */
  fileName: string;
  /** `behovsanalys-sundsvall-2020.pdf`, for clients that cannot take a UTF-8 file name. */
  asciiFileName: string;
  body: Buffer;
}

/**
 * The points a board compares with the report's period: for a year the years up to it, for a month the
 * same month of earlier years (as every change is against the same period a year earlier), so the chart
 * and its table stay one row per year.
 */
function upToPeriod(trend: StatisticsTrend, period: string): StatisticsTrend {
  const month = periodKind(period) === "month" ? period.slice(4) : "";
  return {
    ...trend,
    points: trend.points.filter((p) => p.period <= period && p.period.slice(4) === month),
  };
}

/** Each kommun's trend of all benefits together, for all, women and men: Diagramtyp 1 and 2. */
async function trendsFor(deps: Deps, view: StatisticsView): Promise<StatisticsTrend[]> {
  const kind = periodKind(view.source.period);
  const trends: StatisticsTrend[] = [];
  // One after another: each reads in its own transaction, and PGlite has one connection.
  for (const kommun of view.municipalities) {
    for (const gender of STATISTICS_GENDERS) {
      const measure = { benefit: "total" as const, gender, ageGroup: ALL_AGES };
      const trend = await municipalityStatisticsTrend(deps, kommun.code, measure, kind);
      trends.push(upToPeriod(trend, view.source.period));
    }
  }
  return trends;
}

/** A förbund's board report for a period (default as for its view): 404 for an unknown förbund or period. */
export async function forbundBoardReport(
  deps: Deps,
  slug: string,
  period?: string,
): Promise<BoardReportFile> {
  const view = await forbundStatisticsView(deps, slug, period);
  const body = await renderBoardReport(view, await trendsFor(deps, view));
  return {
    fileName: `Behovsanalys ${view.subject.name} ${view.source.periodLabel}.pdf`,
    asciiFileName: `behovsanalys-${slug}-${view.source.period}.pdf`,
    body,
  };
}
