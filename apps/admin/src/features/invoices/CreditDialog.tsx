import { formatKronor } from "@nns/domain/money";
import { startTransition, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import { RadioGroupField, TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { fieldErrors } from "../../lib/api";
import { parseKronor } from "../../lib/format";
import { type Invoice, useCreateCreditNote } from "./api";
import "./i18n";

type Scope = "whole" | "perLine";

/**
 * A credit note for the whole invoice (what is not yet credited) or for amounts per line, with the
 * reason printed on it. Like issuing, it is numbered and sent at once: the dialog is the confirmation.
 */
export function CreditDialog({
  orgId,
  invoice,
  onCredited,
}: {
  orgId: string;
  invoice: Invoice;
  onCredited: (note: Invoice) => void;
}) {
  const { t } = useTranslation("invoices");
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [scope, setScope] = useState<Scope>("whole");
  const [localErrors, setLocalErrors] = useState<Record<string, string> | null>(null);
  const credit = useCreateCreditNote(orgId, invoice.id, onCredited);
  const lineField = (position: number) => `line-${position}`;

  return (
    <FormDialog
      title={t("credit.title")}
      trigger={<Button variant="secondary">{t("credit.button")}</Button>}
      onOpenChange={(open) => {
        if (open) {
          setIdempotencyKey(crypto.randomUUID());
          setScope("whole");
          setLocalErrors(null);
          credit.reset();
        }
      }}
    >
      {(close) => (
        <ServerForm
          error={credit.error ?? localErrors}
          onEdit={() => {
            credit.reset();
            // Not a plain state update: ServerForm calls this from a native input listener, and an urgent
            // render there would run before React reads the keystroke, losing it.
            startTransition(() => setLocalErrors(null));
          }}
          validationErrors={localErrors ?? fieldErrors(credit.error)}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const reason = String(data.get("reason") ?? "").trim();
            const errors: Record<string, string> = {};
            if (reason.length < 2) errors.reason = t("credit.reasonRequired");
            const lines: { position: number; netOre: number }[] = [];
            if (scope === "perLine") {
              for (const line of invoice.lines) {
                const text = String(data.get(lineField(line.position)) ?? "").trim();
                if (text === "") continue;
                const netOre = parseKronor(text);
                if (netOre === null || netOre === 0)
                  errors[lineField(line.position)] = t("credit.lineInvalid");
                else lines.push({ position: line.position, netOre });
              }
              const first = invoice.lines[0];
              if (lines.length === 0 && first && !errors[lineField(first.position)])
                errors[lineField(first.position)] = t("credit.noLines");
            }
            if (Object.keys(errors).length > 0) {
              setLocalErrors(errors);
              return;
            }
            credit.mutate(
              { idempotencyKey, body: { reason, lines: scope === "whole" ? null : lines } },
              { onSuccess: close },
            );
          }}
        >
          <FormError error={credit.error} />
          <RadioGroupField
            label={t("credit.scope")}
            name="scope"
            options={[
              { id: "whole", label: t("credit.whole") },
              { id: "perLine", label: t("credit.perLine") },
            ]}
            value={scope}
            onChange={(value) => setScope(value as Scope)}
            isRequired
          />
          {scope === "whole" ? (
            <p className="muted">
              {t("credit.wholeHint", { amount: formatKronor(invoice.totalOre - invoice.creditedOre) })}
            </p>
          ) : (
            <fieldset className="plain-fieldset">
              <legend>{t("credit.perLineHint")}</legend>
              {invoice.lines.map((line) => (
                <TextField
                  key={line.position}
                  name={lineField(line.position)}
                  label={t("credit.lineAmount", { position: line.position, description: line.description })}
                  description={t("credit.lineMax", { amount: formatKronor(line.netOre) })}
                  inputMode="decimal"
                />
              ))}
            </fieldset>
          )}
          <TextAreaField
            name="reason"
            label={t("credit.reason")}
            description={t("credit.reasonHint")}
            isRequired
          />
          <DialogActions onCancel={close} submitLabel={t("credit.submit")} isPending={credit.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
