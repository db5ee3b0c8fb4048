import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { CheckboxGroupField } from "../../components/choice";
import type { Feedback } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { api, call } from "../../lib/api";
import { countiesQuery } from "../../lib/reference";
import { TextAreaField } from "./fields";
import { optional } from "./format";
import { type Mode, type Trainer, trainingKeys } from "./queries";
import "./i18n";

/** "Lägg till utbildare": person, contact, the län they serve and how they deliver. */
export function AddTrainerDialog({ onFeedback }: { onFeedback: (feedback: Feedback) => void }) {
  const { t } = useTranslation("trainings");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const counties = useQuery(countiesQuery);
  const [countyCodes, setCountyCodes] = useState<string[]>([]);
  const [modes, setModes] = useState<string[]>(["digital"]);
  const create = useMutation({
    mutationFn: (body: {
      name: string;
      email: string;
      phone: string | null;
      countyCodes: string[];
      deliveryModes: Mode[];
      notes: string | null;
    }) => call(api.POST("/nns/trainers", { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.nns }),
  });
  return (
    <FormDialog
      title={t("trainerForm.title")}
      trigger={<Button>{t("trainerForm.trigger")}</Button>}
      onOpenChange={(open) => {
        if (open) {
          create.reset();
          setCountyCodes([]);
          setModes(["digital"]);
        }
      }}
    >
      {(close) => (
        <ServerForm
          error={create.error}
          onEdit={create.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            create.mutate(
              {
                name: String(data.get("name") ?? "").trim(),
                email: String(data.get("email") ?? "").trim(),
                phone: optional(data.get("phone")),
                countyCodes,
                deliveryModes: modes as Mode[],
                notes: optional(data.get("notes")),
              },
              {
                onSuccess: (trainer) => {
                  close();
                  onFeedback({ kind: "success", text: t("trainerForm.added", { name: trainer.name }) });
                },
              },
            );
          }}
        >
          <FormError error={create.error} />
          <TextField name="name" label={t("trainerForm.name")} isRequired autoFocus />
          <TextField name="email" type="email" label={t("trainerForm.email")} isRequired />
          <TextField name="phone" type="tel" label={t("trainerForm.phone")} />
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
          <TextAreaField name="notes" label={t("trainerForm.notes")} />
          <div className="dialog-actions">
            <Button variant="secondary" onPress={close}>
              {tc("cancel")}
            </Button>
            <Button type="submit" isDisabled={create.isPending}>
              {t("trainerForm.submit")}
            </Button>
          </div>
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
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: (body: {
      issuer: string;
      certifiedOn: string;
      validUntil: string | null;
      evidence: string | null;
    }) =>
      call(
        api.POST("/nns/trainers/{trainerId}/certifications", {
          params: { path: { trainerId: trainer.id } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trainingKeys.nns }),
  });
  return (
    <FormDialog
      title={t("certificationForm.title", { name: trainer.name })}
      trigger={
        <Button
          variant="secondary"
          className="btn-small"
          aria-label={t("certificationForm.triggerLabel", { name: trainer.name })}
        >
          {t("certificationForm.trigger")}
        </Button>
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
          <div className="dialog-actions">
            <Button variant="secondary" onPress={close}>
              {tc("cancel")}
            </Button>
            <Button type="submit" isDisabled={add.isPending}>
              {t("certificationForm.submit")}
            </Button>
          </div>
        </ServerForm>
      )}
    </FormDialog>
  );
}
