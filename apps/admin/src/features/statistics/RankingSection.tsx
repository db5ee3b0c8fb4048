import {
  ageGroupLabel,
  BENEFIT_LABELS_SV,
  type MeasureCell,
  type RegionMeasures,
  STATISTICS_GENDER_LABELS_SV,
  type StatisticsView,
} from "@nns/domain/statistics";
import type { TFunction } from "i18next";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { Loading } from "../../components/states";
import { Change, Missing, QuartileChip, QuartileLegend, Share } from "./Figures";
import { formatCount, formatShare } from "./format";
import { cellOf, cutPointsOf, type Measure, ranked } from "./measures";
import type { ReferenceValue } from "./RankingChart";

/** The bar chart brings recharts: it loads after the headline and the tables, never with the first page. */
const RankingChart = lazy(() => import("./RankingChart"));

/** "Sjukpenning, kvinnor, 20–29 år"; everyone is "kvinnor och män", not a second "totalt". */
export function measureTitle(t: TFunction<"statistics">, measure: Measure): string {
  const gender =
    measure.gender === "total" ? t("genderBoth") : STATISTICS_GENDER_LABELS_SV[measure.gender].toLowerCase();
  return `${BENEFIT_LABELS_SV[measure.benefit]}, ${gender}, ${ageGroupLabel(measure.ageGroup)}`;
}

interface Row {
  key: string;
  rank: number | null;
  name: ReactNode;
  cell: MeasureCell | null;
  municipality: boolean;
}

const count = (value: number | null) => formatCount(value) ?? <Missing />;

/**
 * The förbund's kommuner ranked for one measure: a bar chart coloured by quartile with the cut points,
 * län and riket as lines, its legend in words, and beneath it (always) a table of the same figures.
 */
export function RankingSection({
  view,
  measure,
  municipalityLink,
}: {
  view: StatisticsView;
  measure: Measure;
  municipalityLink: (region: RegionMeasures) => ReactNode;
}) {
  const { t } = useTranslation("statistics");
  const title = measureTitle(t, measure);
  const cuts = cutPointsOf(view.cutPoints, measure);
  const order = ranked(view.municipalities, measure);
  const bars = order.flatMap(({ region, cell }) =>
    cell?.share == null ? [] : [{ name: region.name, share: cell.share, quartile: cell.quartile }],
  );
  const references: ReferenceValue[] = [];
  if (cuts) {
    references.push({ key: "p25", label: t("ranking.p25Short"), value: cuts.p25, kind: "cut" });
    references.push({ key: "p75", label: t("ranking.p75Short"), value: cuts.p75, kind: "cut" });
  }
  for (const county of view.counties) {
    const share = cellOf(county, measure)?.share;
    if (share != null)
      references.push({ key: county.code, label: county.name, value: share, kind: "county" });
  }
  const countryShare = cellOf(view.country, measure)?.share;
  if (countryShare != null) {
    references.push({
      key: "country",
      label: t("ranking.countryShort"),
      value: countryShare,
      kind: "country",
    });
  }
  const rows: Row[] = [
    ...order.map(({ region, cell }, index) => ({
      key: region.code,
      rank: cell?.share == null ? null : index + 1,
      name: municipalityLink(region),
      cell,
      municipality: true,
    })),
    ...(view.subject.kind === "forbund"
      ? [
          {
            key: "forbund",
            rank: null,
            name: t("benefits.forbundRow", { name: view.total.name }),
            cell: cellOf(view.total, measure),
            municipality: false,
          },
        ]
      : []),
    ...view.counties.map((county) => ({
      key: county.code,
      rank: null,
      name: county.name,
      cell: cellOf(county, measure),
      municipality: false,
    })),
    {
      key: "country",
      rank: null,
      name: t("benefits.countryRow"),
      cell: cellOf(view.country, measure),
      municipality: false,
    },
  ];
  return (
    <section className="card" aria-labelledby="statistics-ranking-heading">
      <h2 id="statistics-ranking-heading">{t("ranking.heading")}</h2>
      <p className="muted">{title}</p>
      {bars.length > 0 ? (
        <Suspense fallback={<Loading label={t("charts.loading")} />}>
          <RankingChart
            bars={bars}
            references={references}
            title={t("ranking.chartLabel", { measure: title })}
          />
        </Suspense>
      ) : null}
      <div className="statistics-legends">
        <QuartileLegend cuts={cuts} />
        {references.length > 0 ? (
          <section aria-labelledby="statistics-lines-heading">
            <h3 id="statistics-lines-heading">{t("ranking.lines")}</h3>
            <ul>
              {references.map((reference) => {
                const value = formatShare(reference.value);
                const key =
                  reference.kind === "cut"
                    ? `ranking.${reference.key}Line`
                    : reference.kind === "county"
                      ? "ranking.countyLine"
                      : "ranking.countryLine";
                return <li key={reference.key}>{t(key, { value, name: reference.label })}</li>;
              })}
            </ul>
          </section>
        ) : null}
      </div>
      <h3 id="statistics-ranking-table-heading">{t("ranking.tableHeading")}</h3>
      <div className="statistics-cards">
        <DataTable
          labelledBy="statistics-ranking-table-heading"
          rows={rows}
          rowKey={(row) => row.key}
          columns={[
            {
              id: "municipality",
              header: t("ranking.columns.municipality"),
              rowHeader: true,
              cell: (row) => row.name,
            },
            {
              id: "rank",
              header: t("ranking.columns.rank"),
              className: "amount",
              cell: (row) => (row.rank === null ? "" : row.rank),
            },
            {
              id: "share",
              header: t("ranking.columns.share"),
              className: "amount",
              cell: (row) => <Share value={row.cell?.share ?? null} />,
            },
            {
              id: "change",
              header: t("ranking.columns.change"),
              className: "amount",
              cell: (row) => <Change value={row.cell?.change ?? null} />,
            },
            {
              id: "quartile",
              header: t("ranking.columns.quartile"),
              cell: (row) => (row.municipality ? <QuartileChip quartile={row.cell?.quartile ?? null} /> : ""),
            },
            {
              id: "count",
              header: t("ranking.columns.count"),
              className: "amount",
              cell: (row) => count(row.cell?.fullYearEquivalents ?? null),
            },
            {
              id: "population",
              header: t("ranking.columns.population"),
              className: "amount",
              cell: (row) => count(row.cell?.population ?? null),
            },
          ]}
        />
      </div>
    </section>
  );
}
