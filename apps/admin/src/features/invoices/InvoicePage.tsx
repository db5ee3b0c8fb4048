import { formatKronor } from "@nns/domain/money";
import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { usePermissions } from "../../lib/session";
import { type Invoice, invoiceQuery, trainingNamesQuery } from "./api";
import { InvoiceActions } from "./InvoiceActions";
import { InvoiceLines } from "./InvoiceLines";
import { InvoiceStatus } from "./InvoiceStatus";
import { PartiesSection } from "./PartiesSection";
import { PaymentsSection } from "./PaymentsSection";
import "./i18n";
import "./invoices.css";

const route = getRouteApi("/app/o/$orgId/invoices/$invoiceId");

/**
 * One invoice or credit note as its PDF shows it (parties, dates, lines, VAT per rate, totals), with what
 * happened since (payments, credit notes) and the downloads. NNS acts on it here; a förbund only reads.
 */
export function InvoicePage() {
  const { orgId, invoiceId } = route.useParams();
  return <InvoiceDetail key={`${orgId}/${invoiceId}`} orgId={orgId} invoiceId={invoiceId} />;
}

function InvoiceDetail({ orgId, invoiceId }: { orgId: string; invoiceId: string }) {
  const { t } = useTranslation("invoices");
  const invoice = useQuery(invoiceQuery(orgId, invoiceId));
  const isSeller = usePermissions(orgId).has("billing:manage");
  const { feedback, show } = useFeedback();
  return (
    <>
      <p>
        <Link to="/o/$orgId/invoices" params={{ orgId }}>
          {t("detail.back")}
        </Link>
      </p>
      <QueryView query={invoice}>
        {(data) => (
          <>
            <Header invoice={data} orgId={orgId} />
            <FeedbackRegion feedback={feedback} />
            {isSeller ? <InvoiceActions orgId={orgId} invoice={data} onDone={show} /> : null}
            <Downloads invoice={data} />
            <PartiesSection orgId={orgId} invoice={data} isSeller={isSeller} />
            <Facts orgId={orgId} invoice={data} />
            <InvoiceLines invoice={data} />
            <PaymentsSection invoice={data} />
            {data.kind === "invoice" && data.status !== "draft" ? (
              <CreditNotes orgId={orgId} invoice={data} />
            ) : null}
          </>
        )}
      </QueryView>
    </>
  );
}

export function useInvoiceTitle(invoice: Invoice): string {
  const { t } = useTranslation("invoices");
  if (!invoice.number) return t("detail.draftTitle", { buyer: invoice.buyer.name });
  return invoice.kind === "credit_note"
    ? t("detail.creditNoteTitle", { number: invoice.number })
    : t("detail.invoiceTitle", { number: invoice.number });
}

function Header({ invoice, orgId }: { invoice: Invoice; orgId: string }) {
  const { t } = useTranslation("invoices");
  const title = useInvoiceTitle(invoice);
  const credited = useQuery({
    ...invoiceQuery(orgId, invoice.creditedInvoiceId ?? ""),
    enabled: Boolean(invoice.creditedInvoiceId),
  });
  return (
    <PageHeader
      title={title}
      description={
        <>
          {/* A draft's title already names the förbund. */}
          {invoice.number ? `${t("detail.description", { buyer: invoice.buyer.name })} ` : null}
          <InvoiceStatus invoice={invoice} />
          {invoice.creditedInvoiceId && credited.data?.number ? (
            <>
              <br />
              <Link
                to="/o/$orgId/invoices/$invoiceId"
                params={{ orgId, invoiceId: invoice.creditedInvoiceId }}
              >
                {t("detail.creditsInvoice", { number: credited.data.number })}
              </Link>
            </>
          ) : null}
        </>
      }
    />
  );
}

/** The frozen PDF and the Peppol e-invoice, as plain links: the session cookie goes along, the API names the file. */
function Downloads({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation("invoices");
  if (!invoice.links.pdf || !invoice.links.ubl) return null;
  return (
    <section className="card" aria-labelledby="invoice-files-heading">
      <h2 id="invoice-files-heading">{t("detail.filesHeading")}</h2>
      <div className="cell-actions">
        <a className="btn btn-secondary" href={invoice.links.pdf} download>
          {t("detail.pdf")}
        </a>
        <a className="btn btn-secondary" href={invoice.links.ubl} download>
          {t("detail.ubl")}
        </a>
      </div>
    </section>
  );
}

function Facts({ orgId, invoice }: { orgId: string; invoice: Invoice }) {
  const { t } = useTranslation("invoices");
  const trainings = useQuery({ ...trainingNamesQuery(orgId), enabled: Boolean(invoice.trainingId) });
  const notYet = <span className="muted">{t("detail.notYet")}</span>;
  const trainingName = invoice.trainingId ? trainings.data?.get(invoice.trainingId) : undefined;
  return (
    <section className="card" aria-labelledby="invoice-facts-heading">
      <h2 id="invoice-facts-heading">{t("detail.factsHeading")}</h2>
      <dl className="facts">
        {invoice.trainingId ? (
          <>
            <dt>{t("detail.training")}</dt>
            <dd>
              {trainingName ? (
                <Link to="/o/$orgId/trainings/$trainingId" params={{ orgId, trainingId: invoice.trainingId }}>
                  {trainingName}
                </Link>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{t("detail.issueDate")}</dt>
        <dd>{invoice.issueDate ? formatDate(invoice.issueDate) : notYet}</dd>
        {invoice.kind === "invoice" ? (
          <>
            <dt>{t("detail.dueDate")}</dt>
            <dd>{invoice.dueDate ? formatDate(invoice.dueDate) : notYet}</dd>
            <dt>{t("detail.ocr")}</dt>
            <dd>{invoice.ocr ?? notYet}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function CreditNotes({ orgId, invoice }: { orgId: string; invoice: Invoice }) {
  const { t } = useTranslation("invoices");
  return (
    <section className="card" aria-labelledby="invoice-credit-notes-heading">
      <h2 id="invoice-credit-notes-heading">{t("detail.creditNotesHeading")}</h2>
      {invoice.creditNotes.length === 0 ? (
        <p className="muted">{t("detail.noCreditNotes")}</p>
      ) : (
        <ul className="plain-list">
          {invoice.creditNotes.map((note) => (
            <li key={note.id}>
              <Link to="/o/$orgId/invoices/$invoiceId" params={{ orgId, invoiceId: note.id }}>
                {t("detail.creditNote", { number: note.number ?? "" })}
              </Link>{" "}
              {formatDate(note.issueDate)}, {formatKronor(note.totalOre)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
