import { useQuery, useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { DialogActions } from "../../components/DialogActions";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { CheckboxField, TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Badge, Button, PageHeader, TextField } from "../../components/ui";
import { formatDate, optional } from "../../lib/format";
import { ImportVersionDialog } from "./ImportVersionDialog";
import { InstrumentBadges } from "./InstrumentBadges";
import { instrumentQuery, useCreateVersion, useUpdateInstrument, versionQuery } from "./instruments-api";
import type { Instrument } from "./types";
import "./i18n";
import "./progression.css";

const route = getRouteApi("/app/o/$orgId/instrument/$instrumentId");

const STATUS_TONE = { draft: "neutral", published: "success", retired: "warning" } as const;

export function InstrumentPage() {
  const { orgId, instrumentId } = route.useParams();
  return <InstrumentView key={`${orgId}/${instrumentId}`} orgId={orgId} instrumentId={instrumentId} />;
}

/** One instrument: what it is, its versions, and for its owner editing, new versions and imports. */
function InstrumentView({ orgId, instrumentId }: { orgId: string; instrumentId: string }) {
  const { t } = useTranslation("progression");
  const instrument = useQuery(instrumentQuery(orgId, instrumentId));
  const { feedback, show } = useFeedback();
  return (
    <>
      <p>
        <Link to="/o/$orgId/instrument" params={{ orgId }}>
          {t("instruments.back")}
        </Link>
      </p>
      <QueryView query={instrument}>
        {(data) => (
          <>
            <PageHeader
              title={data.name}
              description={data.description ?? undefined}
              actions={
                data.isOwn ? (
                  <>
                    <NewVersionButton orgId={orgId} instrument={data} />
                    <ImportVersionDialog orgId={orgId} instrumentId={data.id} />
                    <EditInstrumentDialog orgId={orgId} instrument={data} onFeedback={show} />
                  </>
                ) : null
              }
            />
            <FeedbackRegion feedback={feedback} />
            <section className="card" aria-labelledby="instrument-about-heading">
              <h2 id="instrument-about-heading">{t("instruments.aboutHeading")}</h2>
              <p>
                <InstrumentBadges instrument={data} />
              </p>
              <dl className="facts">
                <dt>{t("instruments.owner")}</dt>
                <dd>{data.owner.name}</dd>
                <dt>{t("instruments.key")}</dt>
                <dd>{data.key}</dd>
              </dl>
            </section>
            <section className="card">
              <h2 id="versions-heading">{t("instruments.versionsHeading")}</h2>
              <DataTable
                labelledBy="versions-heading"
                rows={[...data.versions].sort((a, b) => b.number - a.number)}
                rowKey={(v) => v.id}
                columns={[
                  {
                    id: "number",
                    header: t("instruments.versionColumns.number"),
                    rowHeader: true,
                    cell: (v) => (
                      <Link
                        to="/o/$orgId/instrument/$instrumentId/versioner/$versionId"
                        params={{ orgId, instrumentId: data.id, versionId: v.id }}
                      >
                        {t("instruments.versionLink", { number: v.number })}
                      </Link>
                    ),
                  },
                  {
                    id: "status",
                    header: t("instruments.versionColumns.status"),
                    cell: (v) => <Badge tone={STATUS_TONE[v.status]}>{t(`versionStatus.${v.status}`)}</Badge>,
                  },
                  {
                    id: "published",
                    header: t("instruments.versionColumns.published"),
                    noWrap: true,
                    cell: (v) => formatDate(v.publishedAt),
                  },
                  {
                    id: "participantItems",
                    header: t("instruments.versionColumns.participantItems"),
                    className: "amount",
                    cell: (v) => v.participantItemCount,
                  },
                  {
                    id: "coachItems",
                    header: t("instruments.versionColumns.coachItems"),
                    className: "amount",
                    cell: (v) => v.coachItemCount,
                  },
                ]}
              />
            </section>
          </>
        )}
      </QueryView>
    </>
  );
}

/** A new draft that starts as a copy of the newest version, to change in the editor. */
function NewVersionButton({ orgId, instrument }: { orgId: string; instrument: Instrument }) {
  const { t } = useTranslation("progression");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateVersion(orgId, instrument.id);
  const [error, setError] = useState<unknown>(null);
  const latest = [...instrument.versions].sort((a, b) => b.number - a.number)[0];
  if (!latest) return null;
  return (
    <>
      <Button
        variant="secondary"
        isPending={create.isPending}
        onPress={async () => {
          setError(null);
          try {
            const source = await queryClient.fetchQuery(versionQuery(orgId, instrument.id, latest.id));
            const draft = await create.mutateAsync({ definition: source.definition });
            await navigate({
              to: "/o/$orgId/instrument/$instrumentId/versioner/$versionId",
              params: { orgId, instrumentId: instrument.id, versionId: draft.id },
            });
          } catch (failure) {
            setError(failure);
          }
        }}
      >
        {t("instruments.newVersion", { number: latest.number })}
      </Button>
      <FormError error={error} />
    </>
  );
}

function EditInstrumentDialog({
  orgId,
  instrument,
  onFeedback,
}: {
  orgId: string;
  instrument: Instrument;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("progression");
  const update = useUpdateInstrument(orgId, instrument);
  const [placeholder, setPlaceholder] = useState(instrument.placeholder);
  const [archived, setArchived] = useState(instrument.archivedAt !== null);
  return (
    <FormDialog
      title={t("instruments.editTitle", { name: instrument.name })}
      trigger={<Button variant="secondary">{t("instruments.edit")}</Button>}
      onOpenChange={() => {
        update.reset();
        setPlaceholder(instrument.placeholder);
        setArchived(instrument.archivedAt !== null);
      }}
    >
      {(close) => (
        <ServerForm
          error={update.error}
          onEdit={update.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            update.mutate(
              {
                name: String(form.get("name") ?? "").trim(),
                description: optional(form.get("description")),
                placeholder,
                archived,
              },
              {
                onSuccess: () => {
                  close();
                  onFeedback({ kind: "success", text: t("instruments.saved") });
                },
              },
            );
          }}
        >
          <TextField label={t("instruments.name")} name="name" isRequired defaultValue={instrument.name} />
          <TextAreaField
            label={t("instruments.descriptionField")}
            name="description"
            defaultValue={instrument.description ?? ""}
          />
          <CheckboxField isSelected={placeholder} onChange={setPlaceholder}>
            {t("instruments.placeholderField")}
          </CheckboxField>
          <CheckboxField isSelected={archived} onChange={setArchived}>
            {t("instruments.archivedField")}
          </CheckboxField>
          <FormError error={update.error} />
          <DialogActions onCancel={close} isPending={update.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
