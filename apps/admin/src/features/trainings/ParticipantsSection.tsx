import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import type { Feedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { RowButton } from "../../components/ui";
import { type Participant, participantsQuery, type Training, useCancelRegistration } from "./api";
import { RegistrationStatus } from "./badges";
import "./i18n";
import { WaitingLists } from "./WaitingLists";

type Registration = Participant["registrations"][number];

/** The förbund's own participants (the owner sees everyone's) with their place per session. */
export function ParticipantsSection({
  orgId,
  training,
  canCancel,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  canCancel: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const trainingId = training.id;
  const participants = useQuery(participantsQuery(orgId, trainingId));
  const cancel = useCancelRegistration(orgId, trainingId);
  const cancelRegistration = (participant: Participant, registration: Registration) =>
    cancel.mutateAsync(
      { participant, registration },
      {
        onSuccess: () =>
          onFeedback({
            kind: "success",
            text: t("participants.cancelled", {
              name: participant.name,
              session: sessionTitle(registration.sessionId),
            }),
          }),
      },
    );
  const sessionTitle = (sessionId: string) =>
    training.sessions.find((s) => s.id === sessionId)?.title ?? t("participants.unknownSession");
  const organizationName = (id: string) =>
    training.parties.find((p) => p.organizationId === id)?.organizationName ?? "";
  const sessionOrder = (sessionId: string) => training.sessions.findIndex((s) => s.id === sessionId);
  const open = training.status !== "completed" && training.status !== "cancelled";
  return (
    <section className="card" aria-labelledby="participants-heading">
      <h2 id="participants-heading">
        {training.viewer.isOwner ? t("participants.headingAll") : t("participants.heading")}
      </h2>
      <QueryView query={participants} isEmpty={(data) => data.length === 0} empty={t("participants.empty")}>
        {(data) => (
          <>
            <WaitingLists training={training} participants={data} />
            <DataTable
              labelledBy="participants-heading"
              rows={data}
              rowKey={(participant) => participant.id}
              columns={[
                {
                  id: "person",
                  header: t("participants.columns.person"),
                  rowHeader: true,
                  cell: (participant) => (
                    <span className="stack">
                      <span>{participant.name}</span>
                      <span className="muted session-time wrap-anywhere">{participant.email}</span>
                      {participant.employer ? (
                        <span className="muted session-time">{participant.employer}</span>
                      ) : null}
                    </span>
                  ),
                },
                ...(training.viewer.isOwner
                  ? [
                      {
                        id: "organization",
                        header: t("participants.columns.organization"),
                        cell: (participant: Participant) => organizationName(participant.organizationId),
                      },
                    ]
                  : []),
                {
                  id: "sessions",
                  header: t("participants.columns.sessions"),
                  cell: (participant) => (
                    <ul className="plain-list">
                      {[...participant.registrations]
                        .sort((a, b) => sessionOrder(a.sessionId) - sessionOrder(b.sessionId))
                        .map((registration) => (
                          <li key={registration.id}>
                            {sessionTitle(registration.sessionId)}:{" "}
                            <RegistrationStatus registration={registration} />
                            {registration.attended !== null ? (
                              <span className="muted">
                                {" "}
                                {registration.attended
                                  ? t("participants.attended")
                                  : t("participants.absent")}
                              </span>
                            ) : null}
                            {canCancel && open && registration.status !== "cancelled" ? (
                              <>
                                {" "}
                                <ConfirmDialog
                                  trigger={
                                    <RowButton
                                      variant="ghost"
                                      label={t("participants.cancel")}
                                      aria-label={t("participants.cancelLabel", {
                                        name: participant.name,
                                        session: sessionTitle(registration.sessionId),
                                      })}
                                    />
                                  }
                                  title={t("participants.cancelTitle", {
                                    name: participant.name,
                                    session: sessionTitle(registration.sessionId),
                                  })}
                                  confirmLabel={t("participants.cancelConfirm")}
                                  isPending={cancel.isPending}
                                  onConfirm={() => cancelRegistration(participant, registration)}
                                >
                                  <p>
                                    {registration.status === "confirmed"
                                      ? t("participants.cancelBodyConfirmed")
                                      : t("participants.cancelBodyWaiting")}
                                  </p>
                                </ConfirmDialog>
                              </>
                            ) : null}
                          </li>
                        ))}
                    </ul>
                  ),
                },
              ]}
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
