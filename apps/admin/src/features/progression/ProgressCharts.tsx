import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  PolarAngleAxis,
  PolarGrid,
  PolarRadiusAxis,
  Radar,
  RadarChart,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { ErrorState, Loading } from "../../components/states";
import { formatDate } from "../../lib/format";
import { comparisonQuery } from "./api";
import "../../components/fields.css";
import type { Comparison, Measurement, ParticipantDetail, Respondent } from "./types";

/** Colours that keep 4.5:1 against white and differ in lightness, not only hue; the "from" line is dashed. */
const FROM_COLOUR = "#b35900";
const TO_COLOUR = "#1d4f91";
/** A chart fills its box; the stylesheet gives the box its height. */
const FILL = { width: "100%", height: "100%" };

/** Words per line of an item's label around the radar, so long labels stay inside a phone's width. */
function lines(text: string, width = 12): string[] {
  const out: string[] = [];
  for (const word of text.split(" ")) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + word.length + 1 <= width) out[out.length - 1] = `${last} ${word}`;
    else out.push(word);
  }
  return out;
}

function WrappedTick({
  x,
  y,
  textAnchor,
  payload,
}: {
  x?: number | string;
  y?: number | string;
  textAnchor?: "start" | "middle" | "end" | "inherit";
  payload?: { value?: unknown };
}) {
  const rows = lines(String(payload?.value ?? ""));
  const top = Number(y) - ((rows.length - 1) * 13) / 2;
  return (
    <text x={x} y={top} textAnchor={textAnchor} fontSize={11} fill="#1b1f24">
      {rows.map((row, i) => (
        <tspan key={row} x={x} dy={i === 0 ? 0 : 13}>
          {row}
        </tspan>
      ))}
    </text>
  );
}

interface Series {
  key: string;
  instrumentId: string;
  respondent: Respondent;
  label: string;
  measurements: Measurement[];
}

/** Measurements grouped per instrument and respondent, oldest first: what can be compared with what. */
function seriesOf(
  measurements: readonly Measurement[],
  respondentLabel: (r: Respondent) => string,
): Series[] {
  const out = new Map<string, Series>();
  for (const m of [...measurements].sort((a, b) => a.measuredOn.localeCompare(b.measuredOn))) {
    const key = `${m.instrument.id}:${m.respondent}`;
    const series = out.get(key) ?? {
      key,
      instrumentId: m.instrument.id,
      respondent: m.respondent,
      label: `${m.instrument.name} – ${respondentLabel(m.respondent)}`,
      measurements: [],
    };
    series.measurements.push(m);
    out.set(key, series);
  }
  return [...out.values()];
}

/**
 * A participant's development: a radar of two measurements (first and latest unless other two are
 * chosen) and a line per item over time, each with the same figures as a table beneath. Loaded lazily
 * with recharts (ParticipantPage).
 */
export default function ProgressCharts({
  orgId,
  participant,
  measurements,
}: {
  orgId: string;
  participant: ParticipantDetail;
  measurements: Measurement[];
}) {
  const { t } = useTranslation("progression");
  const all = seriesOf(measurements, (r) => t(`respondent.${r}`));
  const [seriesKey, setSeriesKey] = useState(
    () => all.find((s) => s.measurements.length > 1)?.key ?? all[0]?.key ?? "",
  );
  const series = all.find((s) => s.key === seriesKey) ?? all[0];
  if (!series) return null;
  return (
    <section className="card" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t("charts.heading")}</h2>
      {all.length > 1 ? (
        <SelectField
          label={t("charts.instrument")}
          options={all.map((s) => ({ id: s.key, label: s.label }))}
          value={series.key}
          onChange={setSeriesKey}
        />
      ) : (
        <p>{series.label}</p>
      )}
      {series.measurements.length < 2 ? (
        <p className="notice">{t("charts.tooFew")}</p>
      ) : (
        <SeriesCharts key={series.key} orgId={orgId} participantId={participant.id} series={series} />
      )}
    </section>
  );
}

function SeriesCharts({
  orgId,
  participantId,
  series,
}: {
  orgId: string;
  participantId: string;
  series: Series;
}) {
  const { t } = useTranslation("progression");
  const list = series.measurements;
  const [fromId, setFromId] = useState(list[0]?.id ?? "");
  const [toId, setToId] = useState(list[list.length - 1]?.id ?? "");
  const to = list.find((m) => m.id === toId);
  const comparison = useQuery(
    comparisonQuery(orgId, participantId, {
      instrumentVersionId: to?.instrumentVersionId ?? "",
      respondent: series.respondent,
      from: fromId,
      to: toId,
    }),
  );
  const options = list.map((m) => ({
    id: m.id,
    label: `${formatDate(m.measuredOn)} (${t("versionName", { name: m.instrument.name, number: m.instrument.versionNumber })})`,
  }));
  return (
    <>
      <h3 id="radar-heading">{t("charts.radarHeading")}</h3>
      <div className="form-row">
        <SelectField label={t("charts.from")} options={options} value={fromId} onChange={setFromId} />
        <SelectField label={t("charts.to")} options={options} value={toId} onChange={setToId} />
      </div>
      {comparison.isPending ? <Loading /> : null}
      {comparison.error ? <ErrorState error={comparison.error} onRetry={() => comparison.refetch()} /> : null}
      {comparison.data ? <RadarComparison comparison={comparison.data} /> : null}
      {comparison.data ? <Trend series={series} comparison={comparison.data} /> : null}
    </>
  );
}

function RadarComparison({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation("progression");
  const from = formatDate(comparison.from.measuredOn);
  const to = formatDate(comparison.to.measuredOn);
  const min = Math.min(...comparison.items.map((item) => item.min));
  const max = Math.max(...comparison.items.map((item) => item.max));
  const data = comparison.items.map((item) => ({ label: item.label, from: item.from, to: item.to }));
  return (
    <>
      <p className="muted">{t("charts.keyboard")}</p>
      <div className="progression-chart progression-chart-radar">
        <RadarChart
          responsive
          style={FILL}
          data={data}
          accessibilityLayer
          title={t("charts.radarTitle", { from, to })}
          outerRadius="55%"
        >
          <PolarGrid />
          <PolarAngleAxis dataKey="label" tick={WrappedTick} />
          <PolarRadiusAxis
            domain={[min, max]}
            tickCount={max - min + 1}
            tick={{ fontSize: 11, fill: "#56606b" }}
          />
          <Radar
            name={from}
            dataKey="from"
            stroke={FROM_COLOUR}
            strokeDasharray="6 4"
            strokeWidth={2}
            fill={FROM_COLOUR}
            fillOpacity={0.1}
            isAnimationActive={false}
          />
          <Radar
            name={to}
            dataKey="to"
            stroke={TO_COLOUR}
            strokeWidth={2}
            fill={TO_COLOUR}
            fillOpacity={0.2}
            isAnimationActive={false}
          />
          <Legend />
          <Tooltip />
        </RadarChart>
      </div>
      {comparison.unmappedItems.length > 0 ? (
        <p className="notice">{t("charts.unmapped", { items: comparison.unmappedItems.join(", ") })}</p>
      ) : null}
      <DataTable
        caption={t("charts.radarCaption", { from, to })}
        rows={comparison.items}
        rowKey={(item) => item.code}
        columns={[
          { id: "item", header: t("charts.columns.item"), rowHeader: true, cell: (item) => item.label },
          { id: "group", header: t("charts.columns.group"), cell: (item) => item.group },
          {
            id: "from",
            header: t("charts.columns.from"),
            className: "amount",
            cell: (item) => item.from,
          },
          {
            id: "to",
            header: t("charts.columns.to"),
            className: "amount",
            cell: (item) => item.to,
          },
          {
            id: "change",
            header: t("charts.columns.change"),
            className: "amount",
            cell: (item) =>
              t("charts.changeValue", {
                sign: item.change > 0 ? "+" : item.change < 0 ? "−" : "",
                value: Math.abs(item.change),
              }),
          },
        ]}
      />
    </>
  );
}

/** One item's answers over every measurement of the series that asked it (the code may differ by version). */
function Trend({ series, comparison }: { series: Series; comparison: Comparison }) {
  const { t } = useTranslation("progression");
  const [code, setCode] = useState(comparison.items[0]?.code ?? "");
  const item = comparison.items.find((i) => i.code === code) ?? comparison.items[0];
  if (!item) return null;
  const points = series.measurements
    .filter((m) => m.answers[item.code] !== undefined)
    .map((m) => ({ id: m.id, date: formatDate(m.measuredOn), value: m.answers[item.code] as number }));
  return (
    <>
      <h3>{t("charts.trendHeading")}</h3>
      <SelectField
        label={t("charts.trendItem")}
        options={comparison.items.map((i) => ({ id: i.code, label: i.label }))}
        value={item.code}
        onChange={setCode}
      />
      <div className="progression-chart">
        <LineChart
          responsive
          style={FILL}
          data={points}
          accessibilityLayer
          title={t("charts.trendCaption", { item: item.label })}
          margin={{ top: 16, right: 24, bottom: 8, left: 0 }}
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="date" padding={{ left: 24, right: 24 }} tick={{ fontSize: 12, fill: "#1b1f24" }} />
          <YAxis
            domain={[item.min, item.max]}
            allowDecimals={false}
            tickCount={item.max - item.min + 1}
            width={32}
            tick={{ fontSize: 12, fill: "#1b1f24" }}
          />
          <Tooltip />
          <Line
            type="linear"
            dataKey="value"
            name={item.label}
            stroke={TO_COLOUR}
            strokeWidth={2}
            dot={{ r: 5 }}
            isAnimationActive={false}
          />
        </LineChart>
      </div>
      <DataTable
        caption={t("charts.trendCaption", { item: item.label })}
        rows={points}
        rowKey={(point) => point.id}
        columns={[
          {
            id: "date",
            header: t("charts.columns.date"),
            rowHeader: true,
            noWrap: true,
            cell: (p) => p.date,
          },
          { id: "answer", header: t("charts.columns.answer"), className: "amount", cell: (p) => p.value },
        ]}
      />
    </>
  );
}
