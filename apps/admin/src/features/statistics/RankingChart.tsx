import { QUARTILE_SHORT_SV, type Quartile } from "@nns/domain/statistics";
import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, XAxis, YAxis } from "recharts";
import { formatNumber, formatShare } from "./format";

export interface RankedBar {
  name: string;
  share: number;
  quartile: Quartile | null;
}

export interface ReferenceValue {
  key: string;
  label: string;
  value: number;
  kind: "cut" | "county" | "country";
}

const FILL = { width: "100%", height: "100%" };
const TEXT = "#1b1f24";
/** Lines differ in pattern as well as shade, so they are told apart without colour (the legend names them). */
const LINE_STYLE = {
  cut: { stroke: "#56606b", strokeDasharray: "6 4" },
  county: { stroke: TEXT, strokeDasharray: "2 3" },
  country: { stroke: TEXT, strokeDasharray: undefined },
} as const;

/** Each kommun's name with its number and word beneath, left of its bar: both fit a phone's width. */
function NameTick({
  x,
  y,
  payload,
  labels,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  labels: Map<string, string>;
}) {
  const name = String(payload?.value ?? "");
  return (
    <text x={x} y={Number(y) - 3} textAnchor="end" fontSize={12} fill={TEXT}>
      <tspan x={x} fontWeight={600}>
        {name}
      </tspan>
      <tspan x={x} dy={14}>
        {labels.get(name)}
      </tspan>
    </text>
  );
}

/** Pixels per row of reference-line labels above the plot: each line's name gets a row of its own. */
const LABEL_ROW = 15;

/**
 * The förbund's kommuner ranked by share, each bar filled by its quartile (the stylesheet's colours, with
 * a dark outline so that the pale yellow still stands out) and labelled with the number and the word.
 * Loaded lazily with recharts; the table beneath carries the same figures.
 */
export default function RankingChart({
  bars,
  references,
  title,
}: {
  bars: RankedBar[];
  references: ReferenceValue[];
  title: string;
}) {
  const highest = Math.max(...bars.map((b) => b.share), ...references.map((r) => r.value), 1);
  const labels = new Map(
    bars.map((bar) => [
      bar.name,
      `${formatShare(bar.share)}${bar.quartile ? ` ${QUARTILE_SHORT_SV[bar.quartile]}` : ""}`,
    ]),
  );
  const top = LABEL_ROW * references.length + 8;
  return (
    <div className="statistics-chart" style={{ height: `${Math.max(200, 40 * bars.length + top + 40)}px` }}>
      <BarChart
        responsive
        style={FILL}
        data={bars}
        layout="vertical"
        accessibilityLayer
        title={title}
        margin={{ top, right: 36, bottom: 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          domain={[0, Math.ceil(highest * 1.05)]}
          tickFormatter={(value: number) => `${formatNumber(value)}`}
          unit=" %"
          tick={{ fontSize: 12, fill: TEXT }}
        />
        <YAxis
          type="category"
          dataKey="name"
          width={112}
          interval={0}
          tick={(props: object) => <NameTick {...props} labels={labels} />}
        />
        <Bar dataKey="share" name={title} isAnimationActive={false} stroke={TEXT} strokeWidth={1}>
          {bars.map((bar) => (
            <Cell key={bar.name} className={bar.quartile ? `quartile-${bar.quartile}` : undefined} />
          ))}
        </Bar>
        {references.map((reference, index) => (
          <ReferenceLine
            key={reference.key}
            x={reference.value}
            {...LINE_STYLE[reference.kind]}
            strokeWidth={1.5}
            ifOverflow="extendDomain"
            label={{
              value: reference.label,
              position: "top",
              // A row of its own per line, so lines close together (or equal) keep readable names.
              offset: 4 + LABEL_ROW * (references.length - 1 - index),
              fontSize: 11,
              fill: TEXT,
            }}
          />
        ))}
      </BarChart>
    </div>
  );
}
