import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { DialogActions } from "../../components/DialogActions";
import { TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button, PageHeader, TextField } from "../../components/ui";
import { optional } from "../../lib/format";
import { InstrumentBadges } from "./InstrumentBadges";
import { instrumentsQuery, useCreateInstrument } from "./instruments-api";
import type { Instrument } from "./types";
import "./i18n";
import "./progression.css";

const route = getRouteApi("/app/o/$orgId/instrument");

/** The newest published version of an instrument, the one new measurements use. */
function latestPublished(instrument: Instrument) {
  return [...instrument.versions]
    .filter((v) => v.status === "published")
    .sort((a, b) => b.number - a.number)[0];
}

/** The instruments the organization owns and the national ones NNS publishes, and creating a new one. */
export function InstrumentsPage() {
  const { orgId } = route.useParams();
  const { t } = useTranslation("progression");
  const instruments = useQuery(instrumentsQuery(orgId));
  return (
    <>
      <PageHeader
        title={t("instruments.title")}
        description={t("instruments.description")}
        actions={<CreateInstrumentDialog orgId={orgId} />}
      />
      <section className="card">
        <h2 id="instruments-heading">{t("instruments.listHeading")}</h2>
        <QueryView
          query={instruments}
          isEmpty={(page) => page.data.length === 0}
          empty={t("instruments.empty")}
        >
          {(page) => (
            <DataTable
              labelledBy="instruments-heading"
              rows={page.data}
              rowKey={(instrument) => instrument.id}
              columns={[
                {
                  id: "name",
                  header: t("instruments.columns.name"),
                  rowHeader: true,
                  cell: (instrument) => (
                    <>
                      <Link
                        to="/o/$orgId/instrument/$instrumentId"
                        params={{ orgId, instrumentId: instrument.id }}
                      >
                        {instrument.name}
                      </Link>{" "}
                      <InstrumentBadges instrument={instrument} />
                    </>
                  ),
                },
                { id: "owner", header: t("instruments.columns.owner"), cell: (i) => i.owner.name },
                {
                  id: "status",
                  header: t("instruments.columns.status"),
                  cell: (instrument) => {
                    const latest = latestPublished(instrument);
                    return latest
                      ? t("instruments.latestPublished", { number: latest.number })
                      : t("instruments.noPublished");
                  },
                },
                {
                  id: "versions",
                  header: t("instruments.columns.versions"),
                  className: "amount",
                  cell: (instrument) => instrument.versions.length,
                },
              ]}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}

function CreateInstrumentDialog({ orgId }: { orgId: string }) {
  const { t } = useTranslation("progression");
  const navigate = useNavigate();
  const create = useCreateInstrument(orgId);
  return (
    <FormDialog
      title={t("instruments.createTitle")}
      trigger={<Button>{t("instruments.create")}</Button>}
      onOpenChange={() => create.reset()}
    >
      {(close) => (
        <ServerForm
          error={create.error}
          onEdit={create.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            create.mutate(
              {
                key: String(form.get("key") ?? "").trim(),
                name: String(form.get("name") ?? "").trim(),
                description: optional(form.get("description")),
              },
              {
                onSuccess: (instrument) =>
                  navigate({
                    to: "/o/$orgId/instrument/$instrumentId",
                    params: { orgId, instrumentId: instrument.id },
                  }),
              },
            );
          }}
        >
          <TextField label={t("instruments.name")} name="name" isRequired />
          <TextField
            label={t("instruments.key")}
            description={t("instruments.keyDescription")}
            name="key"
            isRequired
          />
          <TextAreaField label={t("instruments.descriptionField")} name="description" />
          <FormError error={create.error} />
          <DialogActions
            onCancel={close}
            submitLabel={t("instruments.createSubmit")}
            isPending={create.isPending}
          />
        </ServerForm>
      )}
    </FormDialog>
  );
}
