import { useTranslation } from "react-i18next";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { ItemFigures } from "./types";

/** Green, grey and red that each keep 4.5:1 against white; the table above carries the same figures. */
/** The chart fills its box, whose height the stylesheet (or the item count) sets. */
const FILL = { width: "100%", height: "100%" };

const COLOURS = { improved: "#1e6b3a", unchanged: "#56606b", worse: "#b3261e" } as const;

/** Per item, the shares improved, unchanged and worse as stacked bars; loaded lazily with recharts. */
export default function ReportChart({ items, title }: { items: ItemFigures[]; title: string }) {
  const { t } = useTranslation("progression");
  const data = items.map((item) => ({
    label: item.label,
    improved: item.improvedPercent ?? 0,
    unchanged: item.unchangedPercent ?? 0,
    worse: item.worsePercent ?? 0,
  }));
  return (
    <div className="progression-chart" style={{ height: `${Math.max(240, 44 * items.length + 80)}px` }}>
      <BarChart
        responsive
        style={FILL}
        data={data}
        layout="vertical"
        accessibilityLayer
        title={title}
        margin={{ right: 16 }}
      >
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis
          type="number"
          // Shares add up to 100 give or take a rounding; the axis stays 0–100.
          domain={[0, 100]}
          allowDataOverflow
          ticks={[0, 25, 50, 75, 100]}
          unit=" %"
          tick={{ fontSize: 12, fill: "#1b1f24" }}
        />
        <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12, fill: "#1b1f24" }} />
        <Tooltip formatter={(value) => `${Number(value).toLocaleString("sv-SE")} %`} />
        <Legend />
        {(["improved", "unchanged", "worse"] as const).map((key) => (
          <Bar
            key={key}
            dataKey={key}
            stackId="share"
            name={t(`reports.figuresColumns.${key}`)}
            fill={COLOURS[key]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </div>
  );
}
