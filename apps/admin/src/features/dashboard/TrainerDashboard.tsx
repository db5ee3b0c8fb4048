import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import type { Dashboard } from "./api";
import { Card } from "./cards";

type Session = NonNullable<Dashboard["trainer"]>["today"][number];

function Place({ session }: { session: Session }) {
  const { t } = useTranslation("dashboard");
  return (
    <span className="muted">{session.mode === "digital" ? t("trainer.digital") : session.location}</span>
  );
}

/** A trainer's day: today's sessions with attendance one tap away, then the next ones. */
export function TrainerDashboard({
  orgId,
  trainer,
}: {
  orgId: string;
  trainer: NonNullable<Dashboard["trainer"]>;
}) {
  const { t } = useTranslation("dashboard");
  return (
    <>
      <Card id="dashboard-today" title={t("trainer.today")}>
        {trainer.today.length === 0 ? (
          <p className="muted">{t("trainer.noToday")}</p>
        ) : (
          <ul className="dashboard-list">
            {trainer.today.map((session) => (
              <li key={session.sessionId}>
                <strong>{session.title}</strong>
                <span>
                  {session.trainingTitle}, {formatDateTime(session.startsAt)}
                </span>
                <Place session={session} />
                <Link
                  className="btn btn-primary dashboard-action"
                  to="/o/$orgId/trainings/$trainingId/sessions/$sessionId/attendance"
                  params={{ orgId, trainingId: session.trainingId, sessionId: session.sessionId }}
                  aria-label={t("trainer.attendanceLabel", {
                    session: session.title,
                    training: session.trainingTitle,
                  })}
                >
                  {t("trainer.attendance")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card
        id="dashboard-next"
        title={t("trainer.next")}
        links={
          <Link to="/o/$orgId/my-sessions" params={{ orgId }}>
            {t("trainer.all")}
          </Link>
        }
      >
        {trainer.next.length === 0 ? (
          <p className="muted">{t("trainer.noNext")}</p>
        ) : (
          <ul className="dashboard-list">
            {trainer.next.map((session) => (
              <li key={session.sessionId}>
                <strong>{formatDateTime(session.startsAt)}</strong>
                <span>
                  {session.title}, {session.trainingTitle}
                </span>
                <Place session={session} />
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
