import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/Pagination";
import { ScrollableTable } from "../../components/ScrollableTable";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { useCursorPages } from "../../lib/pagination";
import { useMe } from "../../lib/session";
import { NnsOnly } from "./NnsOnly";
import { countiesQuery, organizationsPageQuery } from "./queries";
import "./i18n";

export function OrganizationsPage() {
  const me = useMe();
  return me.nnsAdmin ? <OrganizationList /> : <NnsOnly />;
}

function OrganizationList() {
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
          <ScrollableTable label={t("list.caption")}>
            <table>
              <caption className="visually-hidden">{t("list.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("list.name")}</th>
                  <th scope="col">{t("list.kind")}</th>
                  <th scope="col">{t("list.county")}</th>
                  <th scope="col">{t("list.organizationNumber")}</th>
                  <th scope="col">{t("list.kommuner")}</th>
                  <th scope="col">{t("list.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {data.data.map((org) => (
                  <tr key={org.id}>
                    <td>
                      <Link to="/o/$orgId" params={{ orgId: org.id }}>
                        {org.name}
                      </Link>
                    </td>
                    <td>{t(`kinds.${org.kind}`)}</td>
                    <td>
                      {org.countyCode
                        ? (countyName.get(org.countyCode) ?? org.countyCode)
                        : t("list.noCounty")}
                    </td>
                    <td>{org.organizationNumber}</td>
                    <td>{org.memberParties.filter((p) => p.kind === "kommun").length}</td>
                    <td>
                      <div className="cell-actions">
                        <Link to="/nns/organizations/$id" params={{ id: org.id }}>
                          {t("list.edit")}
                          <span className="visually-hidden"> {org.name}</span>
                        </Link>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollableTable>
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
