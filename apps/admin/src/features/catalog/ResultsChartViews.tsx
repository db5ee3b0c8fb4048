import { formatKronor } from "@nns/domain/money";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";

/**
 * The results charts themselves, with recharts: loaded lazily by ResultsCharts, which puts a table of the
 * same figures under each. Series differ in shade and order; the legend and the tables name them.
 */

export interface OutcomeSeries {
  key: string;
  label: string;
  colour: string;
}

/** One row per period: its label and a number per series key. */
export type PeriodRow = { period: string } & Record<string, number | string | null>;

const FILL = { width: "100%", height: "100%" };
const TEXT = "#1b1f24";
const TICK = { fontSize: 12, fill: TEXT };
const percentTick = (value: number) => `${value} %`;
/** Legend entries in the text colour (recharts would colour each like its series, some too pale to read). */
const legendText = (value: string) => <span style={{ color: TEXT }}>{value}</span>;
const wholeKronor = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 0 });
const kronorTick = (value: number) => `${wholeKronor.format(value)} kr`;

/** Participants per outcome, stacked per period, positive outcomes at the bottom. */
export function OutcomesChart({
  rows,
  series,
  title,
}: {
  rows: PeriodRow[];
  series: OutcomeSeries[];
  title: string;
}) {
  return (
    <div className="results-chart" style={{ height: "22rem" }}>
      <BarChart responsive style={FILL} data={rows} accessibilityLayer title={title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="period" tick={TICK} />
        <YAxis allowDecimals={false} tick={TICK} width={40} />
        <Tooltip />
        <Legend
          wrapperStyle={{ fontSize: 12 }}
          formatter={legendText}
          itemSorter={(item) => series.findIndex((s) => s.key === item.dataKey)}
        />
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.label}
            stackId="outcomes"
            fill={s.colour}
            stroke="#fff"
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}

/** The share with a positive outcome per period, against the result goal's dashed line (named beside the chart). */
export function PositiveShareChart({
  rows,
  goal,
  labels,
}: {
  rows: PeriodRow[];
  goal: number | null;
  labels: { title: string; share: string };
}) {
  return (
    <div className="results-chart" style={{ height: "16rem" }}>
      <BarChart responsive style={FILL} data={rows} accessibilityLayer title={labels.title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="period" tick={TICK} />
        <YAxis domain={[0, 100]} tickFormatter={percentTick} tick={TICK} width={56} />
        <Tooltip formatter={(value) => `${String(value).replace(".", ",")} %`} />
        <Bar dataKey="positive" name={labels.share} fill="#1d4f91" isAnimationActive={false} />
        {goal === null ? null : (
          <ReferenceLine y={goal} stroke={TEXT} strokeWidth={2} strokeDasharray="6 4" />
        )}
      </BarChart>
    </div>
  );
}

/** Budget and cost side by side per period, in kronor. */
export function CostChart({
  rows,
  labels,
}: {
  rows: PeriodRow[];
  labels: { title: string; budget: string; cost: string };
}) {
  return (
    <div className="results-chart" style={{ height: "16rem" }}>
      <BarChart responsive style={FILL} data={rows} accessibilityLayer title={labels.title}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="period" tick={TICK} />
        <YAxis tickFormatter={kronorTick} tick={TICK} width={112} />
        <Tooltip formatter={(value) => formatKronor(Number(value) * 100)} />
        <Legend wrapperStyle={{ fontSize: 12 }} formatter={legendText} itemSorter="dataKey" />
        <Bar dataKey="budget" name={labels.budget} fill="#9aa5b1" stroke={TEXT} isAnimationActive={false} />
        <Bar dataKey="cost" name={labels.cost} fill="#1d4f91" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
