import { QUARTILE_SHORT_SV, type Quartile } from "@nns/domain/statistics";
import { Area, CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber, formatShare } from "./format";

export interface TrendRow {
  label: string;
  share: number | null;
  quartile: Quartile | null;
  county: number | null;
  country: number | null;
  band: [number, number] | null;
}

export interface TrendNames {
  title: string;
  municipality: string;
  county: string;
  country: string;
  band: string;
}

const FILL = { width: "100%", height: "100%" };
const TEXT = "#1b1f24";
const PRIMARY = "#1d4f91";

/**
 * The kommun's point in each period: a shape per quartile (square low, circle middle, triangle high) as
 * well as its colour, so the class is not told by colour alone; the table alternative says it in words.
 */
function QuartileDot(props: { cx?: number; cy?: number; payload?: TrendRow }) {
  const { cx, cy, payload } = props;
  if (cx === undefined || cy === undefined || !payload || payload.share === null) return <g />;
  const quartile = payload.quartile;
  const className = quartile ? `quartile-${quartile}` : undefined;
  const common = { className, stroke: TEXT, strokeWidth: 1, fill: quartile ? undefined : PRIMARY };
  if (quartile === "low") return <rect x={cx - 5} y={cy - 5} width={10} height={10} {...common} />;
  if (quartile === "high")
    return <path d={`M${cx},${cy - 6} L${cx + 6},${cy + 5} L${cx - 6},${cy + 5} Z`} {...common} />;
  return <circle cx={cx} cy={cy} r={5.5} {...common} />;
}

function tooltipValue(value: unknown, _name: unknown, item: { payload?: TrendRow; dataKey?: unknown }) {
  if (Array.isArray(value)) return `${formatShare(value[0])} – ${formatShare(value[1])}`;
  const text = formatShare(typeof value === "number" ? value : null) ?? "–";
  const quartile = item.dataKey === "share" ? item.payload?.quartile : null;
  return quartile ? `${text} (${QUARTILE_SHORT_SV[quartile]})` : text;
}

/** The kommun against its län, the country and the band of all kommuner, period by period. */
export default function TrendChart({ rows, names }: { rows: TrendRow[]; names: TrendNames }) {
  return (
    <div className="statistics-chart statistics-chart-trend">
      <ComposedChart
        responsive
        style={FILL}
        data={rows}
        accessibilityLayer
        title={names.title}
        margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
      >
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: TEXT }} minTickGap={12} />
        <YAxis
          tickFormatter={(value: number) => `${formatNumber(value)} %`}
          width={64}
          tick={{ fontSize: 12, fill: TEXT }}
        />
        <Tooltip formatter={tooltipValue} />
        <Legend />
        <Area
          dataKey="band"
          name={names.band}
          fill="#cfd6de"
          fillOpacity={0.6}
          stroke="#56606b"
          strokeDasharray="1 0"
          strokeWidth={0.5}
          isAnimationActive={false}
          connectNulls
        />
        <Line
          dataKey="country"
          name={names.country}
          stroke={TEXT}
          strokeDasharray="2 3"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="county"
          name={names.county}
          stroke="#56606b"
          strokeDasharray="8 4"
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
        <Line
          dataKey="share"
          name={names.municipality}
          stroke={PRIMARY}
          strokeWidth={3}
          dot={<QuartileDot />}
          activeDot={false}
          isAnimationActive={false}
        />
      </ComposedChart>
    </div>
  );
}
