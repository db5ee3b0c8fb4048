import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Feedback } from "../../components/Feedback";
import { CheckboxField, TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { endOfDayInStockholm } from "../../lib/stockholm";
import type { Training } from "./api";
import { stockholmDay } from "./format";
import { type EventSignup, eventSignupQuery, useSaveEventSignup } from "./signup-api";
import "./i18n";

/**
 * The förbund's own event opened for people to sign themselves up on a public page: whether it is open,
 * the last day, the consent text they accept, and the page's address to share. Only for the event's
 * owner with `trainings:manage`; nothing for anyone else or a BIP/SKAPA training.
 */
export function PublicSignupSection({
  orgId,
  training,
  manages,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  manages: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const signup = useQuery({
    ...eventSignupQuery(orgId, training.id),
    enabled: manages && training.kind === "event",
  });
  if (!manages || training.kind !== "event") return null;
  return (
    <section className="card" aria-labelledby="public-signup-heading">
      <h2 id="public-signup-heading">{t("publicSignup.heading")}</h2>
      <p className="muted">{t("publicSignup.intro")}</p>
      <QueryView query={signup}>
        {(current) => (
          <SignupForm orgId={orgId} training={training} current={current} onFeedback={onFeedback} />
        )}
      </QueryView>
    </section>
  );
}

function SignupForm({
  orgId,
  training,
  current,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  current: EventSignup;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const save = useSaveEventSignup(orgId, training.id);
  const [open, setOpen] = useState(current.open);
  return (
    <>
      <p role="status">
        {current.open
          ? current.closesAt
            ? t("publicSignup.openUntil", { date: formatDateTime(current.closesAt) })
            : t("publicSignup.open")
          : t("publicSignup.closed")}
      </p>
      {current.open ? <PublicAddress url={current.publicUrl} /> : null}
      <ServerForm
        error={save.error}
        onEdit={save.reset}
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const lastDay = String(data.get("lastDay") ?? "");
          save.mutate(
            {
              open,
              closesAt: lastDay ? endOfDayInStockholm(lastDay) : null,
              consentText: String(data.get("consentText") ?? ""),
            },
            {
              onSuccess: (after) =>
                onFeedback({
                  kind: "success",
                  text: after.open ? t("publicSignup.savedOpen") : t("publicSignup.savedClosed"),
                }),
            },
          );
        }}
      >
        <FormError error={save.error} />
        <CheckboxField isSelected={open} onChange={setOpen}>
          {t("publicSignup.openLabel")}
        </CheckboxField>
        <TextField
          name="lastDay"
          type="date"
          label={t("publicSignup.lastDay")}
          description={t("publicSignup.lastDayHint")}
          defaultValue={current.closesAt ? stockholmDay(current.closesAt) : undefined}
        />
        <TextAreaField
          name="consentText"
          label={t("publicSignup.consentText")}
          description={t("publicSignup.consentHint")}
          defaultValue={current.consentText}
          isRequired
        />
        <div className="cell-actions">
          <Button type="submit" isDisabled={save.isPending}>
            {t("publicSignup.save")}
          </Button>
        </div>
      </ServerForm>
    </>
  );
}

/** The public page's address as a link, with a button that copies it and says whether that worked. */
function PublicAddress({ url }: { url: string }) {
  const { t } = useTranslation("trainings");
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="form-row" style={{ alignItems: "center", marginBottom: "var(--space-4)" }}>
      <p style={{ overflowWrap: "anywhere", margin: 0 }}>
        {t("publicSignup.address")}{" "}
        <a href={url} target="_blank" rel="noreferrer">
          {url}
        </a>
      </p>
      <Button
        variant="secondary"
        onPress={() => {
          setCopy("idle");
          navigator.clipboard.writeText(url).then(
            () => setCopy("copied"),
            () => setCopy("failed"),
          );
        }}
      >
        {t("publicSignup.copy")}
      </Button>
      <span role="status">
        {copy === "copied" ? t("publicSignup.copied") : copy === "failed" ? t("publicSignup.copyFailed") : ""}
      </span>
    </div>
  );
}
