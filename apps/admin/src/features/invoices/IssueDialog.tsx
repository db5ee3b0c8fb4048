import { formatKronor } from "@nns/domain/money";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import { Button } from "../../components/ui";
import { type Invoice, useIssueInvoice } from "./api";
import { ProblemMessage } from "./ProblemMessage";
import "./i18n";

/**
 * Issuing cannot be undone: the dialog says what happens (numbered, frozen, sent) and, when the API
 * refuses (details missing, a Peppol rule failed), keeps open with the reasons.
 */
export function IssueDialog({
  orgId,
  invoice,
  onIssued,
}: {
  orgId: string;
  invoice: Invoice;
  onIssued: (issued: Invoice) => void;
}) {
  const { t } = useTranslation("invoices");
  const issue = useIssueInvoice(orgId, invoice.id, onIssued);
  return (
    <FormDialog
      title={t("issue.title")}
      trigger={<Button>{t("issue.button")}</Button>}
      onOpenChange={() => issue.reset()}
    >
      {(close) => (
        <>
          <p>{t("issue.body", { buyer: invoice.buyer.name, amount: formatKronor(invoice.totalOre) })}</p>
          <ProblemMessage error={issue.error} title={t("issue.failed")} />
          <DialogActions
            onCancel={close}
            submitLabel={t("issue.confirm")}
            isPending={issue.isPending}
            onConfirm={() => issue.mutate(undefined, { onSuccess: close })}
          />
        </>
      )}
    </FormDialog>
  );
}
