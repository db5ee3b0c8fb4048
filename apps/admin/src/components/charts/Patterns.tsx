import { useId } from "react";
import { fillOf, INK, patternId, type Series } from "./palette";

/** The hatched and dotted fills of a chart's series, as SVG <defs> (placed inside the chart's svg). */
export function ChartPatterns({ prefix, series }: { prefix: string; series: readonly Series[] }) {
  return (
    <defs>
      {series.map((s) =>
        s.fill === "solid" ? null : (
          <pattern
            key={s.key}
            id={patternId(prefix, s)}
            width={6}
            height={6}
            patternUnits="userSpaceOnUse"
            patternTransform={s.fill === "hatch" ? "rotate(45)" : undefined}
          >
            <rect width={6} height={6} fill="#ffffff" />
            {s.fill === "hatch" ? (
              <rect width={2.5} height={6} fill={s.colour} />
            ) : (
              <circle cx={3} cy={3} r={1.6} fill={s.colour} />
            )}
          </pattern>
        ),
      )}
    </defs>
  );
}

/** A legend's sample of one series: the same fill and outline as its bars. */
export function Swatch({ series }: { series: Series }) {
  const prefix = useId();
  return (
    <svg className="chart-swatch" width={18} height={18} viewBox="0 0 18 18" aria-hidden="true">
      <ChartPatterns prefix={prefix} series={[series]} />
      <rect x={0.5} y={0.5} width={17} height={17} fill={fillOf(prefix, series)} stroke={INK} />
    </svg>
  );
}
