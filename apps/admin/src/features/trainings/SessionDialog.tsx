import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { CheckboxGroupField, SelectField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import type { Feedback } from "../../components/Feedback";
import { CheckboxField, RadioGroupField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, RowButton, TextField } from "../../components/ui";
import { type Mode, type SessionBody, type Training, type TrainingSession, useSaveSession } from "./api";
import { formatTime, optional, stockholmDay, stockholmInstant } from "./format";
import { templateQuery, trainersQuery } from "./trainers-api";
import "./i18n";

const CUSTOM = "custom";
/** Seed 003: the training step (step 4) takes at most 25 per occasion; more is priced (decision 0028). */
const TRAINING_STEP = "training";
const STEP_CAP = 25;

/**
 * Adds a session (for BIP/SKAPA from a step of NNS's template, which fills title, length, mode and
 * capacity) or changes one: time in Swedish time, mode, place or link, capacity and (NNS) trainers.
 */
export function SessionDialog({
  orgId,
  training,
  isNns,
  session,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  isNns: boolean;
  session?: TrainingSession;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const withTemplate = isNns && training.kind === "bip_skapa";
  const template = useQuery({ ...templateQuery, enabled: withTemplate });
  const trainers = useQuery({ ...trainersQuery, enabled: isNns });
  const [stepKey, setStepKey] = useState<string>(session?.stepKey ?? CUSTOM);
  const [mode, setMode] = useState<Mode>(session?.mode ?? "digital");
  const [trainerIds, setTrainerIds] = useState<string[]>(session?.trainers.map((tr) => tr.id) ?? []);
  const save = useSaveSession(orgId, training.id, session);
  const steps = template.data?.steps ?? [];
  const step = steps.find((s) => s.key === stepKey);
  const [capacityText, setCapacityText] = useState<string>("");
  const trainingStep =
    training.kind === "bip_skapa" && (withTemplate ? stepKey : session?.stepKey) === TRAINING_STEP;
  const extraSeats = trainingStep ? Math.max(0, Number(capacityText) - STEP_CAP) : 0;
  return (
    <FormDialog
      title={session ? t("sessionForm.editTitle", { title: session.title }) : t("sessionForm.addTitle")}
      trigger={
        session ? (
          <RowButton
            label={t("sessionForm.edit")}
            aria-label={t("sessionForm.editLabel", { title: session.title })}
          />
        ) : (
          <Button>{t("sessionForm.add")}</Button>
        )
      }
      onOpenChange={(open) => {
        if (open) {
          save.reset();
          setStepKey(session?.stepKey ?? CUSTOM);
          setMode(session?.mode ?? "digital");
          setTrainerIds(session?.trainers.map((tr) => tr.id) ?? []);
          setCapacityText(session?.capacity?.toString() ?? "");
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
            const date = String(data.get("date") ?? "");
            const start = String(data.get("startsAt") ?? "");
            const end = String(data.get("endsAt") ?? "");
            const title = optional(data.get("title"));
            const capacity = optional(data.get("capacity"));
            const body: SessionBody = {
              ...(withTemplate ? { stepKey: stepKey === CUSTOM ? null : stepKey } : {}),
              ...(title ? { title } : {}),
              startsAt: stockholmInstant(date, start) ?? `${date}T${start}`,
              ...(end ? { endsAt: stockholmInstant(date, end) ?? `${date}T${end}` } : {}),
              mode,
              location: mode === "on_site" ? optional(data.get("location")) : null,
              videoLink: mode === "digital" ? optional(data.get("videoLink")) : null,
              capacity: capacity === null ? (step?.capacity ?? null) : Number(capacity),
              ...(isNns ? { trainerIds } : {}),
              ...(extraSeats > 0 ? { confirmAboveCap: data.get("confirmAboveCap") === "on" } : {}),
            };
            save.mutate(body, {
              onSuccess: () => {
                close();
                onFeedback({
                  kind: "success",
                  text: session
                    ? t("sessionForm.saved", { title: title ?? session.title })
                    : t("sessionForm.added", { title: title ?? step?.title ?? "" }),
                });
              },
            });
          }}
        >
          <FormError error={save.error} />
          {withTemplate ? (
            <SelectField
              label={t("sessionForm.step")}
              description={step?.description}
              options={[
                ...steps.map((s) => ({ id: s.key, label: s.title })),
                { id: CUSTOM, label: t("sessionForm.customStep") },
              ]}
              value={stepKey}
              onChange={(key) => {
                setStepKey(key);
                const chosen = steps.find((s) => s.key === key);
                if (chosen && chosen.mode !== "either") setMode(chosen.mode);
              }}
            />
          ) : null}
          <TextField
            name="title"
            label={t("sessionForm.title")}
            defaultValue={session?.title}
            isRequired={!step && !session}
            description={step ? t("sessionForm.titleFromStep") : undefined}
          />
          <div className="form-row">
            <TextField
              name="date"
              type="date"
              label={t("sessionForm.date")}
              defaultValue={session ? stockholmDay(session.startsAt) : undefined}
              isRequired
            />
            <TextField
              name="startsAt"
              type="time"
              label={t("sessionForm.start")}
              defaultValue={session ? formatTime(session.startsAt) : undefined}
              isRequired
            />
            <TextField
              name="endsAt"
              type="time"
              label={t("sessionForm.end")}
              defaultValue={session ? formatTime(session.endsAt) : undefined}
              isRequired={!step && !session}
              description={step ? t("sessionForm.endFromStep", { minutes: step.durationMinutes }) : undefined}
            />
          </div>
          <RadioGroupField
            label={t("sessionForm.mode")}
            name="mode"
            options={(["digital", "on_site"] as const).map((id) => ({ id, label: t(`mode.${id}`) }))}
            value={mode}
            onChange={(value) => setMode(value as Mode)}
            isRequired
          />
          {mode === "on_site" ? (
            <TextField
              name="location"
              label={t("sessionForm.location")}
              defaultValue={session?.location ?? ""}
            />
          ) : (
            <TextField
              name="videoLink"
              type="url"
              label={t("sessionForm.videoLink")}
              placeholder="https://"
              defaultValue={session?.videoLink ?? ""}
            />
          )}
          <TextField
            name="capacity"
            type="number"
            inputMode="numeric"
            label={t("sessionForm.capacity")}
            description={t("sessionForm.capacityDescription")}
            defaultValue={session?.capacity?.toString() ?? step?.capacity?.toString() ?? ""}
            onChange={setCapacityText}
          />
          {extraSeats > 0 ? (
            <div className="notice">
              <p id="above-cap-warning" style={{ marginTop: 0 }}>
                {t("sessionForm.aboveCapWarning", { cap: STEP_CAP, count: extraSeats })}
              </p>
              <CheckboxField name="confirmAboveCap" aria-describedby="above-cap-warning">
                {t("sessionForm.aboveCapConfirm", { count: extraSeats })}
              </CheckboxField>
            </div>
          ) : null}
          {isNns ? (
            <CheckboxGroupField
              label={t("sessionForm.trainers")}
              description={t("sessionForm.trainersDescription")}
              options={(trainers.data ?? [])
                .filter((tr) => !tr.archived)
                .map((tr) => ({
                  id: tr.id,
                  label: `${tr.name} (${t(`certificationStatus.${tr.certificationStatus}`)})`,
                }))}
              value={trainerIds}
              onChange={setTrainerIds}
            />
          ) : null}
          <DialogActions
            onCancel={close}
            submitLabel={session ? undefined : t("sessionForm.submit")}
            isPending={save.isPending}
          />
        </ServerForm>
      )}
    </FormDialog>
  );
}
