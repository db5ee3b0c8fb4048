import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { DialogActions } from "../../components/DialogActions";
import type { Feedback } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, RowButton, TextField } from "../../components/ui";
import { forbundOptionsQuery, type Training, useSetParty } from "./api";
import { optional } from "./format";
import "./i18n";

type Party = Training["parties"][number];

/** The förbund taking part and their seat allocations; the owner changes the allocations. */
export function PartiesSection({
  orgId,
  training,
  manages,
  isNns,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  manages: boolean;
  isNns: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const editable = manages && training.status !== "completed" && training.status !== "cancelled";
  return (
    <section className="card" aria-labelledby="parties-heading">
      <div className="page-header">
        <h2 id="parties-heading">{t("parties.heading")}</h2>
        {editable && isNns ? (
          <div className="page-actions">
            <AddPartyDialog orgId={orgId} training={training} onFeedback={onFeedback} />
          </div>
        ) : null}
      </div>
      <DataTable
        labelledBy="parties-heading"
        rows={training.parties}
        rowKey={(party) => party.organizationId}
        empty={t("parties.empty")}
        columns={[
          {
            id: "organization",
            header: t("parties.columns.organization"),
            rowHeader: true,
            cell: (party) => party.organizationName,
          },
          {
            id: "seats",
            header: t("parties.columns.seats"),
            cell: (party) => party.seats ?? t("parties.noAllocation"),
          },
          { id: "contact", header: t("parties.columns.contact"), cell: (party) => party.contactEmail ?? "–" },
          ...(editable
            ? [
                {
                  id: "actions",
                  header: t("parties.columns.actions"),
                  cell: (party: Party) => (
                    <SeatsDialog orgId={orgId} training={training} party={party} onFeedback={onFeedback} />
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

function SeatsDialog({
  orgId,
  training,
  party,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  party: Party;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const save = useSetParty(orgId, training.id);
  return (
    <FormDialog
      title={t("parties.editTitle", { name: party.organizationName })}
      trigger={
        <RowButton
          label={t("parties.edit")}
          aria-label={t("parties.editLabel", { name: party.organizationName })}
        />
      }
      onOpenChange={() => save.reset()}
    >
      {(close) => (
        <ServerForm
          error={save.error}
          onEdit={save.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const seats = optional(data.get("seats"));
            save.mutate(
              {
                partyId: party.organizationId,
                seats: seats === null ? null : Number(seats),
                contactEmail: optional(data.get("contactEmail")),
              },
              {
                onSuccess: () => {
                  close();
                  onFeedback({ kind: "success", text: t("parties.saved", { name: party.organizationName }) });
                },
              },
            );
          }}
        >
          <FormError error={save.error} />
          <TextField
            name="seats"
            type="number"
            inputMode="numeric"
            label={t("parties.seatsField")}
            description={t("parties.seatsDescription")}
            defaultValue={party.seats?.toString() ?? ""}
            autoFocus
          />
          <TextField
            name="contactEmail"
            type="email"
            label={t("parties.contactField")}
            defaultValue={party.contactEmail ?? ""}
          />
          <DialogActions onCancel={close} isPending={save.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}

/** NNS brings another förbund into the training, with its seats. */
function AddPartyDialog({
  orgId,
  training,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const organizations = useQuery(forbundOptionsQuery);
  const [partyId, setPartyId] = useState<string | null>(null);
  const options = (organizations.data ?? [])
    .filter((o) => !training.parties.some((p) => p.organizationId === o.id))
    .map((o) => ({ id: o.id, label: o.name }));
  const add = useSetParty(orgId, training.id);
  return (
    <FormDialog
      title={t("parties.addTitle")}
      trigger={<Button variant="secondary">{t("parties.add")}</Button>}
      onOpenChange={(open) => {
        if (open) {
          add.reset();
          setPartyId(null);
        }
      }}
    >
      {(close) => (
        <ServerForm
          error={add.error}
          onEdit={add.reset}
          onSubmit={(event) => {
            event.preventDefault();
            if (!partyId) return;
            const data = new FormData(event.currentTarget);
            const seats = optional(data.get("seats"));
            const name = options.find((o) => o.id === partyId)?.label ?? "";
            add.mutate(
              {
                partyId,
                seats: seats === null ? null : Number(seats),
                contactEmail: optional(data.get("contactEmail")),
              },
              {
                onSuccess: () => {
                  close();
                  onFeedback({ kind: "success", text: t("parties.added", { name }) });
                },
              },
            );
          }}
        >
          <FormError error={add.error} />
          <SelectField
            label={t("parties.organizationField")}
            options={options}
            value={partyId}
            onChange={setPartyId}
            isRequired
          />
          <TextField
            name="seats"
            type="number"
            inputMode="numeric"
            label={t("parties.seatsField")}
            description={t("parties.seatsDescription")}
          />
          <TextField name="contactEmail" type="email" label={t("parties.contactField")} />
          <DialogActions
            onCancel={close}
            submitLabel={t("parties.addSubmit")}
            isPending={add.isPending}
            isDisabled={!partyId}
          />
        </ServerForm>
      )}
    </FormDialog>
  );
}
