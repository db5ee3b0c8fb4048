import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CheckboxGroupField } from "../../components/choice";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button, PageHeader, TextField } from "../../components/ui";
import {
  interventionInstrumentsQuery,
  interventionsQuery,
  settingsQuery,
  useSaveSettings,
  useSetInterventionInstruments,
} from "./api";
import { instrumentsQuery } from "./instruments-api";
import type { Instrument, ProgressionSettings } from "./types";
import "./i18n";
import "./progression.css";

const route = getRouteApi("/app/o/$orgId/progression/installningar");

/** The förbund's retention window and, per insats, the instrument versions its handledare measure with. */
export function SettingsPage() {
  const { orgId } = route.useParams();
  const { t } = useTranslation("progression");
  const settings = useQuery(settingsQuery(orgId));
  const { feedback, show } = useFeedback();
  return (
    <>
      <p>
        <Link to="/o/$orgId/deltagare" params={{ orgId }}>
          {t("participant.back")}
        </Link>
      </p>
      <PageHeader title={t("settings.title")} description={t("settings.description")} />
      <FeedbackRegion feedback={feedback} />
      <section className="card" aria-labelledby="retention-heading">
        <h2 id="retention-heading">{t("settings.retentionHeading")}</h2>
        <QueryView query={settings}>
          {(data) => <RetentionForm orgId={orgId} settings={data} onFeedback={show} />}
        </QueryView>
      </section>
      <InterventionInstruments orgId={orgId} onFeedback={show} />
    </>
  );
}

function RetentionForm({
  orgId,
  settings,
  onFeedback,
}: {
  orgId: string;
  settings: ProgressionSettings;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const save = useSaveSettings(orgId);
  return (
    <ServerForm
      error={save.error}
      onEdit={save.reset}
      onSubmit={(event) => {
        event.preventDefault();
        const months = Number(new FormData(event.currentTarget).get("retentionMonths"));
        save.mutate(
          { retentionMonths: months },
          {
            onSuccess: () => onFeedback({ kind: "success", text: t("settings.retentionSaved", { months }) }),
          },
        );
      }}
    >
      <TextField
        label={t("settings.retentionMonths")}
        description={t("settings.retentionDescription")}
        name="retentionMonths"
        inputMode="numeric"
        defaultValue={String(settings.retentionMonths)}
        isRequired
      />
      <FormError error={save.error} />
      <p>
        <Button type="submit" isPending={save.isPending}>
          {t("settings.retentionSave")}
        </Button>
      </p>
    </ServerForm>
  );
}

/** Published versions the förbund may choose: its own and NNS's national instruments, not archived ones. */
function choosable(instruments: readonly Instrument[], label: (name: string, n: number) => string) {
  return instruments
    .filter((instrument) => !instrument.archivedAt)
    .flatMap((instrument) =>
      instrument.versions
        .filter((v) => v.status === "published")
        .map((v) => ({ id: v.id, label: label(instrument.name, v.number) })),
    );
}

function InterventionInstruments({
  orgId,
  onFeedback,
}: {
  orgId: string;
  onFeedback: (f: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const interventions = useQuery(interventionsQuery(orgId));
  const instruments = useQuery(instrumentsQuery(orgId));
  const options = choosable(instruments.data?.data ?? [], (name, number) =>
    t("versionName", { name, number }),
  );
  return (
    <section className="card" aria-labelledby="intervention-instruments-heading">
      <h2 id="intervention-instruments-heading">{t("settings.instrumentsHeading")}</h2>
      <p>{t("settings.instrumentsIntro")}</p>
      <QueryView
        query={interventions}
        isEmpty={(list) => list.length === 0}
        empty={t("settings.noInterventions")}
      >
        {(list) =>
          options.length === 0 ? (
            <p className="notice">{t("settings.noVersions")}</p>
          ) : (
            list.map((intervention) => (
              <InterventionChoice
                key={intervention.id}
                orgId={orgId}
                intervention={intervention}
                options={options}
                onFeedback={onFeedback}
              />
            ))
          )
        }
      </QueryView>
    </section>
  );
}

function InterventionChoice({
  orgId,
  intervention,
  options,
  onFeedback,
}: {
  orgId: string;
  intervention: { id: string; name: string };
  options: { id: string; label: string }[];
  onFeedback: (f: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const chosen = useQuery(interventionInstrumentsQuery(orgId, intervention.id));
  const [value, setValue] = useState<string[] | null>(null);
  const save = useSetInterventionInstruments(orgId, intervention.id);
  const current = value ?? chosen.data?.items.map((v) => v.id) ?? [];
  return (
    <ServerForm
      className="progression-intervention-choice"
      error={save.error}
      onEdit={save.reset}
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(current, {
          onSuccess: () => {
            setValue(null);
            onFeedback({
              kind: "success",
              text: t("settings.instrumentsSaved", { name: intervention.name }),
            });
          },
        });
      }}
    >
      <CheckboxGroupField
        label={t("settings.interventionInstruments", { name: intervention.name })}
        name="versionIds"
        options={options}
        value={current}
        onChange={setValue}
      />
      <FormError error={save.error} />
      <Button type="submit" variant="secondary" isPending={save.isPending} isDisabled={chosen.isPending}>
        {t("settings.instrumentsSave", { name: intervention.name })}
      </Button>
    </ServerForm>
  );
}
