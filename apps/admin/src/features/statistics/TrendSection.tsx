import { type PeriodKind, periodLabel, type StatisticsView } from "@nns/domain/statistics";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { EmptyState, Loading, QueryView } from "../../components/states";
import { Button } from "../../components/ui";
import { trendQuery } from "./api";
import { QuartileChip, Share } from "./Figures";
import type { Measure } from "./measures";
import { measureTitle } from "./RankingSection";
import type { TrendRow } from "./TrendChart";

const TrendChart = lazy(() => import("./TrendChart"));

/** One kommun over the periods: the line chart, and the same figures as a table on request. */
export function TrendSection({
  view,
  measure,
  kind,
  kinds,
  onKind,
}: {
  view: StatisticsView;
  measure: Measure;
  kind: PeriodKind;
  kinds: PeriodKind[];
  onKind: (kind: PeriodKind) => void;
}) {
  const { t } = useTranslation("statistics");
  const trend = useQuery(trendQuery(view.subject.code, measure, kind));
  const [asTable, setAsTable] = useState(false);
  const tableId = useId();
  const name = view.subject.name;
  const county = view.counties[0]?.name ?? "";
  const title = measureTitle(t, measure);
  return (
    <section className="card" aria-labelledby="statistics-trend-heading">
      <h2 id="statistics-trend-heading">{t("trend.heading")}</h2>
      <p className="muted">{t("trend.description", { measure: title, name, county })}</p>
      {kinds.length > 1 ? (
        <div className="statistics-filters">
          <SelectField
            label={t("trend.kind")}
            options={kinds.map((k) => ({ id: k, label: t(`trend.kinds.${k}`) }))}
            value={kind}
            onChange={(value) => onKind(value as PeriodKind)}
          />
        </div>
      ) : null}
      <QueryView query={trend}>
        {(data) => {
          if (data.points.length === 0) return <EmptyState>{t("trend.empty")}</EmptyState>;
          const rows: TrendRow[] = data.points.map((point) => ({
            label: periodLabel(point.period),
            share: point.share,
            quartile: point.quartile,
            county: point.countyShare,
            country: point.countryShare,
            band: point.min !== null && point.max !== null ? [point.min, point.max] : null,
          }));
          return (
            <>
              <Suspense fallback={<Loading label={t("charts.loading")} />}>
                <TrendChart
                  rows={rows}
                  names={{
                    title: t("trend.chartLabel", { measure: title, name }),
                    municipality: name,
                    county,
                    country: t("trend.country"),
                    band: t("trend.band"),
                  }}
                />
              </Suspense>
              <p className="statistics-legend-note">{t("trend.shapes")}</p>
              <Button
                variant="secondary"
                aria-expanded={asTable}
                aria-controls={tableId}
                onPress={() => setAsTable((shown) => !shown)}
              >
                {asTable ? t("trend.hideTable") : t("trend.showTable")}
              </Button>
              <div id={tableId} hidden={!asTable}>
                {asTable ? (
                  <div className="statistics-cards">
                    <h3 id="statistics-trend-table-heading">{t("trend.tableHeading")}</h3>
                    <DataTable
                      labelledBy="statistics-trend-table-heading"
                      rows={data.points}
                      rowKey={(point) => point.period}
                      columns={[
                        {
                          id: "period",
                          header: t("trend.columns.period"),
                          rowHeader: true,
                          noWrap: true,
                          cell: (point) => periodLabel(point.period),
                        },
                        {
                          id: "share",
                          header: name,
                          className: "amount",
                          cell: (point) => <Share value={point.share} />,
                        },
                        {
                          id: "quartile",
                          header: t("trend.columns.quartile"),
                          cell: (point) => <QuartileChip quartile={point.quartile} />,
                        },
                        {
                          id: "county",
                          header: county,
                          className: "amount",
                          cell: (point) => <Share value={point.countyShare} />,
                        },
                        {
                          id: "country",
                          header: t("trend.columns.country"),
                          className: "amount",
                          cell: (point) => <Share value={point.countryShare} />,
                        },
                        {
                          id: "min",
                          header: t("trend.columns.min"),
                          className: "amount",
                          cell: (point) => <Share value={point.min} />,
                        },
                        {
                          id: "max",
                          header: t("trend.columns.max"),
                          className: "amount",
                          cell: (point) => <Share value={point.max} />,
                        },
                      ]}
                    />
                  </div>
                ) : null}
              </div>
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
