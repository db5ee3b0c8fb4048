import { type ReactNode, Suspense, useId } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../states";
import { Swatch } from "./Patterns";
import type { Series } from "./palette";
import "./charts.css";

/**
 * A chart as a figure: its title as the caption, the legend in words with a sample of each fill, the
 * drawing as one image whose text alternative (`summary`) says what it shows in a sentence or two, and
 * the same figures as a table behind "Visa som tabell".
 */
export function ChartFigure({
  title,
  summary,
  legend,
  height,
  table,
  children,
}: {
  title: string;
  summary: string;
  legend?: readonly Series[];
  /** The drawing's height in pixels; it takes the page's width. */
  height: number;
  table: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <figure className="chart-figure" aria-labelledby={captionId}>
      <figcaption id={captionId} className="chart-title">
        {title}
      </figcaption>
      {legend && legend.length > 0 ? (
        <ul className="chart-legend">
          {legend.map((series) => (
            <li key={series.key}>
              <Swatch series={series} />
              {series.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="chart-drawing" role="img" aria-label={summary} style={{ height: `${height}px` }}>
        {children}
      </div>
      <details className="chart-table">
        <summary>{t("charts.showTable")}</summary>
        {table}
      </details>
    </figure>
  );
}

/** Where a lazily loaded chart goes: a loading message until recharts (and the chart) have arrived. */
export function ChartSlot({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<Loading label={t("charts.loading")} />}>{children}</Suspense>;
}
