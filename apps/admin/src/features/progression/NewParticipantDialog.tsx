import { AGE_BANDS, PARTICIPANT_GENDERS } from "@nns/domain";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import { RadioGroupField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { todayInStockholm } from "../../lib/stockholm";
import { coachesQuery, interventionsQuery, useCreateParticipant } from "./api";
import type { Gender, ParticipantInput } from "./types";
import "./i18n";

type AgeKind = "birthYear" | "ageBand" | "unknown";

/**
 * Registering a participant: the insats, gender and age (a birth year, or only a band when that is all the
 * förbund records), the start date, and for a manager the handledare. The code comes from the API.
 */
export function NewParticipantDialog({ orgId, manager }: { orgId: string; manager: boolean }) {
  const { t } = useTranslation("progression");
  const navigate = useNavigate();
  const create = useCreateParticipant(orgId);
  const interventions = useQuery(interventionsQuery(orgId));
  const coaches = useQuery({ ...coachesQuery(orgId), enabled: manager });
  const [gender, setGender] = useState<Gender>("not_stated");
  const [ageKind, setAgeKind] = useState<AgeKind>("birthYear");
  return (
    <FormDialog
      title={t("form.title")}
      trigger={<Button>{t("participants.create")}</Button>}
      onOpenChange={() => create.reset()}
    >
      {(close) => (
        <ServerForm
          error={create.error}
          onEdit={create.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            const body: ParticipantInput = {
              interventionId: String(form.get("interventionId") ?? ""),
              gender,
              startDate: String(form.get("startDate") ?? ""),
            };
            const coach = String(form.get("coachUserId") ?? "");
            if (manager && coach) body.coachUserId = coach;
            if (ageKind === "birthYear") body.birthYear = Number(form.get("birthYear"));
            if (ageKind === "ageBand")
              body.ageBand = String(form.get("ageBand") ?? "") as ParticipantInput["ageBand"];
            create.mutate(body, {
              onSuccess: (participant) =>
                navigate({
                  to: "/o/$orgId/deltagare/$participantId",
                  params: { orgId, participantId: participant.id },
                  state: { participantCreated: participant.code },
                }),
            });
          }}
        >
          <p>{t("form.intro")}</p>
          {interventions.data && interventions.data.length === 0 ? (
            <p className="notice">{t("form.noInterventions")}</p>
          ) : null}
          <SelectField
            label={t("form.intervention")}
            name="interventionId"
            isRequired
            options={(interventions.data ?? []).map((i) => ({ id: i.id, label: i.name }))}
          />
          {manager ? (
            <SelectField label={t("form.coach")} name="coachUserId" isRequired options={coaches.data ?? []} />
          ) : null}
          <RadioGroupField
            label={t("form.gender")}
            name="gender"
            value={gender}
            onChange={(value) => setGender(value as Gender)}
            options={PARTICIPANT_GENDERS.map((g) => ({ id: g, label: t(`gender.${g}`) }))}
          />
          <RadioGroupField
            label={t("form.age")}
            name="ageKind"
            value={ageKind}
            onChange={(value) => setAgeKind(value as AgeKind)}
            options={(["birthYear", "ageBand", "unknown"] as const).map((kind) => ({
              id: kind,
              label: t(`form.ageKind.${kind}`),
            }))}
          />
          {ageKind === "birthYear" ? (
            <TextField
              label={t("form.birthYear")}
              description={t("form.birthYearDescription")}
              name="birthYear"
              inputMode="numeric"
              isRequired
            />
          ) : null}
          {ageKind === "ageBand" ? (
            <SelectField
              label={t("form.ageBand")}
              name="ageBand"
              isRequired
              options={AGE_BANDS.map((band) => ({ id: band, label: t(`ageBand.${band}`) }))}
            />
          ) : null}
          <TextField
            label={t("form.startDate")}
            name="startDate"
            type="date"
            isRequired
            defaultValue={todayInStockholm()}
          />
          <FormError error={create.error} />
          <DialogActions onCancel={close} submitLabel={t("form.submit")} isPending={create.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
