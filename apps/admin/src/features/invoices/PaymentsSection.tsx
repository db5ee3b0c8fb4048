import { formatKronor } from "@nns/domain/money";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { formatDate } from "../../lib/format";
import type { Invoice } from "./api";
import "./i18n";

/** Money received against the invoice, oldest first; a reversal is a negative amount with its note. */
export function PaymentsSection({ invoice }: { invoice: Invoice }) {
  const { t } = useTranslation("invoices");
  if (invoice.kind !== "invoice" || invoice.status === "draft") return null;
  return (
    <section className="card" aria-labelledby="invoice-payments-heading">
      <h2 id="invoice-payments-heading">{t("detail.paymentsHeading")}</h2>
      <DataTable
        labelledBy="invoice-payments-heading"
        empty={t("detail.noPayments")}
        rows={invoice.payments}
        rowKey={(payment) => payment.id}
        columns={[
          {
            id: "date",
            header: t("detail.payments.date"),
            rowHeader: true,
            noWrap: true,
            cell: (payment) => formatDate(payment.paidOn),
          },
          {
            id: "amount",
            header: t("detail.payments.amount"),
            className: "amount",
            cell: (payment) => formatKronor(payment.amountOre),
          },
          {
            id: "method",
            header: t("detail.payments.method"),
            cell: (payment) => t(`method.${payment.method}`),
          },
          {
            id: "reference",
            header: t("detail.payments.reference"),
            cell: (payment) => [payment.reference, payment.note].filter(Boolean).join(" – "),
          },
        ]}
      />
    </section>
  );
}
