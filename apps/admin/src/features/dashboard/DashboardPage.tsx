import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorState, Loading } from "../../components/states";
import { Badge, PageHeader } from "../../components/ui";
import { countiesQuery } from "../../lib/reference";
import { orgAccessQuery, useMe } from "../../lib/session";
import { useOrganization } from "./api";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/");

export function DashboardPage() {
  const { t } = useTranslation("dashboard");
  const { t: tc } = useTranslation();
  const { orgId } = route.useParams();
  const me = useMe();
  const organization = useOrganization(orgId);
  const access = useQuery(orgAccessQuery(orgId));
  const counties = useQuery(countiesQuery);
  if (organization.isPending || access.isPending) return <Loading />;
  if (organization.error)
    return <ErrorState error={organization.error} onRetry={() => organization.refetch()} />;
  if (access.error) return <ErrorState error={access.error} onRetry={() => access.refetch()} />;
  const org = organization.data;
  const role = access.data.access;
  return (
    <>
      <PageHeader
        title={org.name}
        description={t("welcome", { name: me.user.name })}
        actions={<Badge>{t(`kinds.${org.kind}`)}</Badge>}
      />
      <p>
        {role === "nns_admin_elsewhere"
          ? t("coordinator")
          : t("yourRole", { role: tc(`roles.${role}`, { defaultValue: role }) })}
      </p>
      <div className="grid-2">
        <section className="card" aria-labelledby="org-facts">
          <h2 id="org-facts">{t("organization")}</h2>
          <dl className="facts">
            <dt>{t("organizationNumber")}</dt>
            <dd>{org.organizationNumber}</dd>
            {org.countyCode ? (
              <>
                <dt>{t("county")}</dt>
                <dd>
                  {counties.data?.find((county) => county.code === org.countyCode)?.name ?? org.countyCode}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="org-parties">
          <h2 id="org-parties">{t("memberParties")}</h2>
          {org.memberParties.length === 0 ? (
            <p className="muted">{t("noParties")}</p>
          ) : (
            <ul className="plain-list">
              {org.memberParties.map((party) => (
                <li key={`${party.kind}-${party.municipalityCode ?? party.countyCode ?? ""}`}>
                  {party.name}
                  {party.kind === "kommun" || party.kind === "region" ? (
                    <span className="muted"> · {t(`partyKinds.${party.kind}`)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <p className="muted">{t("comingSoon")}</p>
    </>
  );
}
