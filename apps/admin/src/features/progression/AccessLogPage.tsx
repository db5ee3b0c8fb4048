import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { accessLogQuery } from "./api";
import "./i18n";
import "./progression.css";

const route = getRouteApi("/app/o/$orgId/progression/atkomstlogg");

/** Who read, recorded, exported or erased which participant's data, and when; newest first. */
export function AccessLogPage() {
  const { orgId } = route.useParams();
  const { t } = useTranslation("progression");
  const pages = useCursorPages();
  const log = useQuery(accessLogQuery(orgId, undefined, pages.cursor));
  return (
    <>
      <p>
        <Link to="/o/$orgId/deltagare" params={{ orgId }}>
          {t("participant.back")}
        </Link>
      </p>
      <PageHeader title={t("accessLog.title")} description={t("accessLog.description")} />
      <section className="card" aria-label={t("accessLog.title")}>
        <QueryView query={log} isEmpty={(page) => page.data.length === 0} empty={t("accessLog.empty")}>
          {(page) => (
            <>
              <DataTable
                caption={t("accessLog.title")}
                rows={page.data}
                rowKey={(entry) => entry.id}
                columns={[
                  {
                    id: "at",
                    header: t("accessLog.columns.at"),
                    rowHeader: true,
                    noWrap: true,
                    cell: (entry) => formatDateTime(entry.at),
                  },
                  {
                    id: "actor",
                    header: t("accessLog.columns.actor"),
                    cell: (entry) =>
                      entry.actor.type === "system" ? t("accessLog.system") : entry.actor.name,
                  },
                  {
                    id: "action",
                    header: t("accessLog.columns.action"),
                    cell: (entry) => t(`accessLog.actions.${entry.action}`),
                  },
                  {
                    id: "participant",
                    header: t("accessLog.columns.participant"),
                    noWrap: true,
                    cell: (entry) =>
                      entry.participantId ? (
                        <Link
                          to="/o/$orgId/deltagare/$participantId"
                          params={{ orgId, participantId: entry.participantId }}
                          className="participant-code"
                        >
                          {entry.participantCode}
                        </Link>
                      ) : (
                        <span className="participant-code">{entry.participantCode}</span>
                      ),
                  },
                ]}
              />
              <Pagination pages={pages} nextCursor={page.nextCursor} />
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}
