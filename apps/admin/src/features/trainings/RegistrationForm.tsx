import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxGroupField, SelectField } from "../../components/choice";
import type { Feedback } from "../../components/Feedback";
import { CheckboxField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { seatsQuery, type Training, useRegisterParticipant } from "./api";
import { formatSessionTime, optional } from "./format";
import "./i18n";

type Gender = "woman" | "man" | "other";
const NOT_STATED = "not_stated";

/**
 * A förbund registers one of its people for one or more sessions. Seats left for the förbund are shown
 * per session; a full session puts the person on its waiting list.
 */
export function RegistrationForm({
  orgId,
  training,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const trainingId = training.id;
  const seats = useQuery(seatsQuery(orgId, trainingId));
  const [formKey, setFormKey] = useState(0);
  const [sessionIds, setSessionIds] = useState<string[]>([]);
  const [gender, setGender] = useState<string>(NOT_STATED);
  const [consent, setConsent] = useState(false);
  const register = useRegisterParticipant(orgId, trainingId);
  const open = training.status === "planned" || training.status === "confirmed";
  const now = Date.now();
  const upcoming = training.sessions.filter((s) => new Date(s.endsAt).getTime() > now);
  const seatsText = (sessionId: string) => {
    const row = seats.data?.find((s) => s.sessionId === sessionId);
    if (!row) return "";
    if (row.seatsLeftForYou === null) return t("register.seatsUnlimited");
    if (row.seatsLeftForYou <= 0) return t("register.full", { count: row.waitlisted });
    return t("register.seatsLeft", { count: row.seatsLeftForYou });
  };
  return (
    <section className="card" aria-labelledby="register-heading">
      <h2 id="register-heading">{t("register.heading")}</h2>
      {!open ? (
        <p className="muted">{t("register.closed")}</p>
      ) : upcoming.length === 0 ? (
        <p className="muted">{t("register.noSessions")}</p>
      ) : (
        <ServerForm
          key={formKey}
          error={register.error}
          onEdit={register.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            register.mutate(
              {
                name: String(data.get("name") ?? "").trim(),
                email: String(data.get("email") ?? "").trim(),
                employer: optional(data.get("employer")),
                jobTitle: optional(data.get("jobTitle")),
                gender: gender === NOT_STATED ? null : (gender as Gender),
                contactConsent: consent,
                sessionIds,
              },
              {
                onSuccess: (participant) => {
                  const confirmed = participant.registrations.filter((r) => r.status === "confirmed").length;
                  const waitlisted = participant.registrations.filter(
                    (r) => r.status === "waitlisted",
                  ).length;
                  onFeedback({
                    kind: "success",
                    text: [
                      t("register.done", { name: participant.name }),
                      confirmed > 0 ? t("register.confirmed", { count: confirmed }) : "",
                      waitlisted > 0 ? t("register.waitlisted", { count: waitlisted }) : "",
                    ]
                      .filter(Boolean)
                      .join(" "),
                  });
                  setFormKey((k) => k + 1);
                  setSessionIds([]);
                  setGender(NOT_STATED);
                  setConsent(false);
                },
              },
            );
          }}
        >
          <p className="muted">{t("register.intro")}</p>
          <FormError error={register.error} />
          <div className="form-row">
            <TextField name="name" label={t("register.name")} autoComplete="off" isRequired />
            <TextField name="email" type="email" label={t("register.email")} autoComplete="off" isRequired />
          </div>
          <div className="form-row">
            <TextField
              name="employer"
              label={t("register.employer")}
              description={t("register.employerHint")}
            />
            <TextField name="jobTitle" label={t("register.jobTitle")} />
          </div>
          <div className="form-row">
            <SelectField
              label={t("register.gender")}
              description={t("register.genderHint")}
              options={[
                { id: NOT_STATED, label: t("gender.not_stated") },
                ...(["woman", "man", "other"] as const).map((id) => ({ id, label: t(`gender.${id}`) })),
              ]}
              value={gender}
              onChange={setGender}
            />
          </div>
          <CheckboxGroupField
            name="sessionIds"
            label={t("register.sessions")}
            options={upcoming.map((session) => ({
              id: session.id,
              label: `${session.title}, ${formatSessionTime(session.startsAt, session.endsAt)} – ${seatsText(session.id)}`,
            }))}
            value={sessionIds}
            onChange={setSessionIds}
            isRequired
          />
          <CheckboxField isSelected={consent} onChange={setConsent}>
            {t("register.consent")}
          </CheckboxField>
          <div>
            <Button type="submit" isDisabled={register.isPending}>
              {t("register.submit")}
            </Button>
          </div>
        </ServerForm>
      )}
    </section>
  );
}
