import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useRouterState } from "@tanstack/react-router";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { FormError, QueryView } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { ApiError } from "../../lib/api";
import { formatDate, formatDateTime } from "../../lib/format";
import { orgAccessQuery, usePermissions } from "../../lib/session";
import {
  type Intervention,
  useCatalogSettings,
  useForbundChoices,
  useIntervention,
  useVocabularies,
  useWorkflowStep,
  type WorkflowAction,
} from "./api";
import { InterventionStateBadge, isEditable, PublishedVersionBadge } from "./badges";
import { CoOwnersSection } from "./CoOwnersSection";
import { ProjectSection } from "./ProjectSection";
import { ReturnDialog } from "./ReturnDialog";
import { InterventionTabs } from "./Tabs";
import "./i18n";
import "./catalog.css";

const route = getRouteApi("/app/o/$orgId/interventions/$interventionId");

/** One intervention: its state, the editorial comment, the workflow actions, a preview and co-owners. */
export function InterventionPage() {
  const { orgId, interventionId } = route.useParams();
  return (
    <InterventionView key={`${orgId}/${interventionId}`} orgId={orgId} interventionId={interventionId} />
  );
}

function InterventionView({ orgId, interventionId }: { orgId: string; interventionId: string }) {
  const { t } = useTranslation("catalog");
  const can = usePermissions(orgId);
  const query = useIntervention(orgId, interventionId);
  const vocab = useVocabularies();
  // NNS working in a förbund it is not part of: it reviews and coordinates, it is not the owner.
  const coordinator = useQuery(orgAccessQuery(orgId)).data?.access === "nns_admin_elsewhere";
  const forbund = useForbundChoices(coordinator);
  const { feedback, show } = useFeedback();
  const saved = useRouterState({
    select: (s) => s.location.state.interventionSaved === true,
  });
  useEffect(() => {
    if (saved) show({ kind: "success", text: t("form.saved") });
  }, [saved, show, t]);
  return (
    <QueryView query={query}>
      {({ intervention, etag }) => {
        const c = intervention.content;
        const focus = vocab.data?.focusAreas.find((f) => f.code === c.focusArea)?.labelSv ?? c.focusArea;
        const groups = c.targetGroups.map(
          (code) => vocab.data?.targetGroups.find((g) => g.code === code)?.labelSv ?? code,
        );
        const isPublic = intervention.publishedRevision !== null && intervention.state !== "archived";
        return (
          <>
            <PageHeader
              title={c.title}
              actions={
                isPublic ? (
                  <a className="btn btn-secondary" href={`/katalog/${intervention.id}`}>
                    {t("detail.publicLink")}
                  </a>
                ) : null
              }
            />
            <p>
              {coordinator || (can.has("catalog:editorial") && intervention.state === "submitted") ? (
                <Link to="/nns/catalog/queue">{t("detail.backQueue")}</Link>
              ) : (
                <Link to="/o/$orgId/interventions" params={{ orgId }}>
                  {t("detail.back")}
                </Link>
              )}
            </p>
            <InterventionTabs
              orgId={orgId}
              interventionId={interventionId}
              canEdit={can.has("interventions:write") && isEditable(intervention)}
            />
            <FeedbackRegion feedback={feedback} />
            {intervention.reviewComment ? (
              <section className="review-comment" aria-labelledby="review-comment-heading">
                <h2 id="review-comment-heading">{t("detail.returnedHeading")}</h2>
                <p>{t("detail.returnedIntro")}</p>
                <blockquote>{intervention.reviewComment}</blockquote>
                <p>{t("detail.returnedAfter")}</p>
              </section>
            ) : null}
            {intervention.publishedRevision !== null &&
            intervention.state !== "published" &&
            intervention.state !== "archived" ? (
              <p className="notice">
                {t("detail.draftOfPublished", { revision: intervention.publishedRevision })}
              </p>
            ) : null}
            <section className="card" aria-labelledby="overview-heading">
              <h2 id="overview-heading">{t("detail.overview")}</h2>
              <dl className="facts">
                <dt>{t("detail.state")}</dt>
                <dd>
                  <span className="action-row">
                    <InterventionStateBadge intervention={intervention} />
                    <PublishedVersionBadge intervention={intervention} />
                  </span>
                </dd>
                <dt>{t("detail.revision")}</dt>
                <dd>{intervention.revision}</dd>
                <dt>{t("detail.publishedRevision")}</dt>
                <dd>{intervention.publishedRevision ?? "–"}</dd>
                <dt>{t("detail.owner")}</dt>
                <dd>
                  {coordinator
                    ? (forbund.data?.find((f) => f.id === intervention.organizationId)?.name ?? "–")
                    : intervention.organizationId === orgId
                      ? t("detail.ownOrg")
                      : t("detail.otherOrg")}
                </dd>
                {intervention.submittedAt ? (
                  <>
                    <dt>{t("detail.submittedAt")}</dt>
                    <dd>{formatDateTime(intervention.submittedAt)}</dd>
                  </>
                ) : null}
                {c.runningBody ? (
                  <>
                    <dt>{t("detail.runningBody")}</dt>
                    <dd>{c.runningBody.name}</dd>
                  </>
                ) : null}
                <dt>{t("detail.updatedAt")}</dt>
                <dd>{formatDateTime(intervention.updatedAt)}</dd>
                <dt>{t("detail.summary")}</dt>
                <dd>{c.summary}</dd>
                <dt>{t("detail.orientation")}</dt>
                <dd>
                  {t(`orientation.${c.orientation}`)}: {focus}
                </dd>
                <dt>{t("detail.targetGroups")}</dt>
                <dd>{groups.length > 0 ? groups.join(", ") : "–"}</dd>
                <dt>{t("detail.period")}</dt>
                <dd>
                  {c.startDate ? `${formatDate(`${c.startDate}T12:00:00Z`)} – ` : ""}
                  {c.endDate ? formatDate(`${c.endDate}T12:00:00Z`) : t("untilFurther")}
                </dd>
                <dt>{t("detail.status")}</dt>
                <dd>{t(`status.${c.status}`)}</dd>
              </dl>
            </section>
            {coordinator && intervention.state === "submitted" ? (
              <section className="card" aria-labelledby="actions-heading">
                <h2 id="actions-heading">{t("detail.actions")}</h2>
                <p>{t("review.waiting")}</p>
                <Link
                  className="btn btn-primary"
                  to="/nns/catalog/queue/$forbundId/$interventionId"
                  params={{ forbundId: orgId, interventionId }}
                >
                  {t("review.open")}
                </Link>
              </section>
            ) : (
              <WorkflowActions orgId={orgId} intervention={intervention} etag={etag} onFeedback={show} />
            )}
            <ProjectSection orgId={orgId} interventionId={interventionId} />
            <section className="card" aria-labelledby="preview-heading">
              <h2 id="preview-heading">{t("detail.previewHeading")}</h2>
              <p>{t("detail.previewIntro")}</p>
              <iframe
                key={intervention.version}
                className="preview-frame"
                title={t("detail.previewTitle", { title: c.title })}
                src={`/v1/orgs/${orgId}/interventions/${intervention.id}/preview`}
              />
            </section>
            <CoOwnersSection orgId={orgId} intervention={intervention} onFeedback={show} />
          </>
        );
      }}
    </QueryView>
  );
}

/** The workflow steps this person may take on this entry in its present state. */
function WorkflowActions({
  orgId,
  intervention,
  etag,
  onFeedback,
}: {
  orgId: string;
  intervention: Intervention;
  etag: string | null;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("catalog");
  const can = usePermissions(orgId);
  const access = useQuery(orgAccessQuery(orgId));
  const settings = useCatalogSettings(orgId);
  const [comment, setComment] = useState("");
  const act = useWorkflowStep(orgId, intervention.id, etag);
  const run = async (action: WorkflowAction, text = comment) => {
    await act.mutateAsync({ action, comment: text });
    setComment("");
    onFeedback({ kind: "success", text: t(`detail.${ACTION_DONE[action]}`) });
  };

  const state = intervention.state;
  const isOwner = intervention.organizationId === orgId;
  const write = can.has("interventions:write");
  const editorial = can.has("catalog:editorial");
  const selfPublishing =
    isOwner && settings.data?.selfPublishing === true && access.data?.access === "org_admin";
  const mayPublish = editorial || selfPublishing;
  const allowed = {
    submit: write && (state === "draft" || state === "returned"),
    withdraw: write && state === "submitted",
    publish:
      write &&
      mayPublish &&
      (state === "submitted" || (selfPublishing && (state === "draft" || state === "returned"))),
    return: write && mayPublish && state === "submitted",
    archive: write && (isOwner || editorial) && state !== "archived",
  };
  const any = Object.values(allowed).some(Boolean);
  const title = intervention.content.title;

  return (
    <section className="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t("detail.actions")}</h2>
      {!any ? (
        <p>{t("detail.noActions")}</p>
      ) : (
        <>
          {allowed.submit || allowed.withdraw || allowed.publish ? (
            <div className="field">
              <label className="field-label" htmlFor="workflow-comment">
                {t("detail.comment")}
              </label>
              <span className="field-description" id="workflow-comment-hint">
                {t("detail.commentHint")}
              </span>
              <textarea
                id="workflow-comment"
                className="field-input field-textarea"
                rows={2}
                aria-describedby="workflow-comment-hint"
                value={comment}
                onChange={(event) => setComment(event.target.value)}
              />
            </div>
          ) : null}
          {act.error instanceof ApiError && act.error.status === 412 ? (
            <p className="form-error" role="alert">
              {t("form.stale")}
            </p>
          ) : (
            <FormError error={act.error} />
          )}
          <div className="action-row">
            {allowed.submit ? (
              <Button isDisabled={act.isPending} onPress={() => void run("submit").catch(() => {})}>
                {t("detail.submit")}
              </Button>
            ) : null}
            {allowed.publish ? (
              <Button isDisabled={act.isPending} onPress={() => void run("publish").catch(() => {})}>
                {t("detail.publish")}
              </Button>
            ) : null}
            {allowed.return ? <ReturnDialog title={title} onReturn={(text) => run("return", text)} /> : null}
            {allowed.withdraw ? (
              <Button
                variant="secondary"
                isDisabled={act.isPending}
                onPress={() => void run("withdraw").catch(() => {})}
              >
                {t("detail.withdraw")}
              </Button>
            ) : null}
            {allowed.archive ? (
              <ConfirmDialog
                trigger={<Button variant="danger">{t("detail.archive")}</Button>}
                title={t("detail.archiveTitle", { title })}
                confirmLabel={t("detail.archiveConfirm")}
                onConfirm={() => run("archive")}
                isPending={act.isPending}
              >
                <p>{t("detail.archiveBody")}</p>
              </ConfirmDialog>
            ) : null}
          </div>
        </>
      )}
    </section>
  );
}

const ACTION_DONE: Record<WorkflowAction, string> = {
  submit: "submitted",
  withdraw: "withdrawn",
  publish: "published",
  return: "returned",
  archive: "archived",
};
