import { Link, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { useEditorialQueue } from "./api";
import "./i18n";
import "./catalog.css";

/** "Granskningskö": NNS's editorial team's queue of submitted entries from every förbund, oldest first,
 * each opening its review page. */
export function QueuePage() {
  const { t } = useTranslation("catalog");
  const pages = useCursorPages();
  const queue = useEditorialQueue(pages.cursor);
  const { feedback, show } = useFeedback();
  // What the reviewer just decided, carried here from the review page.
  const reviewed = useRouterState({ select: (s) => s.location.state.catalogReviewed });
  useEffect(() => {
    if (reviewed) show({ kind: "success", text: reviewed });
  }, [reviewed, show]);
  return (
    <>
      <PageHeader title={t("queue.title")} description={t("queue.description")} />
      <FeedbackRegion feedback={feedback} />
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
                        to="/nns/catalog/queue/$forbundId/$interventionId"
                        params={{ forbundId: entry.organizationId, interventionId: entry.id }}
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
