import type { RegionMeasures } from "@nns/domain/statistics";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { EmptyState, QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { forbundQuery } from "../../lib/reference";
import { orgAccessQuery, useMe } from "../../lib/session";
import { forbundCsvUrl, forbundViewQuery, periodsQuery, reportPdfUrl } from "./api";
import { BenefitsTable } from "./BenefitsTable";
import { DemoBanner, SourceLine } from "./Figures";
import { Headline } from "./Headline";
import { measureOf, periodOf } from "./measures";
import { RankingSection } from "./RankingSection";
import { MeasureFilters, MunicipalityPicker } from "./Selection";
import type { StatisticsSearch } from "./search";
import "./i18n";
import "./statistics.css";

const route = getRouteApi("/app/o/$orgId/behovsanalys");

/**
 * A förbund's needs analysis: its own by default; NNS chooses any förbund, and anyone may open any kommun.
 * Everything chosen stands in the address.
 */
export function StatisticsPage() {
  const { t } = useTranslation("statistics");
  const { orgId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const me = useMe();
  const access = useQuery(orgAccessQuery(orgId));
  const directory = useQuery(forbundQuery);
  const periods = useQuery(periodsQuery);
  const set = (next: Partial<StatisticsSearch>) =>
    void navigate({ search: (current) => ({ ...current, ...next }), replace: true });
  const chooseAny = me.nnsAdmin || access.data?.organization.kind === "nns";
  const own = directory.data?.find((f) => f.id === orgId);
  const chosen = directory.data?.find((f) => f.slug === search.forbund);
  const forbund = (chooseAny ? chosen : undefined) ?? own ?? (chooseAny ? directory.data?.[0] : undefined);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <QueryView query={periods} isEmpty={(data) => data.periods.length === 0} empty={t("noPeriods")}>
        {(data) => {
          const period = periodOf(data.periods, search.period) ?? "";
          const periodOptions = data.periods.map((p) => ({ id: p.period, label: p.periodLabel }));
          return (
            <>
              <section className="card" aria-labelledby="statistics-choose-heading">
                <h2 id="statistics-choose-heading">{t("choose.heading")}</h2>
                {chooseAny && directory.data ? (
                  <div className="statistics-filters">
                    <SelectField
                      label={t("choose.forbund")}
                      options={directory.data.map((f) => ({ id: f.slug, label: f.name }))}
                      value={forbund?.slug ?? null}
                      onChange={(slug) => set({ forbund: slug })}
                    />
                  </div>
                ) : null}
                {forbund ? (
                  <ForbundFilters slug={forbund.slug} period={period} periodOptions={periodOptions} />
                ) : null}
                <h3>{t("choose.otherMunicipality")}</h3>
                <MunicipalityPicker
                  onOpen={(code) =>
                    void navigate({
                      to: "/o/$orgId/behovsanalys/kommun/$code",
                      params: { orgId, code },
                      search: (current) => current,
                    })
                  }
                />
              </section>
              {forbund ? <ForbundFigures orgId={orgId} slug={forbund.slug} period={period} /> : null}
              {directory.data && !forbund ? <EmptyState /> : null}
            </>
          );
        }}
      </QueryView>
    </>
  );
}

function ForbundFilters({
  slug,
  period,
  periodOptions,
}: {
  slug: string;
  period: string;
  periodOptions: { id: string; label: string }[];
}) {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const view = useQuery(forbundViewQuery(slug, period));
  const ageGroups = view.data?.ageGroups ?? [];
  return (
    <MeasureFilters
      periods={periodOptions}
      period={period}
      ageGroups={ageGroups}
      measure={measureOf(search, ageGroups)}
      onChange={(next) => void navigate({ search: (current) => ({ ...current, ...next }), replace: true })}
    />
  );
}

function ForbundFigures({ orgId, slug, period }: { orgId: string; slug: string; period: string }) {
  const { t } = useTranslation("statistics");
  const search = route.useSearch();
  const view = useQuery(forbundViewQuery(slug, period));
  const link = (region: RegionMeasures) => (
    <Link to="/o/$orgId/behovsanalys/kommun/$code" params={{ orgId, code: region.code }} search={search}>
      {region.name}
    </Link>
  );
  return (
    <QueryView query={view}>
      {(data) => {
        const measure = measureOf(search, data.ageGroups);
        return (
          <>
            {data.source.isDemo ? <DemoBanner /> : null}
            <SourceLine source={data.source} />
            <Headline view={data} measure={measure} />
            {data.summary.length > 0 ? (
              <section className="card" aria-labelledby="statistics-summary-heading">
                <h2 id="statistics-summary-heading">{t("summary.heading")}</h2>
                {data.summary.map((sentence) => (
                  <p key={sentence}>{sentence}</p>
                ))}
              </section>
            ) : null}
            {data.municipalities.length === 0 ? (
              <EmptyState>{t("noMunicipalities")}</EmptyState>
            ) : (
              <>
                <RankingSection view={data} measure={measure} municipalityLink={link} />
                <BenefitsTable view={data} measure={measure} municipalityLink={link} />
              </>
            )}
            <SourceLine source={data.source} />
            <section className="card" aria-labelledby="statistics-downloads-heading">
              <h2 id="statistics-downloads-heading">{t("downloads.heading")}</h2>
              <p className="statistics-downloads">
                <a className="btn btn-secondary" href={forbundCsvUrl(slug, period)} download>
                  {t("downloads.csv")}
                </a>
                <a className="btn btn-secondary" href={reportPdfUrl(slug, period)} download>
                  {t("downloads.pdf")}
                </a>
              </p>
            </section>
          </>
        );
      }}
    </QueryView>
  );
}
