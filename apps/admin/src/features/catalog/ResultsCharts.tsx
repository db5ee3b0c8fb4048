import {
  inReportingOrder,
  percentOneDecimal,
  reportingPeriodLabel,
  reportingPeriodsOverlap,
} from "@nns/domain";
import { formatKronor } from "@nns/domain/money";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../../components/ScrollableTable";
import { Loading } from "../../components/states";
import type { InterventionResult } from "./api";
import { formatPercent } from "./percent";
import type { OutcomeSeries, PeriodRow } from "./ResultsChartViews";
import "./i18n";

/** The charts bring recharts: they load after the page and its tables, never with the first page. */
const views = () => import("./ResultsChartViews");
const OutcomesChart = lazy(() => views().then((m) => ({ default: m.OutcomesChart })));
const PositiveShareChart = lazy(() => views().then((m) => ({ default: m.PositiveShareChart })));
const CostChart = lazy(() => views().then((m) => ({ default: m.CostChart })));

/** Positive outcomes in blues and greens, the others in warm shades; each at least 3:1 against white. */
const POSITIVE = ["#1d4f91", "#2e7d32", "#00707a", "#4a5fc1"];
const OTHER = ["#b3541e", "#8e3b8f", "#9a6700", "#a0266b", "#5c6670"];
const NO_OUTCOME = "#c3cad2";
const NONE_KEY = "none";

type Series = OutcomeSeries & { count: (result: InterventionResult) => number };

/** The outcome categories as series, positive first, and the participants not yet counted in any. */
function outcomeSeries(results: InterventionResult[], noOutcome: string): Series[] {
  const first = results[0]?.outcomes ?? [];
  const ordered = [...first.filter((o) => o.positive), ...first.filter((o) => !o.positive)];
  let positive = 0;
  let other = 0;
  const series: Series[] = ordered.map((outcome) => ({
    key: outcome.code,
    label: outcome.label,
    colour: outcome.positive
      ? (POSITIVE[positive++ % POSITIVE.length] as string)
      : (OTHER[other++ % OTHER.length] as string),
    count: (r) => r.outcomes.find((o) => o.code === outcome.code)?.count ?? 0,
  }));
  const without = (r: InterventionResult) =>
    r.participants.total - r.outcomes.reduce((sum, o) => sum + o.count, 0);
  if (results.some((r) => without(r) > 0))
    series.push({ key: NONE_KEY, label: noOutcome, colour: NO_OUTCOME, count: without });
  return series;
}

/**
 * An intervention's results in charts: participants per outcome as a stacked bar per period, the positive
 * share across periods against the goal, and cost against budget. Each has a table of the same figures;
 * periods are labelled as reported, and overlapping (cumulative) periods are said to be so.
 */
export function ResultsCharts({ results, goal }: { results: InterventionResult[]; goal: number | null }) {
  const { t } = useTranslation("catalog");
  const ordered = inReportingOrder(results.filter((r) => r.participants.total > 0));
  if (ordered.length === 0) return null;
  const periods = ordered.map(reportingPeriodLabel);
  const series = outcomeSeries(ordered, t("resultCharts.noOutcome"));
  const outcomeRows: PeriodRow[] = ordered.map((r, i) => ({
    period: periods[i] as string,
    ...Object.fromEntries(series.map((s) => [s.key, s.count(r)])),
  }));
  const positiveRows: PeriodRow[] = ordered.map((r, i) => ({
    period: periods[i] as string,
    positive: r.positiveSharePercent,
  }));
  const costed = ordered.filter((r) => r.costOre !== null || r.budgetOre !== null);
  const costRows: PeriodRow[] = costed.map((r) => ({
    period: reportingPeriodLabel(r),
    cost: r.costOre === null ? null : r.costOre / 100,
    budget: r.budgetOre === null ? null : r.budgetOre / 100,
  }));
  const loading = <Loading label={t("resultCharts.loading")} />;
  const kronor = (ore: number | null) => (ore === null ? "–" : formatKronor(ore));
  return (
    <section className="card" aria-labelledby="results-charts-heading">
      <h2 id="results-charts-heading">{t("resultCharts.heading")}</h2>
      <p className="muted">
        {reportingPeriodsOverlap(ordered)
          ? t("resultCharts.cumulative")
          : ordered.length > 1
            ? t("resultCharts.intervals")
            : t("resultCharts.single")}
      </p>

      <h3 id="outcomes-chart-heading">{t("resultCharts.outcomes")}</h3>
      <p className="muted">{t("resultCharts.outcomesIntro")}</p>
      <Suspense fallback={loading}>
        <OutcomesChart rows={outcomeRows} series={series} title={t("resultCharts.outcomes")} />
      </Suspense>
      <FiguresTable
        label={t("resultCharts.asTable", { chart: t("resultCharts.outcomes") })}
        first={t("results.category")}
        periods={periods}
        rows={series.map((s) => ({
          key: s.key,
          label: s.label,
          cells: ordered.map(
            (r) => `${s.count(r)} (${formatPercent(percentOneDecimal(s.count(r), r.participants.total))})`,
          ),
        }))}
      />

      <h3 id="positive-chart-heading">{t("results.positiveShare")}</h3>
      {goal === null ? null : (
        <p className="muted">{t("resultCharts.goalLine", { value: formatPercent(goal) })}</p>
      )}
      <Suspense fallback={loading}>
        <PositiveShareChart
          rows={positiveRows}
          goal={goal}
          labels={{
            title: t("results.positiveShare"),
            share: t("results.positiveShare"),
          }}
        />
      </Suspense>
      <FiguresTable
        label={t("resultCharts.asTable", { chart: t("results.positiveShare") })}
        first={t("resultCharts.figure")}
        periods={periods}
        rows={[
          {
            key: "positive",
            label: t("results.positiveShare"),
            cells: ordered.map((r) => formatPercent(r.positiveSharePercent)),
          },
          { key: "goal", label: t("resultCharts.goalRow"), cells: ordered.map(() => formatPercent(goal)) },
        ]}
      />

      <h3 id="cost-chart-heading">{t("resultCharts.cost")}</h3>
      {costed.length === 0 ? (
        <p>{t("resultCharts.noCost")}</p>
      ) : (
        <>
          <Suspense fallback={loading}>
            <CostChart
              rows={costRows}
              labels={{
                title: t("resultCharts.cost"),
                budget: t("resultCharts.budget"),
                cost: t("resultCharts.costSeries"),
              }}
            />
          </Suspense>
          <FiguresTable
            label={t("resultCharts.asTable", { chart: t("resultCharts.cost") })}
            first={t("resultCharts.figure")}
            periods={costed.map(reportingPeriodLabel)}
            rows={[
              {
                key: "budget",
                label: t("resultCharts.budget"),
                cells: costed.map((r) => kronor(r.budgetOre)),
              },
              {
                key: "cost",
                label: t("resultCharts.costSeries"),
                cells: costed.map((r) => kronor(r.costOre)),
              },
              {
                key: "share",
                label: t("results.costOfBudget"),
                cells: costed.map((r) => formatPercent(r.costOfBudgetPercent)),
              },
            ]}
          />
        </>
      )}
    </section>
  );
}

/** A chart's figures: a row per series, a column per period. */
function FiguresTable({
  label,
  first,
  periods,
  rows,
}: {
  label: string;
  first: string;
  periods: string[];
  rows: { key: string; label: string; cells: ReactNode[] }[];
}) {
  return (
    <ScrollableTable label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {periods.map((period) => (
              <th key={period} scope="col" className="num">
                {period}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={periods[i]} className="num">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}
