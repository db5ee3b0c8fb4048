import { useQuery } from "@tanstack/react-query";
import { getRouteApi, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button, PageHeader, TextField } from "../../components/ui";
import { usePermissions } from "../../lib/session";
import { type Issue, issueQuery, publicationQuery, useUpdateIssue } from "./api";
import { IssuePreview } from "./IssuePreview";
import { IssueWorkflow } from "./IssueWorkflow";
import { SectionsSection } from "./SectionsSection";
import { SendingPanel } from "./SendingPanel";
import "./i18n";
import "./newsletters.css";

const route = getRouteApi("/app/o/$orgId/nyhetsbrev/$publicationId/utskick/$issueId");

/** The issue editor: subject and preheader, the sections in order, the workflow and the preview. */
export function IssuePage() {
  const { orgId, publicationId, issueId } = route.useParams();
  return (
    <IssueEditor
      key={`${orgId}/${publicationId}/${issueId}`}
      orgId={orgId}
      publicationId={publicationId}
      issueId={issueId}
    />
  );
}

function IssueEditor({
  orgId,
  publicationId,
  issueId,
}: {
  orgId: string;
  publicationId: string;
  issueId: string;
}) {
  const { t } = useTranslation("newsletters");
  const publication = useQuery(publicationQuery(orgId, publicationId));
  const issue = useQuery(issueQuery(orgId, publicationId, issueId));
  const can = usePermissions(orgId);
  const status = useFeedback();
  const sections = useFeedback();
  const sending = useFeedback();
  return (
    <>
      <p>
        <Link to="/o/$orgId/nyhetsbrev/$publicationId" params={{ orgId, publicationId }}>
          {t("issue.back", { publication: publication.data?.name ?? t("title") })}
        </Link>
      </p>
      <QueryView query={issue}>
        {(data) => {
          const isOwner = publication.data?.isOwner ?? false;
          const write = can.has("newsletters:write") && !publication.data?.archivedAt;
          return (
            <>
              <PageHeader
                title={t("issue.title", { number: data.number, subject: data.subject })}
                description={publication.data?.name}
              />
              <IssueHeader orgId={orgId} issue={data} editable={write && isOwner && data.canEdit} />
              <IssueWorkflow
                orgId={orgId}
                issue={data}
                isOwner={isOwner}
                write={write}
                feedback={status.feedback}
                onFeedback={status.show}
              />
              <SendingPanel
                orgId={orgId}
                issue={data}
                publicationName={publication.data?.name ?? ""}
                isOwner={isOwner}
                write={write}
                feedback={sending.feedback}
                onFeedback={sending.show}
              />
              <SectionsSection
                orgId={orgId}
                issue={data}
                isOwner={isOwner}
                write={write}
                feedback={sections.feedback}
                onFeedback={sections.show}
              />
              <IssuePreview orgId={orgId} publicationId={publicationId} issueId={issueId} />
            </>
          );
        }}
      </QueryView>
    </>
  );
}

/** Subject and preheader: the owner changes them while the issue can change; everyone else reads them. */
function IssueHeader({ orgId, issue, editable }: { orgId: string; issue: Issue; editable: boolean }) {
  const { t } = useTranslation("newsletters");
  const update = useUpdateIssue(orgId, issue);
  const saved = useFeedback();
  return (
    <section className="card" aria-labelledby="issue-header-heading">
      <h2 id="issue-header-heading">{t("issue.headerHeading")}</h2>
      {editable ? (
        <ServerForm
          error={update.error}
          onEdit={update.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            update.mutate(
              {
                subject: String(data.get("subject")).trim(),
                preheader: String(data.get("preheader")).trim(),
              },
              { onSuccess: () => saved.show({ kind: "success", text: t("issue.headerSaved") }) },
            );
          }}
        >
          <FormError error={update.error} />
          <TextField
            name="subject"
            label={t("issue.subject")}
            defaultValue={issue.subject}
            maxLength={200}
            isRequired
          />
          <TextField
            name="preheader"
            label={t("issue.preheader")}
            description={t("issue.preheaderDescription")}
            defaultValue={issue.preheader}
            maxLength={200}
          />
          <div>
            <Button type="submit" variant="secondary" isPending={update.isPending}>
              {t("issue.saveHeader")}
            </Button>
          </div>
          <FeedbackRegion feedback={saved.feedback} />
        </ServerForm>
      ) : (
        <dl className="facts">
          <dt>{t("issue.subject")}</dt>
          <dd>{issue.subject}</dd>
          <dt>{t("issue.preheaderRead")}</dt>
          <dd>{issue.preheader || <span className="muted">{t("issue.noPreheader")}</span>}</dd>
        </dl>
      )}
    </section>
  );
}
