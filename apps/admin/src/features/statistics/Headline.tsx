import { ageGroupLabel, BENEFIT_LABELS_SV, periodLabel, type StatisticsView } from "@nns/domain/statistics";
import { useTranslation } from "react-i18next";
import { Change, QuartileChip, Share } from "./Figures";
import { cellOf, type Measure } from "./measures";

/**
 * The three figures a board asks for first: the share in total, for women and for men, each with its
 * change against the same period a year earlier. A kommun's figures also carry their quartile.
 */
export function Headline({ view, measure }: { view: StatisticsView; measure: Measure }) {
  const { t } = useTranslation("statistics");
  const against = view.previousPeriod ? periodLabel(view.previousPeriod) : null;
  const isMunicipality = view.subject.kind === "municipality";
  return (
    <section className="card" aria-labelledby="statistics-headline-heading">
      <h2 id="statistics-headline-heading">
        {t("headline.heading", {
          benefit: BENEFIT_LABELS_SV[measure.benefit],
          age: ageGroupLabel(measure.ageGroup),
        })}
        , {view.source.periodLabel}
      </h2>
      <ul className="statistics-headline">
        {(["total", "women", "men"] as const).map((gender) => {
          const cell = cellOf(view.total, { ...measure, gender });
          return (
            <li key={gender} className="statistics-headline-item">
              <span className="statistics-headline-label">{t(`headline.${gender}`)}</span>
              <span className="statistics-headline-value">
                <Share value={cell?.share ?? null} />
              </span>
              {isMunicipality ? <QuartileChip quartile={cell?.quartile ?? null} /> : null}
              <span className="statistics-headline-change">
                {against ? <Change value={cell?.change ?? null} against={against} /> : t("change.noPrevious")}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
