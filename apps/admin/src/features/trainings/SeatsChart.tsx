import { useTranslation } from "react-i18next";
import { ChartFigure } from "../../components/charts/ChartFigure";
import { formatCount } from "../../components/charts/format";
import { COLOURS, type Series } from "../../components/charts/palette";
import { StackedBars, stackedHeight } from "../../components/charts/StackedBars";
import { DataTable } from "../../components/DataTable";
import type { TrainingSession } from "./api";
import { stockholmDay } from "./format";
import "./i18n";

interface Row {
  id: string;
  name: string;
  registered: number;
  free: number;
  waiting: number;
  capacity: number | null;
}

/**
 * Per session, the seats taken, the seats still free and the waiting list, as one stacked bar each: where
 * a session is full and people wait shows at a glance. Loaded lazily with recharts (SessionsSection).
 */
export default function SeatsChart({ sessions }: { sessions: readonly TrainingSession[] }) {
  const { t } = useTranslation("trainings");
  if (sessions.length === 0) return null;
  const rows: Row[] = sessions.map((session) => ({
    id: session.id,
    name: `${session.title}, ${stockholmDay(session.startsAt)}`,
    registered: session.confirmed,
    // More confirmed than seats happens when the seats are lowered after registration: nothing is free.
    free: session.capacity === null ? 0 : Math.max(0, session.capacity - session.confirmed),
    waiting: session.waitlisted,
    capacity: session.capacity,
  }));
  const series: Series[] = [
    { key: "registered", label: t("charts.seats.registered"), colour: COLOURS.blue, fill: "solid" },
    { key: "free", label: t("charts.seats.free"), colour: COLOURS.grey, fill: "hatch" },
    { key: "waiting", label: t("charts.seats.waiting"), colour: COLOURS.orange, fill: "dots" },
  ];
  const summary = [
    t("charts.seats.summaryIntro"),
    ...rows.map((row) =>
      t(row.capacity === null ? "charts.seats.summaryRowUnlimited" : "charts.seats.summaryRow", {
        session: row.name,
        registered: row.registered,
        free: row.free,
        waiting: row.waiting,
      }),
    ),
  ].join(" ");
  return (
    <ChartFigure
      title={t("charts.seats.title")}
      summary={summary}
      legend={series}
      height={stackedHeight(rows.length)}
      table={
        <DataTable
          caption={t("charts.seats.title")}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { id: "session", header: t("charts.seats.session"), rowHeader: true, cell: (row) => row.name },
            {
              id: "registered",
              header: t("charts.seats.registered"),
              className: "amount",
              cell: (row) => row.registered,
            },
            { id: "free", header: t("charts.seats.free"), className: "amount", cell: (row) => row.free },
            {
              id: "waiting",
              header: t("charts.seats.waiting"),
              className: "amount",
              cell: (row) => row.waiting,
            },
            {
              id: "capacity",
              header: t("charts.seats.capacity"),
              className: "amount",
              cell: (row) => row.capacity ?? t("charts.seats.unlimited"),
            },
          ]}
        />
      }
    >
      <StackedBars rows={rows} series={series} format={formatCount} />
    </ChartFigure>
  );
}
