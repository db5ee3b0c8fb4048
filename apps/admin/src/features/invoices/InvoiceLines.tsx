import { formatKronor } from "@nns/domain/money";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { formatVatRate } from "../../lib/format";
import type { Invoice } from "./api";
import "./i18n";

/** The lines, the VAT per rate and the totals, in the order the PDF prints them. */
export function InvoiceLines({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation("invoices");
  // A credit note's amounts read as negative, as on its PDF; subtraction from 0 never gives "−0,00 kr".
  const signed = (ore: number) => (invoice.kind === "credit_note" ? 0 - ore : ore);
  return (
    <section className="card" aria-labelledby="invoice-lines-heading">
      <h2 id="invoice-lines-heading">{t("detail.linesHeading")}</h2>
      <DataTable
        labelledBy="invoice-lines-heading"
        rows={invoice.lines}
        rowKey={(line) => String(line.position)}
        columns={[
          {
            id: "description",
            header: t("detail.lines.description"),
            rowHeader: true,
            cell: (line) => line.description,
          },
          {
            id: "vatRate",
            header: t("detail.lines.vatRate"),
            className: "amount",
            cell: (line) => formatVatRate(line.vatRateBasisPoints),
          },
          {
            id: "net",
            header: t("detail.lines.net"),
            className: "amount",
            cell: (line) => formatKronor(signed(line.netOre)),
          },
          {
            id: "vat",
            header: t("detail.lines.vat"),
            className: "amount",
            cell: (line) => formatKronor(signed(line.vatOre)),
          },
        ]}
      />
      <h3 id="invoice-vat-heading">{t("detail.vatHeading")}</h3>
      <DataTable
        labelledBy="invoice-vat-heading"
        rows={invoice.vatSummary}
        rowKey={(row) => `${row.vatCategory}-${row.vatRateBasisPoints}`}
        columns={[
          {
            id: "rate",
            header: t("detail.vat.rate"),
            rowHeader: true,
            cell: (row) =>
              row.vatCategory === "S"
                ? formatVatRate(row.vatRateBasisPoints)
                : (row.exemptionReason ?? t("detail.vat.exempt")),
          },
          {
            id: "taxable",
            header: t("detail.vat.taxable"),
            className: "amount",
            cell: (row) => formatKronor(signed(row.taxableOre)),
          },
          {
            id: "vat",
            header: t("detail.vat.vat"),
            className: "amount",
            cell: (row) => formatKronor(signed(row.vatOre)),
          },
        ]}
      />
      <h3 id="invoice-totals-heading">{t("detail.totals.heading")}</h3>
      <dl className="facts invoice-totals" aria-labelledby="invoice-totals-heading">
        <dt>{t("detail.totals.net")}</dt>
        <dd>{formatKronor(signed(invoice.netOre))}</dd>
        <dt>{t("detail.totals.vat")}</dt>
        <dd>{formatKronor(signed(invoice.vatOre))}</dd>
        <dt className="grand">{t("detail.totals.total")}</dt>
        <dd className="grand">{formatKronor(signed(invoice.totalOre))}</dd>
        {invoice.kind === "invoice" && invoice.status !== "draft" ? (
          <>
            {invoice.creditedOre > 0 ? (
              <>
                <dt>{t("detail.totals.credited")}</dt>
                <dd>{formatKronor(0 - invoice.creditedOre)}</dd>
              </>
            ) : null}
            <dt>{t("detail.totals.paid")}</dt>
            <dd>{formatKronor(0 - invoice.paidOre)}</dd>
            <dt className="grand">{t("detail.totals.balance")}</dt>
            <dd className="grand">{formatKronor(invoice.balanceOre)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
