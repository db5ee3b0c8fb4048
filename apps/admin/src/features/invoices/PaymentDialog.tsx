import type { Schemas } from "@nns/api-client";
import { formatKronor } from "@nns/domain/money";
import { startTransition, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import { RadioGroupField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { fieldErrors } from "../../lib/api";
import { optional, parseKronor } from "../../lib/format";
import { type Invoice, type PaymentBody, useRegisterPayment } from "./api";
import "./i18n";

const METHODS = ["bankgiro", "plusgiro", "manual"] as const;

/** Today in Sweden, as the API counts "not in the future". */
export function swedishToday(): string {
  return new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" }).format(new Date());
}

/**
 * Money received: the day, the amount in kronor as people write it (15 000,50), how it came and a
 * reference. A new Idempotency-Key per opening, so a double press or a retry registers it once.
 */
export function PaymentDialog({
  orgId,
  invoice,
  onRegistered,
}: {
  orgId: string;
  invoice: Invoice;
  onRegistered: (result: Schemas["InvoicePaymentResult"]) => void;
}) {
  const { t } = useTranslation("invoices");
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [method, setMethod] = useState<PaymentBody["method"]>("bankgiro");
  const [amountError, setAmountError] = useState<string | null>(null);
  const register = useRegisterPayment(orgId, invoice.id, onRegistered);
  const errors = amountError ? { ...fieldErrors(register.error), amountOre: amountError } : undefined;

  return (
    <FormDialog
      title={t("payment.title")}
      trigger={<Button variant="secondary">{t("payment.button")}</Button>}
      onOpenChange={(open) => {
        if (open) {
          setIdempotencyKey(crypto.randomUUID());
          setMethod("bankgiro");
          setAmountError(null);
          register.reset();
        }
      }}
    >
      {(close) => (
        <ServerForm
          error={register.error ?? amountError}
          onEdit={() => {
            register.reset();
            // Not a plain state update: ServerForm calls this from a native input listener, and an urgent
            // render there would run before React reads the keystroke, losing it.
            startTransition(() => setAmountError(null));
          }}
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const amountOre = parseKronor(String(data.get("amountOre") ?? ""));
            if (amountOre === null || amountOre === 0) {
              setAmountError(t("payment.amountInvalid"));
              return;
            }
            register.mutate(
              {
                idempotencyKey,
                body: {
                  paidOn: String(data.get("paidOn") ?? ""),
                  amountOre,
                  method,
                  reference: optional(data.get("reference")),
                },
              },
              { onSuccess: close },
            );
          }}
        >
          <FormError error={register.error} />
          <TextField
            name="paidOn"
            type="date"
            label={t("payment.paidOn")}
            defaultValue={swedishToday()}
            isRequired
            autoFocus
          />
          <TextField
            name="amountOre"
            label={t("payment.amount")}
            description={t("payment.amountHint", { balance: formatKronor(invoice.balanceOre) })}
            inputMode="decimal"
            isRequired
          />
          <RadioGroupField
            label={t("payment.method")}
            name="method"
            options={METHODS.map((id) => ({ id, label: t(`method.${id}`) }))}
            value={method}
            onChange={(value) => setMethod(value as PaymentBody["method"])}
            isRequired
          />
          <TextField
            name="reference"
            label={t("payment.reference")}
            description={t("payment.referenceHint")}
            defaultValue={invoice.ocr ?? ""}
          />
          <DialogActions onCancel={close} submitLabel={t("payment.submit")} isPending={register.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
