import {
  ageGroupLabel,
  BENEFIT_LABELS_SV,
  BENEFIT_TYPES,
  type RegionMeasures,
  STATISTICS_GENDER_LABELS_SV,
  type StatisticsView,
} from "@nns/domain/statistics";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { Change, QuartileChip, Share } from "./Figures";
import { cellOf, type Measure } from "./measures";

interface Row {
  key: string;
  name: ReactNode;
  region: RegionMeasures;
  /** Only kommuner are ranked against all kommuner and get a quartile. */
  municipality: boolean;
}

/**
 * Every kommun (and the förbund, its län and the country) against every benefit type, for the chosen
 * gender and age group: the share, the change and, for kommuner, the quartile in words. Wide by nature:
 * on a phone it scrolls inside its own region with the names kept in view.
 */
export function BenefitsTable({
  view,
  measure,
  municipalityLink,
}: {
  view: StatisticsView;
  measure: Measure;
  municipalityLink: (region: RegionMeasures) => ReactNode;
}) {
  const { t } = useTranslation("statistics");
  const rows: Row[] = [
    ...view.municipalities.map((region) => ({
      key: region.code,
      name: municipalityLink(region),
      region,
      municipality: true,
    })),
    ...(view.subject.kind === "forbund"
      ? [
          {
            key: "forbund",
            name: t("benefits.forbundRow", { name: view.total.name }),
            region: view.total,
            municipality: false,
          },
        ]
      : []),
    ...view.counties.map((county) => ({
      key: county.code,
      name: county.name,
      region: county,
      municipality: false,
    })),
    { key: "country", name: t("benefits.countryRow"), region: view.country, municipality: false },
  ];
  return (
    <section className="card" aria-labelledby="statistics-benefits-heading">
      <h2 id="statistics-benefits-heading">{t("benefits.heading")}</h2>
      <p className="muted">
        {t("benefits.description", {
          gender: STATISTICS_GENDER_LABELS_SV[measure.gender],
          age: ageGroupLabel(measure.ageGroup),
        })}
      </p>
      <div className="statistics-sticky">
        <DataTable
          labelledBy="statistics-benefits-heading"
          scrollOnPhone
          rows={rows}
          rowKey={(row) => row.key}
          columns={[
            { id: "region", header: t("benefits.region"), rowHeader: true, cell: (row) => row.name },
            ...BENEFIT_TYPES.map((benefit) => ({
              id: benefit,
              header: BENEFIT_LABELS_SV[benefit],
              cell: (row: Row) => {
                const cell = cellOf(row.region, { ...measure, benefit });
                return (
                  <span className="statistics-cell">
                    <Share value={cell?.share ?? null} />
                    <Change value={cell?.change ?? null} />
                    {row.municipality ? <QuartileChip quartile={cell?.quartile ?? null} /> : null}
                  </span>
                );
              },
            })),
          ]}
        />
      </div>
    </section>
  );
}
