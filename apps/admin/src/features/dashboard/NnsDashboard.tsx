import { formatKronor } from "@nns/domain/money";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import type { Dashboard } from "./api";
import { Card, NewsletterCard, useDaysAgo } from "./cards";
import { TermTimeline } from "./TermTimeline";

/** NNS's coordination at a glance: requests and pairing, the term, certifications, review and invoices. */
export function NnsDashboard({ orgId, dashboard }: { orgId: string; dashboard: Dashboard }) {
  const { t } = useTranslation("dashboard");
  const daysAgo = useDaysAgo();
  const { requests, reviewQueue, term, expiringCertifications, overdueInvoices, newsletterSends } = dashboard;
  return (
    <>
      {requests ? (
        <Card id="dashboard-requests" title={t("requests.heading")}>
          <p className="dashboard-figure">
            {requests.waiting === 0 ? (
              t("requests.none")
            ) : (
              <Link to="/o/$orgId/training-requests" params={{ orgId }}>
                {t("requests.waiting", { count: requests.waiting })}
              </Link>
            )}
          </p>
          {requests.waiting > 0 ? (
            <p>
              {requests.suggestions
                ? t("requests.paired", { paired: requests.paired, suggestions: requests.suggestions })
                : t("requests.noPairs")}
            </p>
          ) : null}
          {requests.oldestCreatedAt ? (
            <p className="muted">{t("requests.since", { date: formatDate(requests.oldestCreatedAt) })}</p>
          ) : null}
        </Card>
      ) : null}
      {reviewQueue ? (
        <Card id="dashboard-queue" title={t("queue.heading")}>
          <p className="dashboard-figure">
            {reviewQueue.waiting === 0 ? (
              t("queue.none")
            ) : (
              <Link to="/nns/catalog/queue">
                {reviewQueue.more
                  ? t("queue.more", { count: reviewQueue.waiting })
                  : t("queue.waiting", { count: reviewQueue.waiting })}
              </Link>
            )}
          </p>
          {reviewQueue.oldestSubmittedAt ? (
            <p className="muted">
              {t("queue.oldest", {
                date: formatDate(reviewQueue.oldestSubmittedAt),
                ago: daysAgo(reviewQueue.oldestSubmittedAt),
              })}
            </p>
          ) : null}
        </Card>
      ) : null}
      {overdueInvoices ? (
        <Card id="dashboard-invoices" title={t("invoices.heading")}>
          <p className="dashboard-figure">
            {overdueInvoices.count === 0 ? (
              t("invoices.none")
            ) : (
              <Link to="/o/$orgId/invoices" params={{ orgId }} search={{ status: "overdue" }}>
                {overdueInvoices.more
                  ? t("invoices.more", { count: overdueInvoices.count })
                  : t("invoices.count", { count: overdueInvoices.count })}
              </Link>
            )}
          </p>
          {overdueInvoices.count > 0 ? (
            <p className="muted">
              {t("invoices.balance", {
                amount: formatKronor(overdueInvoices.balanceOre),
                days: overdueInvoices.maxDaysOverdue,
              })}
            </p>
          ) : null}
        </Card>
      ) : null}
      {expiringCertifications ? (
        <Card
          id="dashboard-certifications"
          title={t("certifications.heading")}
          links={<Link to="/nns/trainers">{t("certifications.all")}</Link>}
        >
          {expiringCertifications.length === 0 ? (
            <p className="muted">{t("certifications.none")}</p>
          ) : (
            <ul className="dashboard-list">
              {expiringCertifications.map((c) => (
                <li key={`${c.trainerId}-${c.validUntil ?? ""}`}>
                  <span>{c.trainerName}</span>
                  <span className="muted">{t("certifications.until", { date: c.validUntil ?? "–" })}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
      {term ? <TermTimeline orgId={orgId} term={term} /> : null}
      {newsletterSends ? <NewsletterCard orgId={orgId} sends={newsletterSends} /> : null}
    </>
  );
}
