import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { mySessionsQuery, type TrainingStatus } from "./api";
import { formatSessionTime } from "./format";
import { SessionPlace } from "./SessionsSection";
import "./i18n";
import "./trainings.css";

const route = getRouteApi("/app/o/$orgId/my-sessions");

/** "Mina tillfällen": the sessions the signed-in trainer is assigned to, with attendance for each. */
export function MySessionsPage() {
  const { orgId } = route.useParams();
  return <MySessions key={orgId} orgId={orgId} />;
}

/** Sessions under way and to come first, soonest first; then those that have been, latest first. */
function byRelevance<S extends { startsAt: string; endsAt: string }>(
  sessions: readonly S[],
  now: string,
): S[] {
  const ahead = sessions.filter((s) => s.endsAt >= now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = sessions.filter((s) => s.endsAt < now).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
  return [...ahead, ...past];
}

function MySessions({ orgId }: { orgId: string }) {
  const { t } = useTranslation("trainings");
  const sessions = useQuery(mySessionsQuery(orgId));
  const now = new Date().toISOString();
  return (
    <>
      <PageHeader title={t("mySessions.title")} description={t("mySessions.description")} />
      <section className="card" aria-labelledby="my-sessions-heading">
        <h2 id="my-sessions-heading">{t("mySessions.heading")}</h2>
        <QueryView query={sessions} isEmpty={(data) => data.length === 0} empty={t("mySessions.empty")}>
          {(data) => (
            <DataTable
              labelledBy="my-sessions-heading"
              rows={byRelevance(data, now)}
              rowKey={(session) => session.sessionId}
              columns={[
                {
                  id: "session",
                  header: t("calendar.columns.session"),
                  rowHeader: true,
                  cell: (session) => (
                    <span className="stack">
                      <span>{session.title}</span>
                      <span className="session-time">
                        <span className="nowrap">{formatSessionTime(session.startsAt, session.endsAt)}</span>
                        {session.endsAt < now
                          ? ` (${t("mySessions.past")})`
                          : session.startsAt <= now
                            ? ` (${t("mySessions.ongoing")})`
                            : ""}
                      </span>
                    </span>
                  ),
                },
                {
                  id: "training",
                  header: t("calendar.columns.training"),
                  cell: (session) => (
                    <span className="stack">
                      <span>{session.trainingTitle}</span>
                      <span className="muted">
                        {t(`status.${session.trainingStatus as TrainingStatus}`, {
                          defaultValue: session.trainingStatus,
                        })}
                      </span>
                    </span>
                  ),
                },
                {
                  id: "place",
                  header: t("calendar.columns.place"),
                  cell: (session) => <SessionPlace session={session} />,
                },
                {
                  id: "actions",
                  header: t("sessions.columns.actions"),
                  cell: (session) => (
                    <Link
                      className="btn btn-secondary btn-small"
                      to="/o/$orgId/trainings/$trainingId/sessions/$sessionId/attendance"
                      params={{ orgId, trainingId: session.trainingId, sessionId: session.sessionId }}
                      aria-label={t("sessions.attendanceLabel", {
                        title: `${session.title}, ${session.trainingTitle}`,
                      })}
                    >
                      {t("sessions.attendance")}
                    </Link>
                  ),
                },
              ]}
            />
          )}
        </QueryView>
      </section>
    </>
  );
}
