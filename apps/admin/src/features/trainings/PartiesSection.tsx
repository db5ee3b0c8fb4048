import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
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
  onFeedback,
}: {
  orgId: string;
  training: Training;
  manages: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const editable = manages && training.status !== "completed" && training.status !== "cancelled";
  return (
    <section className="card" aria-labelledby="parties-heading">
      <h2 id="parties-heading">{t("parties.heading")}</h2>
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
