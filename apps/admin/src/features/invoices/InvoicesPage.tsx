import { formatKronor } from "@nns/domain/money";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useRouterState } from "@tanstack/react-router";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { EmptyState, QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { orgAccessQuery, usePermissions } from "../../lib/session";
import { type InvoiceSummary, invoicesQuery, trainingNamesQuery } from "./api";
import { BankFileSection } from "./BankFileSection";
import { ExportSection } from "./ExportSection";
import { InvoiceFiltersForm } from "./InvoiceFiltersForm";
import { InvoiceStatus } from "./InvoiceStatus";
import { InvoiceTabs } from "./InvoiceTabs";
import type { InvoiceFilters } from "./search";
import "./i18n";
import "./invoices.css";

const route = getRouteApi("/app/o/$orgId/invoices");

/**
 * NNS (billing:manage) sees every invoice and credit note it drafted or issued, filtered by status,
 * förbund and period; a förbund sees those issued to it. The filters live in the address.
 */
export function InvoicesPage() {
  const { orgId } = route.useParams();
  return <Invoices key={orgId} orgId={orgId} />;
}

function Invoices({ orgId }: { orgId: string }) {
  const { t } = useTranslation("invoices");
  const access = useQuery(orgAccessQuery(orgId));
  const isSeller = usePermissions(orgId).has("billing:manage");
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const { feedback, show } = useFeedback();
  // Back here after removing a draft on its own page: say so.
  const discarded = useRouterState({ select: (state) => state.location.state.invoiceDraftDiscarded });
  useEffect(() => {
    if (discarded) show({ kind: "success", text: t("discard.done", { buyer: discarded }) });
  }, [discarded, show, t]);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          isSeller
            ? t("descriptionNns")
            : t("descriptionForbund", { organization: access.data?.organization.name ?? "" })
        }
      />
      {isSeller ? <InvoiceTabs orgId={orgId} /> : null}
      <FeedbackRegion feedback={feedback} />
      <InvoiceFiltersForm
        filters={filters}
        showBuyer={isSeller}
        onApply={(next) => void navigate({ search: next })}
      />
      <section className="card" aria-labelledby="invoices-heading">
        <h2 id="invoices-heading">{t("listHeading")}</h2>
        {/* A new filter starts again from the first page. */}
        <InvoiceList key={JSON.stringify(filters)} orgId={orgId} filters={filters} isSeller={isSeller} />
      </section>
      {isSeller ? <BankFileSection orgId={orgId} /> : null}
      {isSeller ? <ExportSection orgId={orgId} /> : null}
    </>
  );
}

function InvoiceList({
  orgId,
  filters,
  isSeller,
}: {
  orgId: string;
  filters: InvoiceFilters;
  isSeller: boolean;
}) {
  const { t } = useTranslation("invoices");
  const pages = useCursorPages();
  const invoices = useQuery(invoicesQuery(orgId, filters, pages.cursor));
  const trainings = useQuery(trainingNamesQuery(orgId));
  const filtered = Object.keys(filters).length > 0;

  const trainingName = (invoice: InvoiceSummary) =>
    invoice.trainingId ? (trainings.data?.get(invoice.trainingId) ?? "") : t("noTraining");

  return (
    <QueryView query={invoices}>
      {(data) =>
        data.data.length === 0 && !pages.hasPrevious ? (
          <EmptyState>{filtered ? t("emptyFiltered") : t("empty")}</EmptyState>
        ) : (
          <div className="compact-table">
            <DataTable
              labelledBy="invoices-heading"
              rows={data.data}
              rowKey={(invoice) => invoice.id}
              columns={[
                {
                  id: "number",
                  header: t("columns.number"),
                  rowHeader: true,
                  cell: (invoice) => (
                    <Link
                      to="/o/$orgId/invoices/$invoiceId"
                      params={{ orgId, invoiceId: invoice.id }}
                      // Drafts have no number yet: each link still says whose it is.
                      aria-label={invoice.number ? undefined : t("draftFor", { buyer: invoice.buyer.name })}
                    >
                      <InvoiceName invoice={invoice} />
                    </Link>
                  ),
                },
                ...(isSeller
                  ? [
                      {
                        id: "buyer",
                        header: t("columns.buyer"),
                        cell: (invoice: InvoiceSummary) => invoice.buyer.name,
                      },
                    ]
                  : []),
                { id: "training", header: t("columns.training"), cell: trainingName },
                {
                  id: "issueDate",
                  header: t("columns.issueDate"),
                  noWrap: true,
                  cell: (invoice) => formatDate(invoice.issueDate),
                },
                {
                  id: "dueDate",
                  header: t("columns.dueDate"),
                  noWrap: true,
                  cell: (invoice) => formatDate(invoice.dueDate),
                },
                {
                  id: "total",
                  header: t("columns.total"),
                  className: "amount",
                  cell: (invoice) =>
                    formatKronor(invoice.kind === "credit_note" ? 0 - invoice.totalOre : invoice.totalOre),
                },
                {
                  id: "balance",
                  header: t("columns.balance"),
                  className: "amount",
                  // Nothing is owed on a draft (not sent) or on a credit note.
                  cell: (invoice) =>
                    invoice.kind === "credit_note" || invoice.status === "draft"
                      ? ""
                      : formatKronor(invoice.balanceOre),
                },
                {
                  id: "status",
                  header: t("columns.status"),
                  cell: (invoice) => <InvoiceStatus invoice={invoice} />,
                },
              ]}
            />
            <Pagination pages={pages} nextCursor={data.nextCursor} />
          </div>
        )
      }
    </QueryView>
  );
}

/**
 * "2027-0001", "Kreditnota 2027-0007", or "Utkast" before it has a number. The number itself never
 * breaks at its hyphen; a credit note's name may wrap before it, to keep the column narrow.
 */
function InvoiceName({ invoice }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation("invoices");
  if (!invoice.number) return t("draftNumber");
  const number = <span className="nowrap">{invoice.number}</span>;
  return invoice.kind === "credit_note" ? (
    <>
      {t("creditNote")} {number}
    </>
  ) : (
    number
  );
}
