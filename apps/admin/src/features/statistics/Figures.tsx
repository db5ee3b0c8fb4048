import {
  type MeasureCutPoints,
  QUARTILE_LABELS_SV,
  QUARTILE_SHORT_SV,
  type Quartile,
  type StatisticsSource,
} from "@nns/domain/statistics";
import { useTranslation } from "react-i18next";
import { ARROWS, formatChange, formatImportDate, formatShare } from "./format";

/** SCB's ".." as people read it: a dash, with the words for screen readers, and never a colour. */
export function Missing() {
  const { t } = useTranslation("statistics");
  return (
    <span className="statistics-missing" title={t("missing")}>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t("missing")}</span>
    </span>
  );
}

export function Share({ value }: { value: number | null }) {
  const text = formatShare(value);
  return text === null ? <Missing /> : <span className="statistics-number">{text}</span>;
}

/**
 * A change in procentenheter: an arrow (decorative), the signed number, and in the long form the words
 * with the period it is measured against ("▲ +0,5 procentenheter jämfört med 2019").
 */
export function Change({ value, against }: { value: number | null; against?: string | null }) {
  const { t } = useTranslation("statistics");
  const change = formatChange(value);
  if (change === null) return <Missing />;
  return (
    <span className="statistics-change">
      <span aria-hidden="true" className="statistics-arrow">
        {ARROWS[change.direction]}
      </span>{" "}
      {against ? (
        t("change.against", { change: change.text, period: against })
      ) : (
        <>
          {change.text}
          <span className="visually-hidden">
            {" "}
            {t("change.unit")}, {t(`change.${change.direction}`)}
          </span>
        </>
      )}
    </span>
  );
}

/** The quartile as a colour swatch (decorative) beside its word; nothing when there is no value. */
export function QuartileChip({ quartile }: { quartile: Quartile | null }) {
  if (quartile === null) return <Missing />;
  return (
    <span className={`quartile-chip quartile-chip-${quartile}`}>
      <span aria-hidden="true" className={`quartile-swatch quartile-${quartile}`} />
      {QUARTILE_SHORT_SV[quartile]}
      <span className="visually-hidden"> ({QUARTILE_LABELS_SV[quartile].toLowerCase()})</span>
    </span>
  );
}

/** Where the figures come from, under every block of figures; demo figures say so first, in words. */
export function SourceLine({ source }: { source: StatisticsSource }) {
  const { t } = useTranslation("statistics");
  return (
    <p className="statistics-source">
      {source.isDemo ? <strong className="statistics-demo-tag">{t("demo.title")}. </strong> : null}
      {t("source", {
        table: source.sourceTable,
        period: source.periodLabel,
        date: formatImportDate(source.importedAt),
      })}
    </p>
  );
}

export function DemoBanner() {
  const { t } = useTranslation("statistics");
  return (
    <div className="statistics-demo" role="note">
      <span aria-hidden="true" className="statistics-demo-icon">
        !
      </span>
      <div>
        <p className="statistics-demo-title">{t("demo.title")}</p>
        <p>{t("demo.text")}</p>
      </div>
    </div>
  );
}

/** The legend beside every coloured figure: each colour with its word and the cut points in numbers. */
export function QuartileLegend({ cuts }: { cuts: MeasureCutPoints | null }) {
  const { t } = useTranslation("statistics");
  if (cuts === null) return null;
  const p25 = formatShare(cuts.p25) ?? "";
  const p75 = formatShare(cuts.p75) ?? "";
  return (
    <section className="statistics-legend" aria-labelledby="statistics-legend-heading">
      <h3 id="statistics-legend-heading">{t("quartile.legendHeading")}</h3>
      <p>{t("quartile.legendIntro", { count: cuts.municipalityCount })}</p>
      <ul>
        {(["low", "middle", "high"] as const).map((quartile) => (
          <li key={quartile}>
            <span aria-hidden="true" className={`quartile-swatch quartile-${quartile}`} />
            {t(`quartile.${quartile}`, { p25, p75 })}
          </li>
        ))}
      </ul>
      <p>
        {t("quartile.range", { min: formatShare(cuts.min), max: formatShare(cuts.max) })}{" "}
        {t("quartile.noColour")} {t("quartile.missingText")}
      </p>
    </section>
  );
}
