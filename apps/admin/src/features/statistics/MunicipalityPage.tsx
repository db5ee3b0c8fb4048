import { periodKind } from "@nns/domain/statistics";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { municipalityCsvUrl, municipalityViewQuery, periodsQuery } from "./api";
import { BenefitsTable } from "./BenefitsTable";
import { DemoBanner, QuartileLegend, SourceLine } from "./Figures";
import { Headline } from "./Headline";
import { cutPointsOf, measureOf, periodOf } from "./measures";
import { MeasureFilters, MunicipalityPicker } from "./Selection";
import type { StatisticsSearch } from "./search";
import { TrendSection } from "./TrendSection";
import "./i18n";
import "./statistics.css";

const route = getRouteApi("/app/o/$orgId/behovsanalys/kommun/$code");

/** One kommun: its figures against the län and the country, every benefit type, and its trend. */
export function MunicipalityPage() {
  const { t } = useTranslation("statistics");
  const { orgId, code } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const periods = useQuery(periodsQuery);
  const set = (next: Partial<StatisticsSearch>) =>
    void navigate({ search: (current) => ({ ...current, ...next }), replace: true });
  const period = periods.data ? periodOf(periods.data.periods, search.period) : null;
  const view = useQuery({ ...municipalityViewQuery(code, period ?? ""), enabled: period !== null });
  const name = view.data?.subject.name;
  // Years first: the kinds there are figures for, for the trend's choice.
  const kinds = [...new Set((periods.data?.periods ?? []).map((p) => p.kind))].sort().reverse();
  return (
    <>
      <p className="statistics-back">
        <Link to="/o/$orgId/behovsanalys" params={{ orgId }} search={search}>
          {t("choose.back")}
        </Link>
      </p>
      <PageHeader
        title={name ? t("municipalityTitle", { name }) : t("title")}
        description={t("description")}
      />
      <QueryView query={periods} isEmpty={(data) => data.periods.length === 0} empty={t("noPeriods")}>
        {(data) => (
          <section className="card" aria-labelledby="statistics-choose-heading">
            <h2 id="statistics-choose-heading">{t("choose.heading")}</h2>
            <MeasureFilters
              periods={data.periods.map((p) => ({ id: p.period, label: p.periodLabel }))}
              period={period ?? ""}
              ageGroups={view.data?.ageGroups ?? []}
              measure={measureOf(search, view.data?.ageGroups ?? [])}
              onChange={set}
            />
            <h3>{t("choose.otherMunicipality")}</h3>
            <MunicipalityPicker
              onOpen={(next) =>
                void navigate({
                  to: "/o/$orgId/behovsanalys/kommun/$code",
                  params: { orgId, code: next },
                  search: (current) => current,
                })
              }
            />
          </section>
        )}
      </QueryView>
      {period !== null ? (
        <QueryView query={view}>
          {(data) => {
            const measure = measureOf(search, data.ageGroups);
            return (
              <>
                {data.source.isDemo ? <DemoBanner /> : null}
                <SourceLine source={data.source} />
                <Headline view={data} measure={measure} />
                <div className="card">
                  <QuartileLegend cuts={cutPointsOf(data.cutPoints, measure)} />
                </div>
                <BenefitsTable view={data} measure={measure} municipalityLink={(region) => region.name} />
                <TrendSection
                  view={data}
                  measure={measure}
                  kinds={kinds}
                  kind={search.trend ?? periodKind(period)}
                  onKind={(trend) => set({ trend })}
                />
                <SourceLine source={data.source} />
                <section className="card" aria-labelledby="statistics-downloads-heading">
                  <h2 id="statistics-downloads-heading">{t("downloads.heading")}</h2>
                  <p className="statistics-downloads">
                    <a className="btn btn-secondary" href={municipalityCsvUrl(code, period)} download>
                      {t("downloads.csv")}
                    </a>
                  </p>
                </section>
              </>
            );
          }}
        </QueryView>
      ) : null}
    </>
  );
}
