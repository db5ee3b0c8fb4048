import { Link } from "@tanstack/react-router";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Badge } from "../../components/ui";
import { formatDate, formatDateTime } from "../../lib/format";
import type { Dashboard } from "./api";

/** One card of the dashboard: a heading the section is named by, its content, and links to the full page. */
export function Card({
  id,
  title,
  children,
  links,
  wide = false,
}: {
  id: string;
  title: string;
  children: ReactNode;
  links?: ReactNode;
  /** Across the whole grid: a card whose content needs the width (the term's timeline). */
  wide?: boolean;
}) {
  return (
    <section
      className={wide ? "card dashboard-card dashboard-wide" : "card dashboard-card"}
      aria-labelledby={id}
    >
      <h2 id={id}>{title}</h2>
      {children}
      {links ? <p className="dashboard-links">{links}</p> : null}
    </section>
  );
}

/** "i dag", "i går" or "12 dagar sedan": how long ago an instant was, in whole days. */
export function useDaysAgo(): (iso: string) => string {
  const { t } = useTranslation("dashboard");
  return (iso) => {
    const days = Math.max(0, Math.floor((Date.now() - Date.parse(iso)) / 86_400_000));
    return days === 0 ? t("today") : days === 1 ? t("yesterday") : t("daysAgo", { count: days });
  };
}

/**
 * Seats filled as a bar beside its words. The bar only repeats the text, so it is hidden from assistive
 * technology; a session without a capacity has no bar.
 */
export function SeatsMeter({
  confirmed,
  capacity,
  waitlisted,
}: {
  confirmed: number;
  capacity: number | null;
  waitlisted: number;
}) {
  const { t } = useTranslation("dashboard");
  const share = capacity ? Math.min(1, confirmed / capacity) : null;
  return (
    <span className="seats">
      <span>
        {capacity === null
          ? t("sessions.seatsUnlimited", { confirmed })
          : t("sessions.seats", { confirmed, capacity })}
        {waitlisted > 0 ? (
          <>
            {" "}
            <Badge tone="warning">{t("sessions.waitlisted", { count: waitlisted })}</Badge>
          </>
        ) : null}
      </span>
      {share === null ? null : (
        <span className="bar" aria-hidden="true">
          <span
            className={share >= 1 ? "bar-fill bar-full" : "bar-fill"}
            style={{ width: `${share * 100}%` }}
          />
        </span>
      )}
    </span>
  );
}

export function CatalogCard({
  orgId,
  catalog,
}: {
  orgId: string;
  catalog: NonNullable<Dashboard["catalog"]>;
}) {
  const { t } = useTranslation("dashboard");
  const states = ["draft", "submitted", "returned", "published"] as const;
  const entryLink = (entry: (typeof catalog.returned)[number]) => (
    <Link to="/o/$orgId/interventions/$interventionId" params={{ orgId, interventionId: entry.id }}>
      {entry.title}
    </Link>
  );
  return (
    <Card
      id="dashboard-catalog"
      title={t("catalog.heading")}
      links={
        <>
          <Link to="/o/$orgId/interventions" params={{ orgId }}>
            {t("catalog.all")}
          </Link>
          <Link to="/o/$orgId/interventions/new" params={{ orgId }}>
            {t("catalog.new")}
          </Link>
        </>
      }
    >
      <h3>{t("catalog.returned")}</h3>
      {catalog.returned.length === 0 ? (
        <p className="muted">{t("catalog.noReturned")}</p>
      ) : (
        <ul className="dashboard-list">
          {catalog.returned.map((entry) => (
            <li key={entry.id}>
              {entryLink(entry)}
              {entry.reviewComment ? (
                <span className="muted">
                  {t("catalog.comment")} {entry.reviewComment}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("catalog.drafts")}</h3>
      {catalog.drafts.length === 0 ? (
        <p className="muted">{t("catalog.noDrafts")}</p>
      ) : (
        <ul className="dashboard-list">
          {catalog.drafts.map((entry) => (
            <li key={entry.id}>
              {entryLink(entry)}
              <span className="muted">{t("catalog.changed", { date: formatDate(entry.updatedAt) })}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("catalog.byState")}</h3>
      <dl className="facts">
        {states.map((state) => (
          <Fragment key={state}>
            <dt>{t(`catalog.states.${state}`)}</dt>
            <dd>{catalog.byState[state]}</dd>
          </Fragment>
        ))}
      </dl>
    </Card>
  );
}

export function NewsletterCard({
  orgId,
  sends,
}: {
  orgId: string;
  sends: NonNullable<Dashboard["newsletterSends"]>;
}) {
  const { t } = useTranslation("dashboard");
  return (
    <Card id="dashboard-newsletters" title={t("newsletters.heading")}>
      {sends.length === 0 ? (
        <p className="muted">{t("newsletters.none")}</p>
      ) : (
        <ul className="dashboard-list">
          {sends.map((send) => (
            <li key={send.issueId}>
              <Link
                to="/o/$orgId/nyhetsbrev/$publicationId/utskick/$issueId"
                params={{ orgId, publicationId: send.publicationId, issueId: send.issueId }}
              >
                {t("newsletters.issue", {
                  publication: send.publicationName,
                  number: send.number,
                  subject: send.subject,
                })}
              </Link>
              <span className="muted">
                {t(`newsletters.status.${send.status}`)}
                {send.at ? ` ${formatDateTime(send.at)}` : ""} ·{" "}
                {t("newsletters.progress", { sent: send.sent, total: send.total })}
                {send.failed > 0 ? ` · ${t("newsletters.failed", { count: send.failed })}` : ""}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
