import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useRouterState } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { Pagination } from "../../components/Pagination";
import { QueryView } from "../../components/states";
import { Badge, PageHeader } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { usePermissions } from "../../lib/session";
import {
  coachesQuery,
  dueQuery,
  interventionsQuery,
  type ParticipantFilters,
  participantsQuery,
} from "./api";
import { ageLabel } from "./labels";
import { NewParticipantDialog } from "./NewParticipantDialog";
import type { DueOccasion } from "./types";
import "./i18n";
import "./progression.css";

const route = getRouteApi("/app/o/$orgId/deltagare");
const ALL = "all";

/** A participant's most pressing occasion across instruments: overdue before due. */
function dueByParticipant(due: readonly DueOccasion[]): Map<string, "overdue" | "due"> {
  const out = new Map<string, "overdue" | "due">();
  for (const entry of due) {
    const state = entry.state;
    if (state !== "overdue" && state !== "due") continue;
    if (out.get(entry.participantId) !== "overdue") out.set(entry.participantId, state);
  }
  return out;
}

/**
 * The participants a person may see (a coach their own, a manager all of the förbund's), with the
 * occasions due now marked, and registering a new one.
 */
export function ParticipantsPage() {
  const { orgId } = route.useParams();
  const { t } = useTranslation("progression");
  const can = usePermissions(orgId);
  const manager = can.has("progression:manage");
  const [filters, setFilters] = useState<ParticipantFilters>({ status: "active" });
  const pages = useCursorPages();
  const participants = useQuery(participantsQuery(orgId, filters, pages.cursor));
  const due = useQuery(dueQuery(orgId));
  const interventions = useQuery(interventionsQuery(orgId));
  const coaches = useQuery({ ...coachesQuery(orgId), enabled: manager });
  const dueMap = dueByParticipant(due.data?.data ?? []);
  const { feedback, show } = useFeedback();
  const erased = useRouterState({ select: (state) => state.location.state.participantErased });
  useEffect(() => {
    if (erased) show({ kind: "success", text: t("participant.erased", { code: erased }) });
  }, [erased, show, t]);
  const change = (next: Partial<ParticipantFilters>) => {
    pages.reset();
    setFilters((current) => {
      const merged: ParticipantFilters = { ...current, ...next };
      if (merged.interventionId === ALL) delete merged.interventionId;
      if (merged.coachUserId === ALL) delete merged.coachUserId;
      return merged;
    });
  };
  return (
    <>
      <PageHeader
        title={t("participants.title")}
        description={manager ? t("participants.description") : t("participants.coachDescription")}
        actions={
          <>
            {manager ? (
              <>
                <Link to="/o/$orgId/progression/atkomstlogg" params={{ orgId }} className="btn btn-secondary">
                  {t("accessLogLink")}
                </Link>
                <Link
                  to="/o/$orgId/progression/installningar"
                  params={{ orgId }}
                  className="btn btn-secondary"
                >
                  {t("settingsLink")}
                </Link>
              </>
            ) : null}
            <NewParticipantDialog orgId={orgId} manager={manager} />
          </>
        }
      />
      <FeedbackRegion feedback={feedback} />
      <section className="card" aria-labelledby="due-heading">
        <h2 id="due-heading">{t("participants.dueHeading")}</h2>
        <p role="status">
          {due.data
            ? dueMap.size === 0
              ? t("participants.dueNone")
              : t("participants.dueSummary", { count: dueMap.size })
            : null}
        </p>
      </section>
      <section className="card" aria-labelledby="participants-heading">
        <h2 id="participants-heading">{t("participants.listHeading")}</h2>
        <fieldset className="progression-filters">
          <legend className="visually-hidden">{t("participants.filters")}</legend>
          <SelectField
            label={t("participants.intervention")}
            options={[
              { id: ALL, label: t("participants.allInterventions") },
              ...(interventions.data ?? []).map((i) => ({ id: i.id, label: i.name })),
            ]}
            value={filters.interventionId ?? ALL}
            onChange={(interventionId) => change({ interventionId })}
          />
          {manager ? (
            <SelectField
              label={t("participants.coach")}
              options={[{ id: ALL, label: t("participants.allCoaches") }, ...(coaches.data ?? [])]}
              value={filters.coachUserId ?? ALL}
              onChange={(coachUserId) => change({ coachUserId })}
            />
          ) : null}
          <SelectField
            label={t("participants.statusFilter")}
            options={[
              { id: "active", label: t("status.active") },
              { id: "ended", label: t("status.ended") },
              { id: ALL, label: t("participants.statusAll") },
            ]}
            value={filters.status}
            onChange={(status) => change({ status: status as ParticipantFilters["status"] })}
          />
        </fieldset>
        <QueryView
          query={participants}
          isEmpty={(page) => page.data.length === 0}
          empty={t("participants.empty")}
        >
          {(page) => (
            <>
              <DataTable
                labelledBy="participants-heading"
                rows={page.data}
                rowKey={(p) => p.id}
                columns={[
                  {
                    id: "code",
                    header: t("participants.columns.code"),
                    rowHeader: true,
                    noWrap: true,
                    cell: (p) => (
                      <Link
                        to="/o/$orgId/deltagare/$participantId"
                        params={{ orgId, participantId: p.id }}
                        className="participant-code"
                      >
                        {p.code}
                      </Link>
                    ),
                  },
                  {
                    id: "due",
                    header: t("participants.columns.due"),
                    cell: (p) => {
                      const state = dueMap.get(p.id);
                      return state ? (
                        <Badge tone={state === "overdue" ? "danger" : "warning"}>
                          {t(`participants.dueBadge.${state}`)}
                        </Badge>
                      ) : null;
                    },
                  },
                  {
                    id: "intervention",
                    header: t("participants.columns.intervention"),
                    cell: (p) => p.intervention.name,
                  },
                  {
                    id: "coach",
                    header: t("participants.columns.coach"),
                    cell: (p) => p.coach?.name ?? <span className="muted">{t("participants.noCoach")}</span>,
                  },
                  {
                    id: "gender",
                    header: t("participants.columns.gender"),
                    cell: (p) => t(`gender.${p.gender}`),
                  },
                  { id: "age", header: t("participants.columns.age"), cell: (p) => ageLabel(t, p.ageBand) },
                  {
                    id: "start",
                    header: t("participants.columns.start"),
                    noWrap: true,
                    cell: (p) => formatDate(p.startDate),
                  },
                  {
                    id: "status",
                    header: t("participants.columns.status"),
                    cell: (p) => t(`status.${p.status}`),
                  },
                ]}
              />
              <Pagination pages={pages} nextCursor={page.nextCursor} />
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}
