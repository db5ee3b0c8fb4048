import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Pagination } from "../../components/Pagination";
import { ScrollableTable } from "../../components/ScrollableTable";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { useMe } from "../../lib/session";
import { useEditorialQueue } from "./api";
import "./i18n";
import "./catalog.css";

/** "Granskningskö": NNS's editorial team's queue of submitted entries from every förbund, oldest first. */
export function QueuePage() {
  const { t } = useTranslation("catalog");
  const me = useMe();
  const pages = useCursorPages();
  const queue = useEditorialQueue(pages.cursor, me.nnsAdmin);
  return (
    <>
      <PageHeader title={t("queue.title")} description={t("queue.description")} />
      {!me.nnsAdmin ? (
        <p className="notice">{t("nnsOnly")}</p>
      ) : (
        <section className="card" aria-labelledby="queue-heading">
          <h2 id="queue-heading">{t("queue.heading")}</h2>
          <QueryView
            query={queue}
            isEmpty={(data) => data.data.length === 0 && !pages.hasPrevious}
            empty={t("queue.empty")}
          >
            {(data) => (
              <>
                <ScrollableTable labelledBy="queue-heading">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t("queue.columns.title")}</th>
                        <th scope="col">{t("queue.columns.forbund")}</th>
                        <th scope="col">{t("queue.columns.submitted")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {data.data.map((entry) => (
                        <tr key={entry.id}>
                          <td>
                            <Link
                              to="/o/$orgId/interventions/$interventionId"
                              params={{ orgId: entry.organizationId, interventionId: entry.id }}
                            >
                              {entry.content.title}
                            </Link>
                          </td>
                          <td>{entry.organizationName}</td>
                          <td className="nowrap">{formatDateTime(entry.submittedAt)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollableTable>
                <Pagination pages={pages} nextCursor={data.nextCursor} />
              </>
            )}
          </QueryView>
        </section>
      )}
    </>
  );
}
