import { useQuery } from "@tanstack/react-query";
import { lazy, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ChartSlot } from "../../components/charts/ChartFigure";
import { SelectField } from "../../components/choice";
import type { Feedback } from "../../components/Feedback";
import { RadioGroupField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button, RowButton, TextField } from "../../components/ui";
import { ApiError } from "../../lib/api";
import { costsQuery, type Training, type TrainingCosts, useAddPrintCost, useRemovePrintCost } from "./api";
import { AllParties, OwnShare } from "./CostTables";
import { formatKronor, formatVatRate, parseKronor } from "./format";
import "./i18n";
import "../../components/fields.css";

/** The cost chart brings recharts: it loads after the tables, never with the first page. */
const CostsChart = lazy(() => import("./CostsChart"));

const VAT_RATES = ["2500", "1200", "600", "0"];

type PaidBy = TrainingCosts["printCosts"][number]["paidBy"];

/**
 * The cost breakdown: a förbund sees its share of the shared cost, its own print costs, VAT and total,
 * and adds or removes print costs; the owner sees every förbund's part and the whole.
 */
export function CostsSection({
  orgId,
  training,
  canBook,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  canBook: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const costs = useQuery(costsQuery(orgId, training.id));
  const invoiced = training.kind === "bip_skapa";
  // The owner sees every förbund's part; a förbund (or an owner that is the only party) its own lines.
  const showAll = (data: TrainingCosts) =>
    training.viewer.isOwner && data.parties.some((party) => party.organizationId !== orgId);
  return (
    <section className="card" aria-labelledby="costs-heading">
      <h2 id="costs-heading">{t("costs.heading")}</h2>
      <QueryView query={costs}>
        {(data) => (
          <>
            <p className="muted">
              {t("costs.sharedIntro", {
                amount: formatKronor(data.sharedNetOre),
                count: data.partyCount,
                rule: t(`costSplit.${data.rule}`).toLowerCase(),
              })}
            </p>
            {showAll(data) ? (
              <AllParties costs={data} invoiced={invoiced} />
            ) : (
              data.parties
                .filter((party) => party.organizationId === orgId)
                .map((party) => <OwnShare key={party.organizationId} party={party} invoiced={invoiced} />)
            )}
            <ChartSlot>
              <CostsChart costs={data} />
            </ChartSlot>
            {training.viewer.isParty ? (
              <PrintCosts
                orgId={orgId}
                training={training}
                costs={data}
                canBook={canBook}
                onFeedback={onFeedback}
              />
            ) : null}
          </>
        )}
      </QueryView>
    </section>
  );
}

function PrintCosts({
  orgId,
  training,
  costs,
  canBook,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  costs: TrainingCosts;
  canBook: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const [formKey, setFormKey] = useState(0);
  const [vatRate, setVatRate] = useState("2500");
  const [paidBy, setPaidBy] = useState<PaidBy>("organization");
  // Only NNS invoices förbund, for the BIP/SKAPA trainings it runs; a förbund's own event has no invoice.
  const ownerMayPay = training.kind === "bip_skapa";
  const [amountError, setAmountError] = useState<string | null>(null);
  const own = costs.printCosts.filter((c) => c.organizationId === orgId);
  const add = useAddPrintCost(orgId, training.id);
  const remove = useRemovePrintCost(orgId, training.id);
  const removeCost = (printCostId: string) =>
    remove.mutateAsync(printCostId, {
      onSuccess: () => onFeedback({ kind: "success", text: t("costs.printRemoved") }),
    });
  const formError = add.error ?? (amountError ? new Error(amountError) : null);
  return (
    <>
      <h3 id="print-heading">{t("costs.printHeading")}</h3>
      {own.length === 0 ? (
        <p className="muted">{t("costs.noPrint")}</p>
      ) : (
        <ul className="plain-list">
          {own.map((cost) => (
            <li key={cost.id} className="cell-actions" style={{ alignItems: "center" }}>
              <span>
                {cost.description}: {formatKronor(cost.amountOre)}{" "}
                <span className="muted">
                  ({t("costs.vatRate", { rate: formatVatRate(cost.vatRateBasisPoints) })},{" "}
                  {cost.paidBy === "owner" ? t("costs.paidByNns") : t("costs.paidByUs")})
                </span>
              </span>
              {canBook ? (
                <ConfirmDialog
                  trigger={
                    <RowButton
                      label={t("costs.remove")}
                      aria-label={t("costs.removeLabel", { description: cost.description })}
                    />
                  }
                  title={t("costs.removeTitle", { description: cost.description })}
                  confirmLabel={t("costs.removeConfirm")}
                  isPending={remove.isPending}
                  onConfirm={() => removeCost(cost.id)}
                >
                  <p>{t("costs.removeBody")}</p>
                </ConfirmDialog>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canBook ? (
        <ServerForm
          key={formKey}
          aria-labelledby="print-heading"
          error={add.error}
          onEdit={() => {
            add.reset();
            setAmountError(null);
          }}
          style={{ marginTop: "var(--space-4)" }}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const amountOre = parseKronor(String(data.get("amount") ?? ""));
            if (amountOre === null || amountOre <= 0) {
              setAmountError(t("costs.amountInvalid"));
              return;
            }
            setAmountError(null);
            add.mutate(
              {
                description: String(data.get("description") ?? "").trim(),
                amountOre,
                vatRateBasisPoints: Number(vatRate),
                paidBy: ownerMayPay ? paidBy : "organization",
              },
              {
                onSuccess: (_costs, body) => {
                  setFormKey((k) => k + 1);
                  setPaidBy("organization");
                  onFeedback({
                    kind: "success",
                    text: t("costs.printAdded", { description: body.description }),
                  });
                },
              },
            );
          }}
        >
          {formError instanceof ApiError ? (
            <FormError error={formError} />
          ) : formError ? (
            <p className="form-error" role="alert">
              {amountError}
            </p>
          ) : null}
          <div className="form-row">
            <TextField name="description" label={t("costs.description")} isRequired />
            <TextField
              name="amount"
              label={t("costs.amount")}
              description={t("costs.amountHint")}
              inputMode="decimal"
              isRequired
            />
            <SelectField
              label={t("costs.vatRateField")}
              options={VAT_RATES.map((id) => ({ id, label: formatVatRate(Number(id)) }))}
              value={vatRate}
              onChange={setVatRate}
            />
          </div>
          {ownerMayPay ? (
            <RadioGroupField
              label={t("costs.paidByField")}
              name="paidBy"
              value={paidBy}
              onChange={(value) => setPaidBy(value as PaidBy)}
              options={[
                { id: "organization", label: t("costs.paidByUsOption") },
                { id: "owner", label: t("costs.paidByNnsOption") },
              ]}
            />
          ) : null}
          <div>
            <Button type="submit" variant="secondary" isDisabled={add.isPending}>
              {t("costs.add")}
            </Button>
          </div>
        </ServerForm>
      ) : null}
    </>
  );
}
