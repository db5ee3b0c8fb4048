import { useTranslation } from "react-i18next";
import { ChartFigure } from "../../components/charts/ChartFigure";
import { formatCount } from "../../components/charts/format";
import { COLOURS, type Series } from "../../components/charts/palette";
import { StackedBars, stackedHeight } from "../../components/charts/StackedBars";
import { DataTable } from "../../components/DataTable";
import type { FollowUp } from "./api";
import "./i18n";

const percent = new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 0 });
const score = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * The follow-up as pictures: how many of those registered attended and answered the survey, and how the
 * answers spread over the 1–5 scale per question once enough have answered. Loaded lazily with recharts (FollowUpSection).
 */
export default function FollowUpCharts({ followUp }: { followUp: FollowUp }) {
  return (
    <>
      <Funnel followUp={followUp} />
      {followUp.satisfaction.distribution && followUp.satisfaction.averages ? (
        <Distribution
          distribution={followUp.satisfaction.distribution}
          averages={followUp.satisfaction.averages}
        />
      ) : null}
    </>
  );
}

function Funnel({ followUp }: { followUp: FollowUp }) {
  const { t } = useTranslation("trainings");
  const { registered, attended } = followUp;
  const answered = followUp.satisfaction.responses;
  if (registered === 0) return null;
  const rows = (
    [
      ["registered", registered],
      ["attended", attended],
      ["answered", answered],
    ] as const
  ).map(([key, count]) => {
    const share = percent.format(count / registered);
    const step = t(`charts.funnel.${key}`);
    // The first bar is all of them: its share goes without saying.
    const name = key === "registered" ? step : t("charts.funnel.name", { step, share });
    return { id: key, step, share, name, count };
  });
  const series: Series[] = [
    { key: "count", label: t("charts.funnel.people"), colour: COLOURS.blue, fill: "solid" },
  ];
  return (
    <ChartFigure
      title={t("charts.funnel.title")}
      summary={t("charts.funnel.summary", { registered, attended, answered })}
      height={stackedHeight(rows.length)}
      table={
        <DataTable
          caption={t("charts.funnel.title")}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            { id: "step", header: t("charts.funnel.step"), rowHeader: true, cell: (row) => row.step },
            { id: "count", header: t("charts.funnel.count"), className: "amount", cell: (row) => row.count },
            { id: "share", header: t("charts.funnel.share"), className: "amount", cell: (row) => row.share },
          ]}
        />
      }
    >
      <StackedBars rows={rows} series={series} format={formatCount} />
    </ChartFigure>
  );
}

const SCORES = ["1", "2", "3", "4", "5"] as const;

/** Low scores warm, high ones green, the middle grey; the fills tell neighbours apart without colour. */
const SCORE_SERIES: readonly Omit<Series, "label">[] = [
  { key: "s1", colour: COLOURS.orange, fill: "solid" },
  { key: "s2", colour: COLOURS.orange, fill: "hatch" },
  { key: "s3", colour: COLOURS.grey, fill: "dots" },
  { key: "s4", colour: COLOURS.green, fill: "hatch" },
  { key: "s5", colour: COLOURS.green, fill: "solid" },
];

function Distribution({
  distribution,
  averages,
}: {
  distribution: Record<string, number[]>;
  averages: Record<string, number | null>;
}) {
  const { t } = useTranslation("trainings");
  // The API lists the questions in the survey's order; a question nobody answered has no bar.
  const rows = Object.entries(distribution).flatMap(([key, counts]) => {
    const average = averages[key] ?? null;
    if (average === null) return [];
    const name = t(`followUp.questions.${key}`, { defaultValue: key });
    return [
      { id: key, name, average, counts, ...Object.fromEntries(counts.map((n, i) => [`s${i + 1}`, n])) },
    ];
  });
  if (rows.length === 0) return null;
  const series: Series[] = SCORE_SERIES.map((s, i) => ({
    ...s,
    label: t("charts.satisfaction.score", { score: SCORES[i] }),
  }));
  const summary = t("charts.satisfaction.summary", {
    rows: rows
      .map((row) =>
        t("charts.satisfaction.summaryRow", {
          question: row.name,
          counts: row.counts
            .map((n, i) => t("charts.satisfaction.summaryCount", { count: n, score: SCORES[i] }))
            .join(", "),
          value: score.format(row.average),
        }),
      )
      .join(" "),
  });
  return (
    <ChartFigure
      title={t("charts.satisfaction.title")}
      summary={summary}
      legend={series}
      height={stackedHeight(rows.length)}
      table={
        <DataTable
          caption={t("charts.satisfaction.title")}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            {
              id: "question",
              header: t("charts.satisfaction.question"),
              rowHeader: true,
              cell: (row) => row.name,
            },
            ...SCORES.map((value, i) => ({
              id: `s${value}`,
              header: t("charts.satisfaction.score", { score: value }),
              className: "amount",
              cell: (row: (typeof rows)[number]) => row.counts[i],
            })),
            {
              id: "average",
              header: t("charts.satisfaction.average"),
              className: "amount",
              cell: (row) => score.format(row.average),
            },
          ]}
        />
      }
    >
      <StackedBars rows={rows} series={series} format={formatCount} />
    </ChartFigure>
  );
}
