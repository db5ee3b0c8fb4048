import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Badge } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { stockholmMidnight } from "../../lib/stockholm";
import type { Dashboard } from "./api";
import { Card } from "./cards";

type Term = NonNullable<Dashboard["term"]>;

const monthName = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  month: "long",
  year: "numeric",
});

/** Trainings grouped by the month of their first session, in the order they start. */
function byMonth(trainings: Term["trainings"]): [string, Term["trainings"]][] {
  const groups = new Map<string, Term["trainings"]>();
  for (const training of [...trainings].sort((a, b) => a.firstSessionAt.localeCompare(b.firstSessionAt))) {
    const month = monthName.format(new Date(training.firstSessionAt));
    groups.set(month, [...(groups.get(month) ?? []), training]);
  }
  return [...groups];
}

/**
 * NNS's term as a list by month, each training with a bar placing it within the term. The bar repeats the
 * dates beside it, so it is hidden from assistive technology and the list is the accessible form.
 */
export function TermTimeline({ orgId, term }: { orgId: string; term: Term }) {
  const { t } = useTranslation("dashboard");
  const start = Date.parse(stockholmMidnight(term.start) ?? term.start);
  const end = Date.parse(stockholmMidnight(term.end, 1) ?? term.end);
  const position = (iso: string) => Math.min(1, Math.max(0, (Date.parse(iso) - start) / (end - start)));
  const year = term.start.slice(0, 4);
  return (
    <Card
      wide
      id="dashboard-term"
      title={`${t("term.heading")}: ${t(term.start.slice(5, 7) === "01" ? "term.spring" : "term.autumn", { year })}`}
    >
      {term.trainings.length === 0 ? (
        <p className="muted">{t("term.none")}</p>
      ) : (
        byMonth(term.trainings).map(([month, trainings]) => (
          <div key={month} className="term-month">
            <h3>{month.charAt(0).toUpperCase() + month.slice(1)}</h3>
            <ul className="dashboard-list">
              {trainings.map((training) => {
                const left = position(training.firstSessionAt);
                const width = Math.max(0.01, position(training.lastSessionEndsAt) - left);
                return (
                  <li key={training.id}>
                    <span className="dashboard-row">
                      <Link to="/o/$orgId/trainings/$trainingId" params={{ orgId, trainingId: training.id }}>
                        {training.title}
                      </Link>
                      <Badge tone={training.status === "confirmed" ? "success" : "neutral"}>
                        {t(`term.status.${training.status}`)}
                      </Badge>
                    </span>
                    <span className="muted">
                      {t("term.span", {
                        from: formatDate(training.firstSessionAt),
                        to: formatDate(training.lastSessionEndsAt),
                      })}{" "}
                      · {t("term.sessions", { count: training.sessionCount })}
                    </span>
                    <span className="bar timeline" aria-hidden="true">
                      <span
                        className="bar-fill"
                        style={{ marginLeft: `${left * 100}%`, width: `${width * 100}%` }}
                      />
                    </span>
                  </li>
                );
              })}
            </ul>
          </div>
        ))
      )}
    </Card>
  );
}
