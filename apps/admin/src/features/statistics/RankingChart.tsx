import { QUARTILE_SHORT_SV, type Quartile } from "@nns/domain/statistics";
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ReferenceLine, XAxis, YAxis } from "recharts";
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

/**
 * The förbund's kommuner ranked by share, each bar filled by its quartile (the stylesheet's colours, which
 * have a dark outline so that the pale yellow still stands out) and labelled with the number and the word.
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
  const data = bars.map((bar) => ({
    ...bar,
    label: `${formatShare(bar.share)}${bar.quartile ? ` ${QUARTILE_SHORT_SV[bar.quartile]}` : ""}`,
  }));
  return (
    <div className="statistics-chart" style={{ height: `${Math.max(200, 36 * bars.length + 90)}px` }}>
      <BarChart
        responsive
        style={FILL}
        data={data}
        layout="vertical"
        accessibilityLayer
        title={title}
        margin={{ top: 40, right: 84, bottom: 4, left: 4 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          domain={[0, Math.ceil(highest * 1.05)]}
          tickFormatter={(value: number) => `${formatNumber(value)}`}
          unit=" %"
          tick={{ fontSize: 12, fill: TEXT }}
        />
        <YAxis type="category" dataKey="name" width={104} tick={{ fontSize: 12, fill: TEXT }} />
        <Bar dataKey="share" name={title} isAnimationActive={false} stroke={TEXT} strokeWidth={1}>
          {bars.map((bar) => (
            <Cell key={bar.name} className={bar.quartile ? `quartile-${bar.quartile}` : undefined} />
          ))}
          <LabelList dataKey="label" position="right" fill={TEXT} fontSize={12} />
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
              // Two rows of labels above the plot, so lines close together keep readable names.
              offset: index % 2 === 0 ? 4 : 20,
              fontSize: 11,
              fill: TEXT,
            }}
          />
        ))}
      </BarChart>
    </div>
  );
}
