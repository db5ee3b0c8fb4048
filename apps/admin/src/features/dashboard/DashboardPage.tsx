import { useQuery } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorState, Loading, QueryView } from "../../components/states";
import { Badge, PageHeader } from "../../components/ui";
import { orgAccessQuery, useMe } from "../../lib/session";
import { useDashboard, useOrganization } from "./api";
import { CatalogCard } from "./cards";
import { ForbundDashboard } from "./ForbundDashboard";
import { NnsDashboard } from "./NnsDashboard";
import { OrgFacts } from "./OrgFacts";
import { TrainerDashboard } from "./TrainerDashboard";
import "./dashboard.css";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/");

export function DashboardPage() {
  const { t } = useTranslation("dashboard");
  const { t: tc } = useTranslation();
  const { orgId } = route.useParams();
  const me = useMe();
  const organization = useOrganization(orgId);
  const access = useQuery(orgAccessQuery(orgId));
  const dashboard = useDashboard(orgId);
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
      <QueryView query={dashboard}>
        {(data) => (
          <div className="dashboard-grid">
            {data.audience === "nns" ? <NnsDashboard orgId={orgId} dashboard={data} /> : null}
            {data.trainer ? <TrainerDashboard orgId={orgId} trainer={data.trainer} /> : null}
            {data.audience === "forbund" ? (
              <ForbundDashboard orgId={orgId} dashboard={data} />
            ) : data.catalog ? (
              <CatalogCard orgId={orgId} catalog={data.catalog} />
            ) : null}
            {/* The organization's own facts, for its people: not NNS's for its coordinators and trainers. */}
            {data.audience === "nns" || data.audience === "trainer" ? null : <OrgFacts org={org} />}
          </div>
        )}
      </QueryView>
    </>
  );
}
