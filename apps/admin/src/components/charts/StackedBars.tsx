import { useId } from "react";
import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from "recharts";
import { BAR_SIZE, NameAbove, segmentLabel } from "./labels";
import { ChartPatterns } from "./Patterns";
import { fillOf, INK, labelInkOf, type Series } from "./palette";

/** Pixels per bar: the bar, its name above it and the gap to the next one. */
export const ROW_HEIGHT = 58;
/** The axis beneath the bars and the room above the first name. */
export const AXIS_HEIGHT = 48;

/** The drawing's height for `rows` bars. */
export function stackedHeight(rows: number): number {
  return rows * ROW_HEIGHT + AXIS_HEIGHT;
}

const FILL = { width: "100%", height: "100%" };
/** The plot's left edge: the category axis is drawn as names above the bars (recharts draws no axis 0 px wide). */
const LEFT = 4;

/**
 * Horizontal bars, one per row, each stacked from the series in order: the row's name above its bar
 * (so long names keep the width of a phone), each segment's value written inside it when it fits.
 * Imports recharts: reach it only through a lazily loaded chart.
 */
export function StackedBars<Row extends { name: string }>({
  rows,
  series,
  format,
  tickFormat = format,
  max,
}: {
  rows: readonly Row[];
  series: readonly Series[];
  format: (value: number) => string;
  tickFormat?: (value: number) => string;
  /** The axis' end, when it is fixed (a 1–5 scale); otherwise the longest bar. */
  max?: number;
}) {
  const prefix = useId();
  return (
    <BarChart
      responsive
      style={FILL}
      data={[...rows]}
      layout="vertical"
      accessibilityLayer={false}
      barSize={BAR_SIZE}
      margin={{ top: 20, right: 12, bottom: 0, left: LEFT }}
    >
      <ChartPatterns prefix={prefix} series={series} />
      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
      <XAxis
        type="number"
        domain={[0, max ?? "auto"]}
        allowDecimals={false}
        // A fixed scale gets a tick per whole step (0–5); otherwise recharts picks round ones.
        tickCount={max === undefined ? undefined : max + 1}
        tickFormatter={tickFormat}
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
      {series.map((s) => (
        <Bar
          key={s.key}
          dataKey={s.key}
          name={s.label}
          stackId="stack"
          fill={fillOf(prefix, s)}
          stroke={INK}
          strokeWidth={1}
          isAnimationActive={false}
        >
          <LabelList dataKey={s.key} content={segmentLabel(labelInkOf(s), format)} />
        </Bar>
      ))}
    </BarChart>
  );
}
