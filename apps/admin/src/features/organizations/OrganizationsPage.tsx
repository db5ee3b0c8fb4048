import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { useCursorPages } from "../../lib/pagination";
import { countiesQuery, organizationsPageQuery } from "./api";
import "./i18n";

export function OrganizationsPage() {
  const { t } = useTranslation("organizations");
  const pages = useCursorPages();
  const organizations = useQuery({
    ...organizationsPageQuery(pages.cursor),
    placeholderData: keepPreviousData,
  });
  const counties = useQuery(countiesQuery);
  const countyName = new Map((counties.data ?? []).map((c) => [c.code, c.name]));

  const content = (
    <QueryView
      query={organizations}
      isEmpty={(data) => data.data.length === 0 && !pages.hasPrevious}
      empty={t("list.empty")}
    >
      {(data) => (
        <>
          <DataTable
            caption={t("list.caption")}
            rows={data.data}
            rowKey={(org) => org.id}
            columns={[
              {
                id: "name",
                header: t("list.name"),
                rowHeader: true,
                cell: (org) => (
                  <span className="stack">
                    <Link to="/o/$orgId" params={{ orgId: org.id }}>
                      {org.name}
                    </Link>
                    {org.finsamIssues.length > 0 ? (
                      <span className="badge badge-warning">{t("list.finsamIssues")}</span>
                    ) : null}
                  </span>
                ),
              },
              {
                id: "county",
                header: t("list.county"),
                cell: (org) =>
                  org.countyCode ? (countyName.get(org.countyCode) ?? org.countyCode) : t("list.noCounty"),
              },
              {
                id: "organizationNumber",
                header: t("list.organizationNumber"),
                noWrap: true,
                cell: (org) => org.organizationNumber,
              },
              {
                id: "kommuner",
                header: t("list.kommuner"),
                cell: (org) => org.memberParties.filter((p) => p.kind === "kommun").length,
              },
              {
                id: "actions",
                header: t("list.actions"),
                cell: (org) => (
                  <div className="cell-actions">
                    <Link to="/nns/organizations/$id" params={{ id: org.id }}>
                      {t("list.edit")}
                      <span className="visually-hidden"> {org.name}</span>
                    </Link>
                  </div>
                ),
              },
            ]}
          />
          <Pagination pages={pages} nextCursor={data.nextCursor} />
        </>
      )}
    </QueryView>
  );

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("list.description")}
        actions={
          <Link to="/nns/organizations/new" className="btn btn-primary">
            {t("list.register")}
          </Link>
        }
      />
      {content}
    </>
  );
}
