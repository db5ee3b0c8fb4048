import { useQueries, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { stockholmMidnight, todayInStockholm } from "../../lib/stockholm";
import { Agenda } from "./Agenda";
import { trainingQuery, trainingsQuery } from "./api";
import { stockholmDay } from "./format";
import { type CalendarEntry, dayString, inMonth, type Month, MonthGrid, monthOf } from "./MonthGrid";
import "./i18n";
import "./trainings.css";

const route = getRouteApi("/app/o/$orgId/trainings/calendar");

/** The training planner: every session of the organization's trainings in a month, as a grid or by day. */
export function TrainingCalendarPage() {
  const { orgId } = route.useParams();
  return <TrainingCalendar key={orgId} orgId={orgId} />;
}

function TrainingCalendar({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation("trainings");
  const today = todayInStockholm();
  const [month, setMonth] = useState<Month>(() => monthOf(today));
  // A month grid needs width: a phone starts with the list by day (the agenda), and can switch.
  const [view, setView] = useState<"grid" | "list">(() =>
    window.matchMedia?.("(max-width: 40rem)").matches ? "list" : "grid",
  );
  const list = useQuery(trainingsQuery(orgId));
  // Sessions come with each training: fetch those with sessions in the month shown, and those still
  // running (for "next session"), not every training there has ever been.
  const monthStart = stockholmMidnight(dayString(month.year, month.month, 1)) ?? "";
  const monthEnd = stockholmMidnight(dayString(month.year, month.month + 1, 1)) ?? "";
  const nowIso = new Date().toISOString();
  const relevant = (list.data ?? []).filter(
    (tr) =>
      tr.sessionCount > 0 &&
      tr.firstSessionAt !== null &&
      tr.lastSessionEndsAt !== null &&
      ((tr.firstSessionAt < monthEnd && tr.lastSessionEndsAt > monthStart) ||
        (tr.lastSessionEndsAt > nowIso && tr.status !== "cancelled")),
  );
  const details = useQueries({ queries: relevant.map((tr) => trainingQuery(orgId, tr.id)) });
  const entries: CalendarEntry[] = details
    .flatMap(({ data }) => (data ? data.sessions.map((session) => ({ training: data, session })) : []))
    .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
  const shown = entries.filter((entry) => inMonth(entry, month));
  const locale = i18n.language === "en" ? "en-GB" : "sv-SE";
  const title = new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(
    new Date(Date.UTC(month.year, month.month, 15)),
  );
  const move = (delta: number) =>
    setMonth(({ year, month: m }) => {
      const next = new Date(Date.UTC(year, m + delta, 1));
      return { year: next.getUTCFullYear(), month: next.getUTCMonth() };
    });
  const upcoming = entries.find((e) => e.session.startsAt >= nowIso);
  const failed = details.find((q) => q.error)?.error ?? list.error;
  const loading = list.isPending || details.some((q) => q.isPending);
  return (
    <>
      <PageHeader
        title={t("calendar.title")}
        description={t("calendar.description")}
        actions={
          <Link to="/o/$orgId/trainings" params={{ orgId }} className="btn btn-secondary">
            {t("calendar.toList")}
          </Link>
        }
      />
      <section className="card" aria-labelledby="month-heading">
        <div className="toolbar">
          <Button variant="secondary" className="btn-small" onPress={() => move(-1)}>
            <span aria-hidden="true">‹ </span>
            {t("calendar.previous")}
          </Button>
          <h2 id="month-heading" className="month-title" aria-live="polite">
            {title}
          </h2>
          <Button variant="secondary" className="btn-small" onPress={() => move(1)}>
            {t("calendar.next")}
            <span aria-hidden="true"> ›</span>
          </Button>
          <Button variant="ghost" className="btn-small" onPress={() => setMonth(monthOf(today))}>
            {t("calendar.today")}
          </Button>
          {upcoming ? (
            <Button
              variant="ghost"
              className="btn-small"
              onPress={() => setMonth(monthOf(stockholmDay(upcoming.session.startsAt)))}
            >
              {t("calendar.nextSession")}
            </Button>
          ) : null}
          <fieldset className="cell-actions" style={{ border: 0, padding: 0, margin: "0 0 0 auto" }}>
            <legend className="visually-hidden">{t("calendar.view")}</legend>
            <Button
              variant="secondary"
              className="btn-small toggle"
              aria-pressed={view === "grid"}
              onPress={() => setView("grid")}
            >
              {t("calendar.grid")}
            </Button>
            <Button
              variant="secondary"
              className="btn-small toggle"
              aria-pressed={view === "list"}
              onPress={() => setView("list")}
            >
              {t("calendar.list")}
            </Button>
          </fieldset>
        </div>
        {failed ? (
          <ErrorState error={failed} onRetry={() => list.refetch()} />
        ) : loading ? (
          <Loading />
        ) : view === "grid" ? (
          <>
            <MonthGrid orgId={orgId} month={month} entries={shown} today={today} title={title} />
            <p className="muted">{t("calendar.count", { count: shown.length })}</p>
          </>
        ) : shown.length === 0 ? (
          <EmptyState>{t("calendar.emptyMonth")}</EmptyState>
        ) : (
          <Agenda orgId={orgId} entries={shown} today={today} />
        )}
      </section>
    </>
  );
}
