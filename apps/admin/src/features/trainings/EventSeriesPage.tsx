import { useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { type EventSeries, eventSeriesQuery } from "./events-api";
import { formatKronor } from "./format";
import "./i18n";
import "./trainings.css";

type Edition = EventSeries["editions"][number];

/** The förbund's recurring events, each year side by side (seed 000's follow-up), a cancelled year with its reason. */
export function EventSeriesPage() {
  const { t } = useTranslation("trainings");
  const { orgId } = useParams({ strict: false }) as { orgId: string };
  const series = useQuery(eventSeriesQuery(orgId));
  return (
    <>
      <PageHeader title={t("series.title")} description={t("series.description")} />
      <QueryView query={series} isEmpty={(data) => data.length === 0} empty={t("series.empty")}>
        {(data) => data.map((s) => <SeriesTable key={s.id} series={s} />)}
      </QueryView>
    </>
  );
}

function SeriesTable({ series }: { series: EventSeries }) {
  const { t } = useTranslation("trainings");
  const headingId = `series-${series.id}`;
  const figure = (value: number | null | undefined) =>
    value === null || value === undefined ? t("series.noFigures") : value;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("series.yearOnYear", { name: series.name })}</h2>
      {series.description ? <p>{series.description}</p> : null}
      <DataTable
        labelledBy={headingId}
        rows={series.editions}
        rowKey={(e: Edition) => e.trainingId}
        columns={[
          { id: "year", header: t("series.columns.year"), rowHeader: true, cell: (e) => e.year },
          {
            id: "status",
            header: t("series.columns.status"),
            cell: (e) =>
              e.status === "cancelled"
                ? t("series.cancelled", { reason: e.cancellationReason ?? "" })
                : t(`series.modes.${e.mode ?? "none"}`),
          },
          {
            id: "registered",
            header: t("series.columns.registered"),
            className: "amount",
            cell: (e) => figure(e.outcome?.registered),
          },
          {
            id: "attended",
            header: t("series.columns.attended"),
            className: "amount",
            cell: (e) => figure(e.outcome?.attended),
          },
          {
            id: "women",
            header: t("series.columns.women"),
            className: "amount",
            cell: (e) => figure(e.outcome?.attendedWomen),
          },
          {
            id: "men",
            header: t("series.columns.men"),
            className: "amount",
            cell: (e) => figure(e.outcome?.attendedMen),
          },
          {
            id: "satisfaction",
            header: t("series.columns.satisfaction"),
            className: "amount",
            cell: (e) =>
              e.outcome?.satisfaction === null || e.outcome?.satisfaction === undefined
                ? t("series.noFigures")
                : e.outcome.satisfaction.toLocaleString("sv-SE", { minimumFractionDigits: 1 }),
          },
          {
            id: "budget",
            header: t("series.columns.budget"),
            className: "amount",
            cell: (e) => formatKronor(e.budgetOre),
          },
          {
            id: "actual",
            header: t("series.columns.actual"),
            className: "amount",
            cell: (e) => (e.actualOre === null ? t("series.noFigures") : formatKronor(e.actualOre)),
          },
        ]}
      />
    </section>
  );
}
