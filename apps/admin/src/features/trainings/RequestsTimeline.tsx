import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceArea, XAxis, YAxis } from "recharts";
import { ChartFigure } from "../../components/charts/ChartFigure";
import { BAR_SIZE, NameAbove } from "../../components/charts/labels";
import { ChartPatterns } from "../../components/charts/Patterns";
import { COLOURS, fillOf, INK, type Series } from "../../components/charts/palette";
import { stackedHeight } from "../../components/charts/StackedBars";
import { DataTable } from "../../components/DataTable";
import type { PairingSuggestion, TrainingRequest } from "./api";
import { pairingsQuery } from "./requests-api";
import "./i18n";

const DAY = 86_400_000;
/** A date (YYYY-MM-DD) as a day number on the axis. */
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const month = new Intl.DateTimeFormat("sv-SE", { month: "short", year: "numeric", timeZone: "UTC" });
const MAX_TICKS = 5;
const LEFT = 4;

/** The first of each month in the range, thinned to a handful so they fit a phone. */
function monthTicks(from: number, to: number): number[] {
  const ticks: number[] = [];
  const start = new Date(from * DAY);
  for (let m = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1)); ; ) {
    const day = m.getTime() / DAY;
    if (day > to) break;
    ticks.push(day);
    m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1));
  }
  const step = Math.ceil(ticks.length / MAX_TICKS);
  return ticks.filter((_, index) => index % step === 0);
}

/**
 * The requests as a timeline: each request's wished period as a bar on a date axis, the requests NNS's
 * pairing suggestions put together drawn solid, and each suggested pair's overlap as a band behind them.
 * `withPairings`: NNS's inbox, the only view that may read the suggestions. Loaded lazily with recharts.
 */
export default function RequestsTimeline({
  requests,
  withPairings,
}: {
  requests: readonly TrainingRequest[];
  withPairings: boolean;
}) {
  const pairings = useQuery({ ...pairingsQuery, enabled: withPairings });
  if (requests.length === 0) return null;
  return <Timeline requests={requests} pairings={withPairings ? (pairings.data ?? []) : []} />;
}

function Timeline({
  requests,
  pairings,
}: {
  requests: readonly TrainingRequest[];
  pairings: readonly PairingSuggestion[];
}) {
  const { t } = useTranslation("trainings");
  const prefix = useId();
  const shown = new Set(requests.map((r) => r.id));
  // Only the pairs whose both requests are listed (the list may be filtered by status).
  const pairs = pairings.filter((p) => p.requestIds.every((id) => shown.has(id)));
  const partners = new Map<string, { name: string; start: string; end: string }[]>();
  for (const pair of pairs) {
    const [a, b] = pair.requests as [TrainingRequest, TrainingRequest];
    for (const [self, other] of [
      [a, b],
      [b, a],
    ] as const) {
      const list = partners.get(self.id) ?? [];
      list.push({ name: other.organization.name, start: pair.overlap.start, end: pair.overlap.end });
      partners.set(self.id, list);
    }
  }
  const rows = [...requests]
    .sort((x, y) => x.periodStart.localeCompare(y.periodStart))
    .map((request) => ({
      id: request.id,
      organization: request.organization.name,
      start: request.periodStart,
      end: request.periodEnd,
      participants: request.expectedParticipants,
      name: t("charts.timeline.name", {
        name: request.organization.name,
        count: request.expectedParticipants,
      }),
      // The end day is included: the bar reaches to the end of it.
      range: [dayOf(request.periodStart), dayOf(request.periodEnd) + 1],
      partners: partners.get(request.id) ?? [],
    }));
  const from = Math.min(...rows.map((row) => row.range[0] as number));
  const to = Math.max(...rows.map((row) => row.range[1] as number));
  const series: Series[] = [
    { key: "paired", label: t("charts.timeline.paired"), colour: COLOURS.blue, fill: "solid" },
    { key: "single", label: t("charts.timeline.single"), colour: COLOURS.grey, fill: "hatch" },
    { key: "overlap", label: t("charts.timeline.overlap"), colour: COLOURS.orange, fill: "dots" },
  ];
  const [paired, single, overlap] = series as [Series, Series, Series];
  const summary = [
    t("charts.timeline.summaryIntro", { count: rows.length }),
    ...rows.map((row) =>
      t("charts.timeline.summaryRow", {
        name: row.organization,
        start: row.start,
        end: row.end,
        count: row.participants,
      }),
    ),
    ...pairs.map((pair) =>
      t("charts.timeline.summaryPair", {
        a: pair.requests[0]?.organization.name,
        b: pair.requests[1]?.organization.name,
        start: pair.overlap.start,
        end: pair.overlap.end,
      }),
    ),
  ].join(" ");
  return (
    <ChartFigure
      title={t("charts.timeline.title")}
      summary={summary}
      legend={pairs.length > 0 ? series : [single]}
      height={stackedHeight(rows.length)}
      table={
        <DataTable
          caption={t("charts.timeline.title")}
          rows={rows}
          rowKey={(row) => row.id}
          columns={[
            {
              id: "organization",
              header: t("charts.timeline.organization"),
              rowHeader: true,
              cell: (row) => row.organization,
            },
            {
              id: "period",
              header: t("charts.timeline.period"),
              noWrap: true,
              cell: (row) => `${row.start} – ${row.end}`,
            },
            {
              id: "participants",
              header: t("charts.timeline.participants"),
              className: "amount",
              cell: (row) => row.participants,
            },
            {
              id: "pairing",
              header: t("charts.timeline.pairing"),
              cell: (row) =>
                row.partners.length === 0
                  ? t("charts.timeline.noPairing")
                  : row.partners.map((p) => t("charts.timeline.overlapsWith", p)).join("; "),
            },
          ]}
        />
      }
    >
      <BarChart
        responsive
        style={{ width: "100%", height: "100%" }}
        data={rows}
        layout="vertical"
        accessibilityLayer={false}
        barSize={BAR_SIZE}
        margin={{ top: 20, right: 12, bottom: 0, left: LEFT }}
      >
        <ChartPatterns prefix={prefix} series={series} />
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          domain={[from, to]}
          ticks={monthTicks(from, to)}
          tickFormatter={(day: number) => month.format(new Date(day * DAY))}
          tick={{ fontSize: 12, fill: INK }}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={1}
          interval={0}
          axisLine={false}
          tickLine={false}
          tick={<NameAbove left={LEFT} />}
        />
        {pairs.map((pair) => (
          <ReferenceArea
            key={pair.requestIds.join("+")}
            x1={dayOf(pair.overlap.start)}
            x2={dayOf(pair.overlap.end) + 1}
            fill={fillOf(prefix, overlap)}
            fillOpacity={0.6}
            stroke={COLOURS.orange}
            strokeDasharray="4 3"
          />
        ))}
        <Bar dataKey="range" stroke={INK} strokeWidth={1} isAnimationActive={false}>
          {rows.map((row) => (
            <Cell key={row.id} fill={fillOf(prefix, row.partners.length > 0 ? paired : single)} />
          ))}
        </Bar>
      </BarChart>
    </ChartFigure>
  );
}
