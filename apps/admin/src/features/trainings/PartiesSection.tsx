import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import type { Feedback } from "../../components/Feedback";
import { ScrollableTable } from "../../components/ScrollableTable";
import { ServerForm } from "../../components/ServerForm";
import { EmptyState, FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { api, call } from "../../lib/api";
import { optional } from "./format";
import { invalidateTraining, type Training } from "./queries";
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
      {training.parties.length === 0 ? (
        <EmptyState>{t("parties.empty")}</EmptyState>
      ) : (
        <ScrollableTable labelledBy="parties-heading">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("parties.columns.organization")}</th>
                <th scope="col">{t("parties.columns.seats")}</th>
                <th scope="col">{t("parties.columns.contact")}</th>
                {editable ? <th scope="col">{t("parties.columns.actions")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {training.parties.map((party) => (
                <tr key={party.organizationId}>
                  <th scope="row">{party.organizationName}</th>
                  <td>{party.seats ?? t("parties.noAllocation")}</td>
                  <td>{party.contactEmail ?? "–"}</td>
                  {editable ? (
                    <td>
                      <SeatsDialog orgId={orgId} training={training} party={party} onFeedback={onFeedback} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollableTable>
      )}
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
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: { seats: number | null; contactEmail: string | null }) =>
      call(
        api.PUT("/orgs/{orgId}/trainings/{trainingId}/parties/{partyId}", {
          params: { path: { orgId, trainingId: training.id, partyId: party.organizationId } },
          body,
        }),
      ),
    onSuccess: () => invalidateTraining(queryClient, orgId, training.id),
  });
  return (
    <FormDialog
      title={t("parties.editTitle", { name: party.organizationName })}
      trigger={
        <Button
          variant="secondary"
          className="btn-small"
          aria-label={t("parties.editLabel", { name: party.organizationName })}
        >
          {t("parties.edit")}
        </Button>
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
          <div className="dialog-actions">
            <Button variant="secondary" onPress={close}>
              {tc("cancel")}
            </Button>
            <Button type="submit" isDisabled={save.isPending}>
              {tc("save")}
            </Button>
          </div>
        </ServerForm>
      )}
    </FormDialog>
  );
}

const forbundQuery = {
  queryKey: ["organizations", "forbund-options"],
  queryFn: async () =>
    (await call(api.GET("/organizations", { params: { query: { limit: 200 } } }))).data.filter(
      (o) => o.kind === "forbund",
    ),
  staleTime: 5 * 60_000,
};

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
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const organizations = useQuery(forbundQuery);
  const [partyId, setPartyId] = useState<string | null>(null);
  const options = (organizations.data ?? [])
    .filter((o) => !training.parties.some((p) => p.organizationId === o.id))
    .map((o) => ({ id: o.id, label: o.name }));
  const add = useMutation({
    mutationFn: (body: { partyId: string; seats: number | null; contactEmail: string | null }) =>
      call(
        api.PUT("/orgs/{orgId}/trainings/{trainingId}/parties/{partyId}", {
          params: { path: { orgId, trainingId: training.id, partyId: body.partyId } },
          body: { seats: body.seats, contactEmail: body.contactEmail },
        }),
      ),
    onSuccess: () => invalidateTraining(queryClient, orgId, training.id),
  });
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
          <div className="dialog-actions">
            <Button variant="secondary" onPress={close}>
              {tc("cancel")}
            </Button>
            <Button type="submit" isDisabled={add.isPending || !partyId}>
              {t("parties.addSubmit")}
            </Button>
          </div>
        </ServerForm>
      )}
    </FormDialog>
  );
}
