import { formatKronor } from "@nns/domain/money";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDate, formatDateTime } from "../../lib/format";
import type { Dashboard } from "./api";
import { Card, CatalogCard, NewsletterCard, SeatsMeter } from "./cards";

type Session = NonNullable<Dashboard["upcomingSessions"]>[number];

/** Sessions under their training, trainings in the order of their next session. */
function byTraining(sessions: Session[]): [string, Session[]][] {
  const groups = new Map<string, Session[]>();
  for (const s of sessions) groups.set(s.trainingId, [...(groups.get(s.trainingId) ?? []), s]);
  return [...groups];
}

/** A förbund administrator's cards: trainings, requests, costs, the catalogue and newsletters. */
export function ForbundDashboard({ orgId, dashboard }: { orgId: string; dashboard: Dashboard }) {
  const { t } = useTranslation("dashboard");
  const { upcomingSessions, requests, costs, catalog, newsletterSends } = dashboard;
  return (
    <>
      {upcomingSessions ? (
        <Card
          id="dashboard-sessions"
          title={t("sessions.heading")}
          links={
            <Link to="/o/$orgId/trainings" params={{ orgId }}>
              {t("sessions.all")}
            </Link>
          }
        >
          {upcomingSessions.length === 0 ? (
            <p className="muted">{t("sessions.empty")}</p>
          ) : (
            byTraining(upcomingSessions).map(([trainingId, sessions]) => (
              <div key={trainingId}>
                <h3>
                  <Link to="/o/$orgId/trainings/$trainingId" params={{ orgId, trainingId }}>
                    {sessions[0]?.trainingTitle}
                  </Link>
                </h3>
                <ul className="dashboard-list">
                  {sessions.map((s) => (
                    <li key={s.sessionId}>
                      <span>
                        {s.title}, {formatDateTime(s.startsAt)}
                      </span>
                      <SeatsMeter confirmed={s.confirmed} capacity={s.capacity} waitlisted={s.waitlisted} />
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </Card>
      ) : null}
      {requests ? (
        <Card
          id="dashboard-requests"
          title={t("requests.heading")}
          links={
            <Link to="/o/$orgId/training-requests/new" params={{ orgId }}>
              {t("requests.new")}
            </Link>
          }
        >
          <p className="dashboard-figure">
            {requests.waiting === 0 ? (
              t("requests.none")
            ) : (
              <Link to="/o/$orgId/training-requests" params={{ orgId }}>
                {t("requests.waiting", { count: requests.waiting })}
              </Link>
            )}
          </p>
          {requests.oldestCreatedAt ? (
            <p className="muted">{t("requests.since", { date: formatDate(requests.oldestCreatedAt) })}</p>
          ) : null}
        </Card>
      ) : null}
      {costs ? (
        <Card id="dashboard-costs" title={t("costs.heading", { year: costs.year })}>
          {costs.trainings.length === 0 ? (
            <p className="muted">{t("costs.none")}</p>
          ) : (
            <>
              <dl className="facts amounts">
                <dt>{t("costs.shared")}</dt>
                <dd>{formatKronor(costs.sharedNetOre)}</dd>
                <dt>{t("costs.print")}</dt>
                <dd>{formatKronor(costs.printNetOre)}</dd>
                <dt>{t("costs.vat")}</dt>
                <dd>{formatKronor(costs.vatOre)}</dd>
                <dt className="total">{t("costs.total")}</dt>
                <dd className="total">{formatKronor(costs.totalOre)}</dd>
              </dl>
              <h3>{t("costs.trainings")}</h3>
              <ul className="dashboard-list">
                {costs.trainings.map((training) => (
                  <li key={training.id} className="dashboard-row">
                    <Link to="/o/$orgId/trainings/$trainingId" params={{ orgId, trainingId: training.id }}>
                      {training.title}
                    </Link>
                    <span className="nowrap">{formatKronor(training.totalOre)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </Card>
      ) : null}
      {catalog ? <CatalogCard orgId={orgId} catalog={catalog} /> : null}
      {newsletterSends && newsletterSends.length > 0 ? (
        <NewsletterCard orgId={orgId} sends={newsletterSends} />
      ) : null}
    </>
  );
}
