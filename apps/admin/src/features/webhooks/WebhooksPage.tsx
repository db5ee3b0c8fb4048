import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { orgAccessQuery } from "../../lib/session";
import { endpointsQuery } from "./api";
import { CreateEndpointDialog } from "./CreateEndpointDialog";
import { EndpointStatus } from "./EndpointStatus";
import { useEventLabel } from "./events";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/webhooks");

export function WebhooksPage() {
  const { orgId } = route.useParams();
  // A fresh page per organization: paging position and messages never leak between organizations.
  return <Webhooks key={orgId} orgId={orgId} />;
}

function Webhooks({ orgId }: { orgId: string }) {
  const { t } = useTranslation("webhooks");
  const access = useQuery(orgAccessQuery(orgId));
  const { feedback, show } = useFeedback();
  const pages = useCursorPages();
  const endpoints = useQuery(endpointsQuery(orgId, pages.cursor));
  const eventLabel = useEventLabel();
  // Back here after removing an endpoint on its own page: say so.
  const removed = useRouterState({ select: (state) => state.location.state.webhookEndpointRemoved });
  useEffect(() => {
    if (removed) show({ kind: "success", text: t("remove.done", { url: removed }) });
  }, [removed, show, t]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          access.data
            ? t("description", { organization: access.data.organization.name })
            : t("descriptionFallback")
        }
        actions={
          <CreateEndpointDialog
            orgId={orgId}
            onCreated={(url) => show({ kind: "success", text: t("created.status", { url }) })}
          />
        }
      />
      <FeedbackRegion feedback={feedback} />
      <section className="card">
        <h2 id="webhook-endpoints-heading">{t("endpointsHeading")}</h2>
        <QueryView query={endpoints} isEmpty={(data) => data.data.length === 0} empty={t("empty")}>
          {(data) => (
            <DataTable
              labelledBy="webhook-endpoints-heading"
              rows={data.data}
              rowKey={(endpoint) => endpoint.id}
              columns={[
                {
                  id: "url",
                  header: t("columns.url"),
                  rowHeader: true,
                  cell: (endpoint) => (
                    <Link
                      to="/o/$orgId/webhooks/$endpointId"
                      params={{ orgId, endpointId: endpoint.id }}
                      style={{ overflowWrap: "anywhere" }}
                    >
                      {endpoint.url}
                    </Link>
                  ),
                },
                {
                  id: "description",
                  header: t("columns.description"),
                  cell: (endpoint) =>
                    endpoint.description ?? <span className="muted">{t("noDescription")}</span>,
                },
                {
                  id: "events",
                  header: t("columns.events"),
                  cell: (endpoint) => (
                    <ul className="plain-list">
                      {endpoint.events.map((type) => (
                        <li key={type}>{eventLabel(type)}</li>
                      ))}
                    </ul>
                  ),
                },
                {
                  id: "status",
                  header: t("columns.status"),
                  cell: (endpoint) => <EndpointStatus endpoint={endpoint} />,
                },
                {
                  id: "created",
                  header: t("columns.created"),
                  noWrap: true,
                  cell: (endpoint) => formatDate(endpoint.createdAt),
                },
              ]}
            />
          )}
        </QueryView>
        {endpoints.data ? <Pagination pages={pages} nextCursor={endpoints.data.nextCursor} /> : null}
      </section>
    </>
  );
}
