import { Link } from "@tanstack/react-router";
import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ChartSlot } from "../../components/charts/ChartFigure";
import { DataTable } from "../../components/DataTable";
import type { Feedback } from "../../components/Feedback";
import { RowButton } from "../../components/ui";
import { type Training, type TrainingSession, useRemoveSession } from "./api";
import { formatSessionTime } from "./format";
import { SessionDialog } from "./SessionDialog";
import "./i18n";

/** The seats chart brings recharts: it loads after the table, never with the first page. */
const SeatsChart = lazy(() => import("./SeatsChart"));

/** How and where a session happens: its mode, then the place or the video link. */
export function SessionPlace({
  session,
}: {
  session: Pick<TrainingSession, "mode" | "location" | "videoLink">;
}) {
  const { t } = useTranslation("trainings");
  return (
    <>
      {t(`mode.${session.mode}`)}:{" "}
      {session.mode === "digital" && session.videoLink ? (
        <a href={session.videoLink} rel="noreferrer" target="_blank">
          {t("sessions.videoLink")}
          <span className="visually-hidden"> {t("sessions.opensNewWindow")}</span>
        </a>
      ) : (
        (session.location ?? "–")
      )}
    </>
  );
}

export function SessionsSection({
  orgId,
  training,
  manages,
  isNns,
  canAttend,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  manages: boolean;
  isNns: boolean;
  canAttend: boolean;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const trainingId = training.id;
  const remove = useRemoveSession(orgId, trainingId);
  const removeSession = (session: TrainingSession) =>
    remove.mutateAsync(session, {
      onSuccess: () => onFeedback({ kind: "success", text: t("sessions.removed", { title: session.title }) }),
    });
  const editable = manages && training.status !== "completed" && training.status !== "cancelled";
  return (
    <section className="card" aria-labelledby="sessions-heading">
      <div className="page-header">
        <h2 id="sessions-heading">{t("sessions.heading")}</h2>
        {editable ? (
          <div className="page-actions">
            <SessionDialog orgId={orgId} training={training} isNns={isNns} onFeedback={onFeedback} />
          </div>
        ) : null}
      </div>
      <DataTable
        labelledBy="sessions-heading"
        rows={training.sessions}
        rowKey={(session) => session.id}
        empty={t("sessions.empty")}
        columns={[
          {
            id: "session",
            header: t("sessions.columns.session"),
            rowHeader: true,
            cell: (session) => (
              <span className="stack">
                <span>{session.title}</span>
                <span className="nowrap session-time">
                  {formatSessionTime(session.startsAt, session.endsAt)}
                </span>
              </span>
            ),
          },
          {
            id: "place",
            header: t("sessions.columns.place"),
            cell: (session) => <SessionPlace session={session} />,
          },
          {
            id: "trainers",
            header: t("sessions.columns.trainers"),
            cell: (session) =>
              session.trainers.length > 0
                ? session.trainers.map((trainer) => trainer.name).join(", ")
                : t("sessions.noTrainer"),
          },
          {
            id: "seats",
            header: t("sessions.columns.seats"),
            cell: (session) => (
              <span className="stack">
                <span className="nowrap">
                  {session.capacity === null
                    ? t("sessions.seatsUnlimited", { confirmed: session.confirmed })
                    : t("sessions.seatsOf", { confirmed: session.confirmed, capacity: session.capacity })}
                </span>
                {session.waitlisted > 0 ? (
                  <span className="muted">{t("sessions.waiting", { count: session.waitlisted })}</span>
                ) : null}
              </span>
            ),
          },
          ...(editable || canAttend
            ? [
                {
                  id: "actions",
                  header: t("sessions.columns.actions"),
                  cell: (session: TrainingSession) => (
                    <div className="cell-actions">
                      {canAttend ? (
                        <Link
                          className="btn btn-secondary btn-small"
                          to="/o/$orgId/trainings/$trainingId/sessions/$sessionId/attendance"
                          params={{ orgId, trainingId, sessionId: session.id }}
                          aria-label={t("sessions.attendanceLabel", { title: session.title })}
                        >
                          {t("sessions.attendance")}
                        </Link>
                      ) : null}
                      {editable ? (
                        <>
                          <SessionDialog
                            orgId={orgId}
                            training={training}
                            isNns={isNns}
                            session={session}
                            onFeedback={onFeedback}
                          />
                          <ConfirmDialog
                            trigger={
                              <RowButton
                                label={t("sessions.remove")}
                                aria-label={t("sessions.removeLabel", { title: session.title })}
                              />
                            }
                            title={t("sessions.removeTitle", { title: session.title })}
                            confirmLabel={t("sessions.removeConfirm")}
                            isPending={remove.isPending}
                            onConfirm={() => removeSession(session)}
                          >
                            <p>{t("sessions.removeBody")}</p>
                          </ConfirmDialog>
                        </>
                      ) : null}
                    </div>
                  ),
                },
              ]
            : []),
        ]}
      />
      <ChartSlot>
        <SeatsChart sessions={training.sessions} />
      </ChartSlot>
    </section>
  );
}
