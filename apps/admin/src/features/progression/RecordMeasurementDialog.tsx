import { itemsFor } from "@nns/domain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { FieldError, Label, Radio, RadioGroup, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import type { Feedback } from "../../components/Feedback";
import { RadioGroupField, TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError, Loading } from "../../components/states";
import { Badge, Button, TextField } from "../../components/ui";
import { fieldErrors } from "../../lib/api";
import { formatDate } from "../../lib/format";
import { todayInStockholm } from "../../lib/stockholm";
import { useRecordMeasurement } from "./api";
import { versionQuery } from "./instruments-api";
import { versionLabel } from "./labels";
import type { ChosenVersion, InstrumentItem, ParticipantDetail, Respondent } from "./types";

/** Versions a measurement can be recorded with: the insats's chosen ones that are still published. */
function recordable(participant: ParticipantDetail): ChosenVersion[] {
  return participant.instruments.filter((version) => version.status === "published");
}

export function RecordMeasurementDialog({
  orgId,
  participant,
  onFeedback,
}: {
  orgId: string;
  participant: ParticipantDetail;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  if (recordable(participant).length === 0) return null;
  return (
    <FormDialog
      title={t("record.title", { code: participant.code })}
      trigger={<Button>{t("record.open")}</Button>}
    >
      {(close) => (
        <RecordMeasurementForm
          orgId={orgId}
          participant={participant}
          onCancel={close}
          onSaved={(measuredOn) => {
            close();
            onFeedback({ kind: "success", text: t("record.saved", { date: formatDate(measuredOn) }) });
          }}
        />
      )}
    </FormDialog>
  );
}

/**
 * The form is built from the version's definition: one radio group per item put to the respondent, every
 * step of its scale a radio labelled with its number and, where the instrument has one, its anchor.
 */
function RecordMeasurementForm({
  orgId,
  participant,
  onCancel,
  onSaved,
}: {
  orgId: string;
  participant: ParticipantDetail;
  onCancel: () => void;
  onSaved: (measuredOn: string) => void;
}) {
  const { t } = useTranslation("progression");
  const versions = recordable(participant);
  const [versionId, setVersionId] = useState(versions[0]?.id ?? "");
  const chosen = versions.find((v) => v.id === versionId) ?? versions[0];
  const [respondent, setRespondent] = useState<Respondent>(
    chosen && chosen.participantItemCount > 0 ? "participant" : "coach",
  );
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<Record<string, string>>({});
  const version = useQuery({
    ...versionQuery(orgId, chosen?.instrumentId ?? "", versionId),
    enabled: Boolean(chosen),
  });
  const record = useRecordMeasurement(orgId, participant.id);
  const items = version.data ? itemsFor(version.data.definition, respondent) : [];
  const respondents = (["participant", "coach"] as const).filter((r) =>
    r === "participant" ? (chosen?.participantItemCount ?? 0) > 0 : (chosen?.coachItemCount ?? 0) > 0,
  );
  return (
    <ServerForm
      error={record.error}
      onEdit={() => {
        record.reset();
        // After the edit has been handled: React would otherwise render first and put the old value back.
        setTimeout(() => setMissing({}));
      }}
      // The same object while nothing changes (see ServerForm): the form's own check, else the API's.
      validationErrors={Object.keys(missing).length > 0 ? missing : fieldErrors(record.error)}
      onSubmit={(event) => {
        event.preventDefault();
        const unanswered = Object.fromEntries(
          items
            .filter((item) => !answers[item.code])
            .map((item) => [`answers.${item.code}`, t("record.required")]),
        );
        setMissing(unanswered);
        if (Object.keys(unanswered).length > 0) {
          const first = event.currentTarget.querySelector<HTMLInputElement>(
            `[name="answers.${items.find((item) => !answers[item.code])?.code}"]`,
          );
          first?.focus();
          return;
        }
        const form = new FormData(event.currentTarget);
        const measuredOn = String(form.get("measuredOn") ?? "");
        const comment = String(form.get("comment") ?? "").trim();
        record.mutate(
          {
            instrumentVersionId: versionId,
            respondent,
            measuredOn,
            answers: Object.fromEntries(items.map((item) => [item.code, Number(answers[item.code])])),
            ...(comment ? { comment } : {}),
          },
          { onSuccess: () => onSaved(measuredOn) },
        );
      }}
    >
      {versions.length > 1 ? (
        <SelectField
          label={t("record.instrument")}
          options={versions.map((v) => ({ id: v.id, label: versionLabel(t, v) }))}
          value={versionId}
          onChange={(id) => {
            setVersionId(id);
            setAnswers({});
          }}
        />
      ) : chosen ? (
        <p>
          {t("record.instrument")}: {versionLabel(t, chosen)}{" "}
          {chosen.placeholder ? <Badge tone="warning">{t("placeholder")}</Badge> : null}
        </p>
      ) : null}
      <RadioGroupField
        label={t("record.respondent")}
        name="respondent"
        value={respondent}
        onChange={(value) => {
          setRespondent(value as Respondent);
          setAnswers({});
        }}
        options={respondents.map((r) => ({ id: r, label: t(`respondent.${r}`) }))}
      />
      <TextField
        label={t("record.measuredOn")}
        name="measuredOn"
        type="date"
        isRequired
        defaultValue={todayInStockholm()}
      />
      {version.isPending ? <Loading label={t("record.loadingItems")} /> : null}
      {version.data && items.length === 0 ? (
        <p className="notice">{t("record.noItems", { respondent: t(`respondent.${respondent}`) })}</p>
      ) : null}
      {items.map((item) => (
        <ItemQuestion
          key={`${respondent}-${item.code}`}
          item={item}
          respondent={respondent}
          value={answers[item.code] ?? null}
          onChange={(value) => setAnswers((current) => ({ ...current, [item.code]: value }))}
        />
      ))}
      <TextAreaField
        label={t("record.comment")}
        description={t("record.commentDescription")}
        name="comment"
      />
      <FormError error={record.error} />
      <DialogActions onCancel={onCancel} submitLabel={t("record.submit")} isPending={record.isPending} />
    </ServerForm>
  );
}

function ItemQuestion({
  item,
  respondent,
  value,
  onChange,
}: {
  item: InstrumentItem;
  respondent: Respondent;
  value: string | null;
  onChange: (value: string) => void;
}) {
  const anchors = new Map(item.scale.anchors.map((anchor) => [anchor.value, anchor.label]));
  const steps = Array.from({ length: item.scale.max - item.scale.min + 1 }, (_, i) => item.scale.min + i);
  return (
    <RadioGroup
      className="field progression-item"
      name={`answers.${item.code}`}
      value={value}
      onChange={onChange}
      isRequired
      orientation="horizontal"
    >
      <Label className="field-label">
        {item.questions[respondent]}
        <span aria-hidden="true"> *</span>
      </Label>
      <Text slot="description" className="field-description">
        {item.group} · {item.label}
      </Text>
      <div
        className="progression-scale"
        // Up to seven steps stay on one line, even on a phone; wider scales wrap.
        style={
          steps.length <= 7 ? { gridTemplateColumns: `repeat(${steps.length}, minmax(0, 1fr))` } : undefined
        }
      >
        {steps.map((step) => (
          <Radio key={step} value={String(step)} className="radio progression-step">
            <span className="radio-dot" aria-hidden="true" />
            <span>
              <span className="progression-step-value">{step}</span>{" "}
              {anchors.has(step) ? (
                <span className="progression-step-anchor">{anchors.get(step)}</span>
              ) : null}
            </span>
          </Radio>
        ))}
      </div>
      <FieldError className="field-error" />
    </RadioGroup>
  );
}
