import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useRouterState } from "@tanstack/react-router";
import { lazy, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ChartSlot } from "../../components/charts/ChartFigure";
import { SelectField } from "../../components/choice";
import { DataTable } from "../../components/DataTable";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { PageHeader, RowButton } from "../../components/ui";
import { formatDate } from "../../lib/format";
import { orgAccessQuery, usePermissions } from "../../lib/session";
import type { TrainingRequest } from "./api";
import { RequestStatusBadge } from "./badges";
import { CreateTrainingDialog } from "./CreateTrainingDialog";
import { DeclineDialog } from "./DeclineDialog";
import { PairingsSection } from "./PairingsSection";
import { requestsQuery, useWithdrawRequest } from "./requests-api";
import "./i18n";
import "./trainings.css";

const route = getRouteApi("/app/o/$orgId/training-requests");

/** The timeline brings recharts: it loads after the list, never with the first page. */
const RequestsTimeline = lazy(() => import("./RequestsTimeline"));

/**
 * Intresseanmälningar. A förbund sees its own and may withdraw one still waiting; NNS sees every request
 * addressed to it with pairing suggestions, and turns requests into trainings or declines them.
 */
export function RequestsPage() {
  const { orgId } = route.useParams();
  return <Requests key={orgId} orgId={orgId} />;
}

function Requests({ orgId }: { orgId: string }) {
  const { t } = useTranslation("trainings");
  const can = usePermissions(orgId);
  const access = useQuery(orgAccessQuery(orgId));
  const isNns = access.data?.organization.kind === "nns";
  const inbox = isNns && can.has("trainings:manage");
  type Filter = TrainingRequest["status"] | "all";
  // NNS starts with the requests still waiting for an answer, a förbund with all of its own.
  const [chosen, setStatus] = useState<Filter | null>(null);
  const status: Filter = chosen ?? (inbox ? "submitted" : "all");
  const requests = useQuery(requestsQuery(orgId, status === "all" ? undefined : status));
  const { feedback, show } = useFeedback();
  // Held here, not in the table: the withdrawn row (and with it the table, if it was the last one
  // shown) is gone before the answer's message would be shown.
  const withdraw = useWithdrawRequest(orgId);
  const withdrawRequest = (request: TrainingRequest) =>
    withdraw.mutateAsync(request, {
      onSuccess: () => show({ kind: "success", text: t("requests.withdrawn") }),
    });
  const submitted = useRouterState({
    select: (state) => Boolean(state.location.state.trainingRequestSubmitted),
  });
  useEffect(() => {
    if (submitted) show({ kind: "success", text: t("requests.submitted") });
  }, [submitted, show, t]);
  return (
    <>
      <PageHeader
        title={isNns ? t("requests.inboxTitle") : t("requests.title")}
        description={isNns ? t("requests.inboxDescription") : t("requests.description")}
        actions={
          !isNns && can.has("trainings:book") ? (
            <Link to="/o/$orgId/training-requests/new" params={{ orgId }} className="btn btn-primary">
              {t("requests.new")}
            </Link>
          ) : null
        }
      />
      <FeedbackRegion feedback={feedback} />
      {inbox ? <PairingsSection orgId={orgId} /> : null}
      <section className="card" aria-labelledby="requests-heading">
        <div className="page-header">
          <h2 id="requests-heading">{isNns ? t("requests.inboxHeading") : t("requests.heading")}</h2>
          <div className="page-actions">
            <SelectField
              label={t("requests.filter")}
              options={(["all", "submitted", "scheduled", "withdrawn", "declined"] as const).map((id) => ({
                id,
                label: id === "all" ? t("requests.filterAll") : t(`requestStatus.${id}`),
              }))}
              value={status}
              onChange={(value) => setStatus(value as Filter)}
            />
          </div>
        </div>
        <QueryView query={requests} isEmpty={(data) => data.length === 0} empty={t("requests.empty")}>
          {(data) => (
            <>
              <ChartSlot>
                <RequestsTimeline requests={data} withPairings={inbox} />
              </ChartSlot>
              <RequestTable
                orgId={orgId}
                requests={data}
                inbox={inbox}
                canWithdraw={!isNns && can.has("trainings:book")}
                withdrawing={withdraw.isPending}
                onWithdraw={withdrawRequest}
                onFeedback={show}
              />
            </>
          )}
        </QueryView>
      </section>
    </>
  );
}

function RequestTable({
  orgId,
  requests,
  inbox,
  canWithdraw,
  withdrawing,
  onWithdraw,
  onFeedback,
}: {
  orgId: string;
  requests: TrainingRequest[];
  inbox: boolean;
  canWithdraw: boolean;
  withdrawing: boolean;
  onWithdraw: (request: TrainingRequest) => Promise<unknown>;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const showActions = inbox || canWithdraw;
  const period = (request: TrainingRequest) => `${request.periodStart} – ${request.periodEnd}`;
  return (
    <DataTable
      labelledBy="requests-heading"
      rows={requests}
      rowKey={(request) => request.id}
      columns={[
        ...(inbox
          ? [
              {
                id: "organization",
                header: t("requests.columns.organization"),
                rowHeader: true,
                cell: (request: TrainingRequest) => (
                  <span className="stack">
                    <span>{request.organization.name}</span>
                    <span className="muted session-time">
                      {request.contactName}, {request.contactEmail}
                    </span>
                  </span>
                ),
              },
            ]
          : []),
        {
          id: "period",
          header: t("requests.columns.period"),
          cell: (request) => (
            <span className="stack">
              <span className="nowrap">{period(request)}</span>
              <span className="muted">
                {t("requests.submittedOn", { date: formatDate(request.createdAt) })}
              </span>
            </span>
          ),
        },
        {
          id: "scope",
          header: t("requests.columns.scope"),
          cell: (request) => (
            <span className="stack">
              <span>{t("requests.participantsCount", { count: request.expectedParticipants })}</span>
              <span>{t(`delivery.${request.deliveryPreference}`)}</span>
              <span className="muted">
                {request.openToSharing ? t("requests.sharingYes") : t("requests.sharingNo")}
              </span>
              {request.notes ? <span className="muted">{request.notes}</span> : null}
            </span>
          ),
        },
        ...(inbox
          ? []
          : [
              {
                id: "contact",
                header: t("requests.columns.contact"),
                cell: (request: TrainingRequest) => (
                  <span className="stack">
                    <span>{request.contactName}</span>
                    <span className="muted">{request.contactEmail}</span>
                    {request.contactPhone ? <span className="muted">{request.contactPhone}</span> : null}
                  </span>
                ),
              },
            ]),
        {
          id: "status",
          header: t("requests.columns.status"),
          cell: (request) => (
            <span className="stack">
              <RequestStatusBadge status={request.status} />
              {request.trainingId ? (
                <Link to="/o/$orgId/trainings/$trainingId" params={{ orgId, trainingId: request.trainingId }}>
                  {t("requests.toTraining")}
                </Link>
              ) : null}
              {request.decisionNote ? <span className="muted">{request.decisionNote}</span> : null}
              {request.cancelledTrainings.map((cancelled) => (
                <span key={cancelled.trainingId} className="muted">
                  {t("requests.reopened", {
                    title: cancelled.title,
                    date: formatDate(cancelled.cancelledAt),
                  })}
                  {cancelled.reason ? ` ${t("requests.reopenedReason", { reason: cancelled.reason })}` : ""}
                </span>
              ))}
            </span>
          ),
        },
        ...(showActions
          ? [
              {
                id: "actions",
                header: t("requests.columns.actions"),
                cell: (request: TrainingRequest) =>
                  request.status === "submitted" ? (
                    <div className="cell-actions">
                      {inbox ? (
                        <>
                          <CreateTrainingDialog
                            orgId={orgId}
                            isNns
                            requestIds={[request.id]}
                            defaultTitle={`BIP/SKAPA ${request.organization.name}`}
                            triggerLabel={t("requests.createTraining")}
                            triggerAriaLabel={t("requests.createTrainingLabel", {
                              who: request.organization.name,
                            })}
                            triggerVariant="secondary"
                          />
                          <DeclineDialog orgId={orgId} request={request} onFeedback={onFeedback} />
                        </>
                      ) : (
                        <ConfirmDialog
                          trigger={
                            <RowButton
                              label={t("requests.withdraw")}
                              aria-label={t("requests.withdrawLabel", { period: period(request) })}
                            />
                          }
                          title={t("requests.withdrawTitle")}
                          confirmLabel={t("requests.withdrawConfirm")}
                          isPending={withdrawing}
                          onConfirm={() => onWithdraw(request)}
                        >
                          <p>{t("requests.withdrawBody", { period: period(request) })}</p>
                        </ConfirmDialog>
                      )}
                    </div>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
