import { formatKronor } from "@nns/domain/money";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ScrollableTable } from "../../components/ScrollableTable";
import { EmptyState, QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { agingQuery, type InvoiceAging } from "./api";
import { InvoiceTabs } from "./InvoiceTabs";
import "./i18n";
import "./invoices.css";

const route = getRouteApi("/app/o/$orgId/invoices/aging");

type Buckets = InvoiceAging["total"];
const BUCKETS = [
  ["not_due", "notDue"],
  ["1_30", "days1to30"],
  ["31_60", "days31to60"],
  ["over_60", "over60"],
  ["totalOre", "total"],
] as const satisfies readonly (readonly [keyof Buckets, string])[];

/**
 * What each förbund still owes NNS, by how long past the due date, and in total. Hand-written rather
 * than a DataTable: it ends in a totals row. On a phone each förbund becomes a card like the other lists.
 */
export function AgingPage() {
  const { orgId } = route.useParams();
  const { t } = useTranslation("invoices");
  const aging = useQuery(agingQuery(orgId));
  return (
    <>
      <PageHeader title={t("aging.heading")} description={t("descriptionNns")} />
      <InvoiceTabs orgId={orgId} />
      <section className="card" aria-labelledby="aging-heading">
        <h2 id="aging-heading">{t("aging.tableHeading")}</h2>
        <QueryView query={aging}>
          {(data) => (
            <>
              <p className="muted">{t("aging.intro", { date: formatDate(data.asOf) })}</p>
              {data.buyers.length === 0 ? (
                <EmptyState>{t("aging.empty")}</EmptyState>
              ) : (
                <div className="compact-table">
                  <ScrollableTable labelledBy="aging-heading">
                    <table className="data-table data-table-stacked" aria-labelledby="aging-heading">
                      <thead>
                        <tr>
                          <th scope="col">{t("aging.columns.buyer")}</th>
                          {BUCKETS.map(([, label]) => (
                            <th key={label} scope="col" className="amount">
                              {t(`aging.columns.${label}`)}
                            </th>
                          ))}
                        </tr>
                      </thead>
                      <tbody>
                        {data.buyers.map((buyer) => (
                          <tr key={buyer.organizationId}>
                            <th scope="row">
                              <Link
                                to="/o/$orgId/invoices"
                                params={{ orgId }}
                                search={{ buyer: buyer.organizationId }}
                              >
                                {buyer.organizationName}
                              </Link>
                            </th>
                            <AmountCells buckets={buyer} />
                          </tr>
                        ))}
                      </tbody>
                      <tfoot>
                        <tr>
                          <th scope="row">{t("aging.total")}</th>
                          <AmountCells buckets={data.total} />
                        </tr>
                      </tfoot>
                    </table>
                  </ScrollableTable>
                </div>
              )}
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}

function AmountCells({ buckets }: { buckets: Buckets }) {
  const { t } = useTranslation("invoices");
  return (
    <>
      {BUCKETS.map(([key, label]) => (
        <td key={key} className="amount" data-label={t(`aging.columns.${label}`)}>
          {formatKronor(buckets[key])}
        </td>
      ))}
    </>
  );
}
