import type { PeriodKind, StatisticsTrend, StatisticsView } from "@nns/domain/statistics";
import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { api, call } from "../../lib/api";
import type { Measure } from "./measures";

/**
 * The needs analysis reads the public statistics API, the same one third parties use. Figures change only
 * with an import, so they stay fresh for a few minutes.
 */
const STALE = 5 * 60_000;
/** While another period or measure loads, the page keeps what it shows (and its choices) instead of blanking. */
const KEEP = { staleTime: STALE, placeholderData: keepPreviousData };

export const periodsQuery = queryOptions({
  queryKey: ["statistics", "periods"],
  queryFn: () => call(api.GET("/statistics/periods")),
  staleTime: STALE,
});

export function forbundViewQuery(slug: string, period: string) {
  return queryOptions({
    queryKey: ["statistics", "forbund", slug, period],
    queryFn: (): Promise<StatisticsView> =>
      call(api.GET("/statistics/forbund/{slug}", { params: { path: { slug }, query: { period } } })),
    ...KEEP,
  });
}

export function municipalityViewQuery(code: string, period: string) {
  return queryOptions({
    queryKey: ["statistics", "municipality", code, period],
    queryFn: (): Promise<StatisticsView> =>
      call(api.GET("/statistics/municipalities/{code}", { params: { path: { code }, query: { period } } })),
    ...KEEP,
  });
}

export function trendQuery(code: string, measure: Measure, kind: PeriodKind) {
  return queryOptions({
    queryKey: ["statistics", "trend", code, measure, kind],
    queryFn: (): Promise<StatisticsTrend> =>
      call(
        api.GET("/statistics/municipalities/{code}/trend", {
          params: { path: { code }, query: { ...measure, kind } },
        }),
      ),
    ...KEEP,
  });
}

/** Downloads the browser follows itself, on the API's own paths. */
export function forbundCsvUrl(slug: string, period: string): string {
  return `/v1/statistics/forbund/${encodeURIComponent(slug)}/figures.csv?${new URLSearchParams({ period })}`;
}

export function municipalityCsvUrl(code: string, period: string): string {
  return `/v1/statistics/municipalities/${encodeURIComponent(code)}/figures.csv?${new URLSearchParams({ period })}`;
}

export function reportPdfUrl(slug: string, period: string): string {
  return `/v1/statistics/forbund/${encodeURIComponent(slug)}/report.pdf?${new URLSearchParams({ period })}`;
}
