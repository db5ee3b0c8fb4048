import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { FormError, QueryView } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { ApiError } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { type Intervention, useIntervention, useSubmission, useVersionDiff, useWorkflowStep } from "./api";
import { ChangesTable, ContentTable } from "./changes";
import { ReturnDialog } from "./ReturnDialog";
import "./i18n";
import "./catalog.css";

const route = getRouteApi("/app/nns/catalog/queue/$forbundId/$interventionId");

/**
 * NNS's editorial review of one submitted entry, reached from the queue: whose it is, who sent it and
 * what they wrote, what would change in the public catalogue, and the two decisions. Only the editors'
 * actions are offered; the förbund's own (withdraw, archive) stay on its entry page.
 */
export function ReviewPage() {
  // The förbund's id, under which the entry's API paths lie; not `orgId`, which would turn the shell into
  // the förbund's own menu while NNS reviews.
  const { forbundId, interventionId } = route.useParams();
  return <Review key={`${forbundId}/${interventionId}`} orgId={forbundId} interventionId={interventionId} />;
}

function Review({ orgId, interventionId }: { orgId: string; interventionId: string }) {
  const { t } = useTranslation("catalog");
  const query = useIntervention(orgId, interventionId);
  return (
    <QueryView query={query}>
      {({ intervention, etag }) => (
        <>
          <PageHeader
            title={t("review.title", { title: intervention.content.title })}
            description={t("review.description")}
          />
          <p>
            <Link to="/nns/catalog/queue">{t("detail.backQueue")}</Link>
          </p>
          <SubmissionSection orgId={orgId} intervention={intervention} />
          <ChangesSection orgId={orgId} intervention={intervention} />
          {intervention.state === "submitted" ? (
            <Decision orgId={orgId} intervention={intervention} etag={etag} />
          ) : (
            <p className="notice">
              {t("review.notWaiting", { state: t(`state.${intervention.state}`).toLowerCase() })}
            </p>
          )}
        </>
      )}
    </QueryView>
  );
}

function SubmissionSection({ orgId, intervention }: { orgId: string; intervention: Intervention }) {
  const { t } = useTranslation("catalog");
  const submission = useSubmission(orgId, intervention.id);
  return (
    <section className="card" aria-labelledby="submission-heading">
      <h2 id="submission-heading">{t("review.submission")}</h2>
      <QueryView query={submission}>
        {(data) => (
          <>
            <dl className="facts">
              <dt>{t("review.owner")}</dt>
              <dd>{data.organizationName}</dd>
              <dt>{t("review.submittedBy")}</dt>
              <dd>{data.submittedBy ?? t("review.unknown")}</dd>
              <dt>{t("detail.submittedAt")}</dt>
              <dd>{data.submittedAt ? formatDateTime(data.submittedAt) : "–"}</dd>
              <dt>{t("detail.publishedRevision")}</dt>
              <dd>
                {intervention.publishedRevision === null
                  ? t("review.neverPublished")
                  : t("versions.revisionLabel", { n: intervention.publishedRevision })}
              </dd>
            </dl>
            <h3>{t("review.comment")}</h3>
            {data.comment ? (
              <blockquote className="submitter-comment">{data.comment}</blockquote>
            ) : (
              <p>{t("review.noComment")}</p>
            )}
          </>
        )}
      </QueryView>
    </section>
  );
}

/** Against the published revision, field by field; a first publication shows the whole entry. */
function ChangesSection({ orgId, intervention }: { orgId: string; intervention: Intervention }) {
  const { t } = useTranslation("catalog");
  const published = intervention.publishedRevision;
  const preview = (
    <p>
      <a href={`/v1/orgs/${orgId}/interventions/${intervention.id}/preview`}>{t("review.preview")}</a>
    </p>
  );
  if (published === null)
    return (
      <section className="card" aria-labelledby="changes-heading">
        <h2 id="changes-heading">{t("review.wholeEntry")}</h2>
        <p>{t("review.wholeEntryIntro")}</p>
        {preview}
        <ContentTable content={intervention.content} labelledBy="changes-heading" />
      </section>
    );
  return (
    <section className="card" aria-labelledby="changes-heading">
      <h2 id="changes-heading">{t("review.changes", { from: published, to: intervention.revision })}</h2>
      {preview}
      <Diff orgId={orgId} intervention={intervention} from={published} />
    </section>
  );
}

function Diff({ orgId, intervention, from }: { orgId: string; intervention: Intervention; from: number }) {
  const { t } = useTranslation("catalog");
  const diff = useVersionDiff(orgId, intervention.id, from, intervention.revision);
  return (
    <QueryView query={diff}>
      {(data) =>
        data.changes.length === 0 ? (
          <p>{t("versions.noChanges")}</p>
        ) : (
          <ChangesTable changes={data.changes} labelledBy="changes-heading" />
        )
      }
    </QueryView>
  );
}

/** Publish, or return with a comment; either way the reviewer goes back to the queue, told what happened. */
function Decision({
  orgId,
  intervention,
  etag,
}: {
  orgId: string;
  intervention: Intervention;
  etag: string | null;
}) {
  const { t } = useTranslation("catalog");
  const navigate = useNavigate();
  const act = useWorkflowStep(orgId, intervention.id, etag);
  const title = intervention.content.title;
  const decide = async (action: "publish" | "return", comment: string) => {
    await act.mutateAsync({ action, comment });
    await navigate({
      to: "/nns/catalog/queue",
      state: { catalogReviewed: t(`review.done.${action}`, { title }) },
    });
  };
  return (
    <section className="card" aria-labelledby="decision-heading">
      <h2 id="decision-heading">{t("review.decision")}</h2>
      <p>{t("review.decisionIntro")}</p>
      {act.error instanceof ApiError && act.error.status === 412 ? (
        <p className="form-error" role="alert">
          {t("form.stale")}
        </p>
      ) : (
        <FormError error={act.error} />
      )}
      <div className="action-row">
        <Button isDisabled={act.isPending} onPress={() => void decide("publish", "").catch(() => {})}>
          {t("detail.publish")}
        </Button>
        <ReturnDialog title={title} onReturn={(comment) => decide("return", comment)} />
      </div>
    </section>
  );
}
