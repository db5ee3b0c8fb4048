import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { usePermissions } from "../../lib/session";
import { type Publication, publicationQuery, useUpdatePublication } from "./api";
import { IssuesSection } from "./IssuesSection";
import { PublicationForm } from "./PublicationForm";
import { PublishersSection } from "./PublishersSection";
import "./i18n";
import "./newsletters.css";

const route = getRouteApi("/app/o/$orgId/nyhetsbrev/$publicationId");

/** The subscribers page belongs to its own feature; linked by path so that the two stay apart. */
const SUBSCRIBERS_PATH: string = "/o/$orgId/nyhetsbrev/$publicationId/prenumeranter";

/** One newsletter: its settings, its publishers and their footer lines, and its issues. */
export function PublicationPage() {
  const { orgId, publicationId } = route.useParams();
  return <PublicationView key={`${orgId}/${publicationId}`} orgId={orgId} publicationId={publicationId} />;
}

function PublicationView({ orgId, publicationId }: { orgId: string; publicationId: string }) {
  const { t } = useTranslation("newsletters");
  const publication = useQuery(publicationQuery(orgId, publicationId));
  const can = usePermissions(orgId);
  const { feedback, show } = useFeedback();
  return (
    <>
      <p>
        <Link to="/o/$orgId/nyhetsbrev" params={{ orgId }}>
          {t("detail.back")}
        </Link>
      </p>
      <QueryView query={publication}>
        {(data) => {
          const write = can.has("newsletters:write") && !data.archivedAt;
          return (
            <>
              <PageHeader
                title={data.name}
                description={data.description ?? undefined}
                actions={
                  <>
                    {can.has("subscribers:manage") ? (
                      <Link
                        to={SUBSCRIBERS_PATH}
                        params={{ orgId, publicationId }}
                        className="btn btn-secondary"
                      >
                        {t("detail.subscribers")}
                      </Link>
                    ) : null}
                    {write && data.isOwner ? (
                      <EditPublicationDialog orgId={orgId} publication={data} onFeedback={show} />
                    ) : null}
                  </>
                }
              />
              <FeedbackRegion feedback={feedback} />
              <About publication={data} />
              <PublishersSection orgId={orgId} publication={data} write={write} onFeedback={show} />
              <IssuesSection orgId={orgId} publication={data} write={write} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}

function About({ publication }: { publication: Publication }) {
  const { t } = useTranslation("newsletters");
  return (
    <section className="card" aria-labelledby="publication-about-heading">
      <h2 id="publication-about-heading">{t("detail.aboutHeading")}</h2>
      {publication.archivedAt ? <p className="notice">{t("detail.archivedNote")}</p> : null}
      <dl className="facts">
        <dt>{t("detail.publicPage")}</dt>
        <dd style={{ overflowWrap: "anywhere" }}>
          <a href={publication.publicUrl}>{publication.publicUrl}</a>
        </dd>
        <dt>{t("detail.owner")}</dt>
        <dd>{publication.owner.name}</dd>
        <dt>{t("detail.sender")}</dt>
        <dd style={{ overflowWrap: "anywhere" }}>
          {publication.senderName} &lt;{publication.senderEmail}&gt;
        </dd>
        <dt>{t("detail.replyTo")}</dt>
        <dd style={{ overflowWrap: "anywhere" }}>{publication.replyTo ?? t("detail.replyToSame")}</dd>
        <dt>{t("detail.logo")}</dt>
        <dd style={{ overflowWrap: "anywhere" }}>
          {publication.logoUrl ? (
            <>
              {publication.logoAlt} <span className="muted">({publication.logoUrl})</span>
            </>
          ) : (
            <span className="muted">{t("detail.noLogo")}</span>
          )}
        </dd>
      </dl>
    </section>
  );
}

function EditPublicationDialog({
  orgId,
  publication,
  onFeedback,
}: {
  orgId: string;
  publication: Publication;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const update = useUpdatePublication(orgId, publication);
  return (
    <FormDialog
      title={t("form.editTitle")}
      trigger={<Button variant="secondary">{t("detail.edit")}</Button>}
      onOpenChange={() => update.reset()}
    >
      {(close) => (
        <PublicationForm
          initial={publication}
          error={update.error}
          onEdit={update.reset}
          isPending={update.isPending}
          onCancel={close}
          onSubmit={(body) =>
            update.mutate(body, {
              onSuccess: () => {
                close();
                onFeedback({ kind: "success", text: t("form.saved") });
              },
            })
          }
        />
      )}
    </FormDialog>
  );
}
