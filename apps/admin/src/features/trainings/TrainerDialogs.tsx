import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { CheckboxGroupField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import type { Feedback } from "../../components/Feedback";
import { CheckboxField, TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, RowButton, TextField } from "../../components/ui";
import { countiesQuery } from "../../lib/reference";
import type { Mode, Trainer } from "./api";
import { optional } from "./format";
import { type TrainerBody, useAddCertification, useSaveTrainer } from "./trainers-api";
import "./i18n";

/**
 * "Lägg till utbildare" or, given a trainer, "Ändra": person, contact, the län they serve, how they
 * deliver, and (when editing) whether the trainer is archived.
 */
export function TrainerDialog({
  trainer,
  onFeedback,
}: {
  trainer?: Trainer;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const counties = useQuery(countiesQuery);
  const [countyCodes, setCountyCodes] = useState<string[]>(trainer?.countyCodes ?? []);
  const [modes, setModes] = useState<string[]>(trainer?.deliveryModes ?? ["digital"]);
  const [archived, setArchived] = useState(trainer?.archived ?? false);
  const save = useSaveTrainer(trainer);
  return (
    <FormDialog
      title={trainer ? t("trainerForm.editTitle", { name: trainer.name }) : t("trainerForm.title")}
      trigger={
        trainer ? (
          <RowButton
            label={t("trainerForm.edit")}
            aria-label={t("trainerForm.editLabel", { name: trainer.name })}
          />
        ) : (
          <Button>{t("trainerForm.trigger")}</Button>
        )
      }
      onOpenChange={(open) => {
        if (open) {
          save.reset();
          setCountyCodes(trainer?.countyCodes ?? []);
          setModes(trainer?.deliveryModes ?? ["digital"]);
          setArchived(trainer?.archived ?? false);
        }
      }}
    >
      {(close) => (
        <ServerForm
          error={save.error}
          onEdit={save.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            save.mutate(
              {
                name: String(data.get("name") ?? "").trim(),
                email: String(data.get("email") ?? "").trim(),
                phone: optional(data.get("phone")),
                countyCodes: countyCodes as TrainerBody["countyCodes"],
                deliveryModes: modes as Mode[],
                notes: optional(data.get("notes")),
                archived,
              },
              {
                onSuccess: (saved) => {
                  close();
                  onFeedback({
                    kind: "success",
                    text: trainer
                      ? t("trainerForm.saved", { name: saved.name })
                      : t("trainerForm.added", { name: saved.name }),
                  });
                },
              },
            );
          }}
        >
          <FormError error={save.error} />
          <TextField
            name="name"
            label={t("trainerForm.name")}
            defaultValue={trainer?.name}
            isRequired
            autoFocus
          />
          <TextField
            name="email"
            type="email"
            label={t("trainerForm.email")}
            defaultValue={trainer?.email}
            isRequired
          />
          <TextField
            name="phone"
            type="tel"
            label={t("trainerForm.phone")}
            defaultValue={trainer?.phone ?? ""}
          />
          <CheckboxGroupField
            name="deliveryModes"
            label={t("trainerForm.modes")}
            options={(["digital", "on_site"] as const).map((id) => ({ id, label: t(`mode.${id}`) }))}
            value={modes}
            onChange={setModes}
            isRequired
          />
          <CheckboxGroupField
            name="countyCodes"
            label={t("trainerForm.counties")}
            options={(counties.data ?? []).map((c) => ({ id: c.code, label: c.name }))}
            value={countyCodes}
            onChange={setCountyCodes}
          />
          <TextAreaField name="notes" label={t("trainerForm.notes")} defaultValue={trainer?.notes ?? ""} />
          {trainer ? (
            <CheckboxField isSelected={archived} onChange={setArchived}>
              {t("trainerForm.archived")}
            </CheckboxField>
          ) : null}
          <DialogActions
            onCancel={close}
            submitLabel={trainer ? undefined : t("trainerForm.submit")}
            isPending={save.isPending}
          />
        </ServerForm>
      )}
    </FormDialog>
  );
}

/** "Lägg till certifiering": issuer, certified on, valid until, evidence. */
export function AddCertificationDialog({
  trainer,
  onFeedback,
}: {
  trainer: Trainer;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const add = useAddCertification(trainer.id);
  return (
    <FormDialog
      title={t("certificationForm.title", { name: trainer.name })}
      trigger={
        <RowButton
          label={t("certificationForm.trigger")}
          aria-label={t("certificationForm.triggerLabel", { name: trainer.name })}
        />
      }
      onOpenChange={() => add.reset()}
    >
      {(close) => (
        <ServerForm
          error={add.error}
          onEdit={add.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            add.mutate(
              {
                issuer: String(data.get("issuer") ?? "").trim(),
                certifiedOn: String(data.get("certifiedOn") ?? ""),
                validUntil: optional(data.get("validUntil")),
                evidence: optional(data.get("evidence")),
              },
              {
                onSuccess: () => {
                  close();
                  onFeedback({ kind: "success", text: t("certificationForm.added", { name: trainer.name }) });
                },
              },
            );
          }}
        >
          <FormError error={add.error} />
          <TextField
            name="issuer"
            label={t("certificationForm.issuer")}
            defaultValue="Væksthuset"
            isRequired
            autoFocus
          />
          <div className="form-row">
            <TextField name="certifiedOn" type="date" label={t("certificationForm.certifiedOn")} isRequired />
            <TextField
              name="validUntil"
              type="date"
              label={t("certificationForm.validUntil")}
              description={t("certificationForm.validUntilHint")}
            />
          </div>
          <TextAreaField
            name="evidence"
            label={t("certificationForm.evidence")}
            description={t("certificationForm.evidenceHint")}
          />
          <DialogActions
            onCancel={close}
            submitLabel={t("certificationForm.submit")}
            isPending={add.isPending}
          />
        </ServerForm>
      )}
    </FormDialog>
  );
}
