import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormError, QueryView } from "../../components/states";
import { PageHeader } from "../../components/ui";
import { usePermissions } from "../../lib/session";
import { AttendanceList } from "./AttendanceList";
import { mySessionsQuery, rosterQuery, trainingQuery, useSaveAttendance } from "./api";
import { formatSessionTime } from "./format";
import "./i18n";
import "./trainings.css";

const ATTENDANCE_OPENS_BEFORE_MS = 30 * 60_000;

const route = getRouteApi("/app/o/$orgId/trainings/$trainingId/sessions/$sessionId/attendance");

/** Attendance for one session: everyone with a place, ticked in a list, saved together. */
export function AttendancePage() {
  const params = route.useParams();
  return <Attendance key={params.sessionId} {...params} />;
}

function Attendance({
  orgId,
  trainingId,
  sessionId,
}: {
  orgId: string;
  trainingId: string;
  sessionId: string;
}) {
  const { t } = useTranslation("trainings");
  const can = usePermissions(orgId);
  // A trainer may not read the training itself; their own session list names it.
  const training = useQuery({ ...trainingQuery(orgId, trainingId), enabled: can.has("trainings:read") });
  const mine = useQuery({ ...mySessionsQuery(orgId), enabled: can.size > 0 && !can.has("trainings:read") });
  const roster = useQuery(rosterQuery(orgId, trainingId, sessionId));
  const [savedText, setSavedText] = useState<string | null>(null);
  const [present, setPresent] = useState<Record<string, boolean>>({});
  useEffect(() => {
    if (roster.data)
      setPresent(Object.fromEntries(roster.data.map((row) => [row.registrationId, row.attended ?? false])));
  }, [roster.data]);
  const fromTraining = training.data?.sessions.find((s) => s.id === sessionId);
  const fromMine = mine.data?.find((s) => s.sessionId === sessionId);
  const session = fromTraining ?? fromMine;
  const trainingTitle = training.data?.title ?? fromMine?.trainingTitle;
  const save = useSaveAttendance(orgId, trainingId, sessionId);
  const title = session ? t("attendance.title", { session: session.title }) : t("attendance.titleFallback");
  // The API takes attendance from half an hour before the start, while the training is planned or confirmed.
  const notYet = session
    ? new Date(session.startsAt).getTime() - ATTENDANCE_OPENS_BEFORE_MS > Date.now()
    : false;
  const status = training.data?.status ?? fromMine?.trainingStatus;
  const frozen = status !== undefined && status !== "planned" && status !== "confirmed";
  const locked = notYet || frozen;
  return (
    <>
      <PageHeader
        title={title}
        description={
          session && trainingTitle
            ? `${trainingTitle} · ${formatSessionTime(session.startsAt, session.endsAt)}`
            : undefined
        }
      />
      <p>
        {can.has("trainings:read") ? (
          <Link to="/o/$orgId/trainings/$trainingId" params={{ orgId, trainingId }}>
            {t("attendance.backToTraining")}
          </Link>
        ) : (
          <Link to="/o/$orgId/my-sessions" params={{ orgId }}>
            {t("attendance.backToMine")}
          </Link>
        )}
      </p>
      <section className="card" aria-labelledby="roster-heading">
        <h2 id="roster-heading">{t("attendance.heading")}</h2>
        <QueryView query={roster} isEmpty={(data) => data.length === 0} empty={t("attendance.empty")}>
          {(data) => (
            <form
              aria-labelledby="roster-heading"
              onSubmit={(event) => {
                event.preventDefault();
                const entries = data.map((row) => ({
                  registrationId: row.registrationId,
                  attended: present[row.registrationId] ?? false,
                }));
                setSavedText(null);
                save.mutate(entries, {
                  onSuccess: () =>
                    setSavedText(
                      t("attendance.saved", {
                        present: entries.filter((e) => e.attended).length,
                        total: entries.length,
                      }),
                    ),
                });
              }}
            >
              <FormError error={save.error} />
              {locked ? (
                <p className="notice">{notYet ? t("attendance.notYet") : t("attendance.frozen")}</p>
              ) : null}
              <AttendanceList
                rows={data}
                present={present}
                onChange={(next) => {
                  setPresent(next);
                  setSavedText(null);
                }}
                locked={locked}
                saving={save.isPending}
                status={savedText}
              />
            </form>
          )}
        </QueryView>
      </section>
    </>
  );
}
