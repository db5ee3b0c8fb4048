import { useTranslation } from "react-i18next";
import { Badge } from "../../components/ui";
import type { InvoiceSummary } from "./api";
import "./i18n";

const TONE = {
  draft: "neutral",
  issued: "neutral",
  partly_paid: "warning",
  paid: "success",
  credited: "neutral",
  partly_credited: "neutral",
} as const;

/**
 * The invoice's status in Swedish words, and, when something is left to pay after the due date, how many
 * days overdue it is: the colour only repeats what the words say.
 */
export function InvoiceStatus({ invoice }: { invoice: Pick<InvoiceSummary, "status" | "daysOverdue"> }) {
  const { t } = useTranslation("invoices");
  return (
    <span className="invoice-status">
      <Badge tone={TONE[invoice.status]}>{t(`status.${invoice.status}`)}</Badge>
      {invoice.daysOverdue > 0 ? (
        <Badge tone="danger">{t("status.overdueDays", { count: invoice.daysOverdue })}</Badge>
      ) : null}
    </span>
  );
}
