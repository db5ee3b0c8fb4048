import { formatKronor } from "@nns/domain/money";
import { useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import type { Feedback } from "../../components/Feedback";
import { Button } from "../../components/ui";
import { type Invoice, useDiscardDraft } from "./api";
import { CreditDialog } from "./CreditDialog";
import { IssueDialog } from "./IssueDialog";
import { PaymentDialog } from "./PaymentDialog";
import "./i18n";

/**
 * What NNS can do with the invoice now: a draft is issued or removed; an issued invoice with something
 * left gets payments and credit notes. Credit notes themselves are final. Outcomes are said by `onDone`.
 */
export function InvoiceActions({
  orgId,
  invoice,
  onDone,
}: {
  orgId: string;
  invoice: Invoice;
  onDone: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("invoices");
  const navigate = useNavigate();
  const discard = useDiscardDraft(orgId, invoice.id);
  const isDraft = invoice.status === "draft";
  const payable = invoice.kind === "invoice" && !isDraft && invoice.balanceOre > 0;
  const creditable =
    invoice.kind === "invoice" &&
    !isDraft &&
    invoice.status !== "credited" &&
    invoice.totalOre > invoice.creditedOre;
  if (!isDraft && !payable && !creditable) return null;

  return (
    <section className="card" aria-labelledby="invoice-actions-heading">
      <h2 id="invoice-actions-heading">{t("detail.actionsHeading")}</h2>
      <div className="cell-actions">
        {isDraft ? (
          <>
            <IssueDialog
              orgId={orgId}
              invoice={invoice}
              onIssued={(issued) =>
                onDone({
                  kind: "success",
                  text: t("issue.done", { number: issued.number ?? "", buyer: issued.buyer.name }),
                })
              }
            />
            <ConfirmDialog
              trigger={<Button variant="danger">{t("discard.button")}</Button>}
              title={t("discard.title")}
              confirmLabel={t("discard.confirm")}
              isPending={discard.isPending}
              onConfirm={() =>
                discard.mutateAsync(undefined, {
                  onSuccess: () =>
                    navigate({
                      to: "/o/$orgId/invoices",
                      params: { orgId },
                      state: { invoiceDraftDiscarded: invoice.buyer.name },
                    }),
                })
              }
            >
              <p>{t("discard.body", { buyer: invoice.buyer.name })}</p>
            </ConfirmDialog>
          </>
        ) : null}
        {payable ? (
          <PaymentDialog
            orgId={orgId}
            invoice={invoice}
            onRegistered={({ payment, invoice: after }) =>
              onDone({
                kind: "success",
                text: t("payment.done", {
                  amount: formatKronor(payment.amountOre),
                  status: t(`status.${after.status}`),
                }),
              })
            }
          />
        ) : null}
        {creditable ? (
          <CreditDialog
            orgId={orgId}
            invoice={invoice}
            onCredited={(note) =>
              onDone({ kind: "success", text: t("credit.done", { number: note.number ?? "" }) })
            }
          />
        ) : null}
      </div>
    </section>
  );
}
