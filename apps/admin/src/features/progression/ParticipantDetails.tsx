import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import type { Feedback } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { coachesQuery, outcomesQuery, useUpdateParticipant } from "./api";
import { ageLabel } from "./labels";
import type { ParticipantChange, ParticipantDetail } from "./types";

const NO_OUTCOME = "none";

/** What the platform knows about a participant: no name, only the facts the aggregates count by. */
export function ParticipantDetails({
  orgId,
  participant,
  manager,
  onFeedback,
}: {
  orgId: string;
  participant: ParticipantDetail;
  manager: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const outcomes = useQuery(outcomesQuery);
  const outcome = outcomes.data?.find((o) => o.id === participant.outcome)?.label;
  return (
    <section className="card" aria-labelledby="details-heading">
      <div className="progression-section-header">
        <h2 id="details-heading">{t("participant.detailsHeading")}</h2>
        <EditParticipantDialog
          orgId={orgId}
          participant={participant}
          manager={manager}
          onFeedback={onFeedback}
        />
      </div>
      <dl className="facts">
        <dt>{t("participant.intervention")}</dt>
        <dd>{participant.intervention.name}</dd>
        <dt>{t("participant.coach")}</dt>
        <dd>{participant.coach?.name ?? t("participants.noCoach")}</dd>
        <dt>{t("participant.gender")}</dt>
        <dd>{t(`gender.${participant.gender}`)}</dd>
        <dt>{t("participant.age")}</dt>
        <dd>{ageLabel(t, participant.ageBand)}</dd>
        <dt>{t("participant.start")}</dt>
        <dd>{formatDate(participant.startDate)}</dd>
        <dt>{t("participant.end")}</dt>
        <dd>{participant.endDate ? formatDate(participant.endDate) : t("participant.notEnded")}</dd>
        {participant.endDate ? (
          <>
            <dt>{t("participant.outcome")}</dt>
            <dd>{outcome ?? t("participant.outcomeNone")}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}

function EditParticipantDialog({
  orgId,
  participant,
  manager,
  onFeedback,
}: {
  orgId: string;
  participant: ParticipantDetail;
  manager: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  return (
    <FormDialog
      title={t("participant.editTitle", { code: participant.code })}
      trigger={<Button variant="secondary">{t("participant.edit")}</Button>}
    >
      {(close) => (
        <EditParticipantForm
          orgId={orgId}
          participant={participant}
          manager={manager}
          onDone={() => {
            close();
            onFeedback({ kind: "success", text: t("participant.saved") });
          }}
          onCancel={close}
        />
      )}
    </FormDialog>
  );
}

/** The end date and outcome; a manager also moves the participant to another handledare. */
function EditParticipantForm({
  orgId,
  participant,
  manager,
  onDone,
  onCancel,
}: {
  orgId: string;
  participant: ParticipantDetail;
  manager: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation("progression");
  const update = useUpdateParticipant(orgId, participant);
  const outcomes = useQuery(outcomesQuery);
  const coaches = useQuery({ ...coachesQuery(orgId), enabled: manager });
  const [coach, setCoach] = useState(participant.coach?.id ?? null);
  const [outcome, setOutcome] = useState(participant.outcome ?? NO_OUTCOME);
  return (
    <ServerForm
      error={update.error}
      onEdit={update.reset}
      onSubmit={(event) => {
        event.preventDefault();
        const endDate = String(new FormData(event.currentTarget).get("endDate") ?? "");
        const body: ParticipantChange = {
          endDate: endDate || null,
          outcome: endDate && outcome !== NO_OUTCOME ? (outcome as ParticipantChange["outcome"]) : null,
        };
        if (manager && coach && coach !== participant.coach?.id) body.coachUserId = coach;
        update.mutate(body, { onSuccess: onDone });
      }}
    >
      {manager ? (
        <SelectField
          label={t("form.coach")}
          name="coachUserId"
          options={coaches.data ?? []}
          value={coach}
          onChange={setCoach}
        />
      ) : null}
      <TextField
        label={t("participant.endDate")}
        description={t("participant.endDateDescription")}
        name="endDate"
        type="date"
        defaultValue={participant.endDate ?? ""}
      />
      <SelectField
        label={t("participant.outcomeLabel")}
        name="outcome"
        options={[{ id: NO_OUTCOME, label: t("participant.outcomeNone") }, ...(outcomes.data ?? [])]}
        value={outcome}
        onChange={setOutcome}
      />
      <FormError error={update.error} />
      <DialogActions onCancel={onCancel} isPending={update.isPending} />
    </ServerForm>
  );
}
