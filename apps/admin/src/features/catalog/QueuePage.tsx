import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { useEditorialQueue } from "./api";
import "./i18n";
import "./catalog.css";

/** "Granskningskö": NNS's editorial team's queue of submitted entries from every förbund, oldest first. */
export function QueuePage() {
  const { t } = useTranslation("catalog");
  const pages = useCursorPages();
  const queue = useEditorialQueue(pages.cursor);
  return (
    <>
      <PageHeader title={t("queue.title")} description={t("queue.description")} />
      <section className="card" aria-labelledby="queue-heading">
        <h2 id="queue-heading">{t("queue.heading")}</h2>
        <QueryView
          query={queue}
          isEmpty={(data) => data.data.length === 0 && !pages.hasPrevious}
          empty={t("queue.empty")}
        >
          {(data) => (
            <>
              <DataTable
                labelledBy="queue-heading"
                rows={data.data}
                rowKey={(entry) => entry.id}
                columns={[
                  {
                    id: "title",
                    header: t("queue.columns.title"),
                    rowHeader: true,
                    cell: (entry) => (
                      <Link
                        to="/o/$orgId/interventions/$interventionId"
                        params={{ orgId: entry.organizationId, interventionId: entry.id }}
                      >
                        {entry.content.title}
                      </Link>
                    ),
                  },
                  {
                    id: "forbund",
                    header: t("queue.columns.forbund"),
                    cell: (entry) => entry.organizationName,
                  },
                  {
                    id: "submitted",
                    header: t("queue.columns.submitted"),
                    noWrap: true,
                    cell: (entry) => formatDateTime(entry.submittedAt),
                  },
                ]}
              />
              <Pagination pages={pages} nextCursor={data.nextCursor} />
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}
