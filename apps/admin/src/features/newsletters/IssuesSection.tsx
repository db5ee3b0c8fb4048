import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DataTable } from "../../components/DataTable";
import { DialogActions } from "../../components/DialogActions";
import { ServerForm } from "../../components/ServerForm";
import { FormError, QueryView } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { type Issue, issuesQuery, type Publication, useCreateIssue } from "./api";
import { IssueStatus } from "./IssueStatus";
import "./i18n";

/** A publication's issues, newest first; the owner starts new ones. */
export function IssuesSection({
  orgId,
  publication,
  write,
}: {
  orgId: string;
  publication: Publication;
  write: boolean;
}) {
  const { t } = useTranslation("newsletters");
  const issues = useQuery(issuesQuery(orgId, publication.id));
  return (
    <section className="card" aria-labelledby="issues-heading">
      <div className="newsletter-section-header">
        <h2 id="issues-heading">{t("issues.heading")}</h2>
        {write && publication.isOwner ? (
          <CreateIssueDialog orgId={orgId} publicationId={publication.id} />
        ) : null}
      </div>
      <QueryView query={issues} isEmpty={(data) => data.length === 0} empty={t("issues.empty")}>
        {(data) => (
          <DataTable
            labelledBy="issues-heading"
            rows={data}
            rowKey={(issue) => issue.id}
            columns={[
              {
                id: "subject",
                header: t("issues.columns.subject"),
                rowHeader: true,
                cell: (issue) => (
                  <Link
                    to="/o/$orgId/nyhetsbrev/$publicationId/utskick/$issueId"
                    params={{ orgId, publicationId: publication.id, issueId: issue.id }}
                  >
                    {t("issue.title", { number: issue.number, subject: issue.subject })}
                  </Link>
                ),
              },
              {
                id: "status",
                header: t("issues.columns.status"),
                cell: (issue) => <IssueStatus status={issue.status} />,
              },
              { id: "when", header: t("issues.columns.when"), cell: (issue) => <IssueWhen issue={issue} /> },
              {
                id: "sections",
                header: t("issues.columns.sections"),
                cell: (issue) => t("issues.sectionCount", { count: issue.sections.length }),
              },
            ]}
          />
        )}
      </QueryView>
    </section>
  );
}

function IssueWhen({ issue }: { issue: Issue }) {
  const { t } = useTranslation("newsletters");
  if (issue.sentAt) return <>{t("issues.sentAt", { date: formatDateTime(issue.sentAt) })}</>;
  if (issue.status === "scheduled" && issue.scheduledAt)
    return <>{t("issues.scheduledFor", { date: formatDateTime(issue.scheduledAt) })}</>;
  return <>–</>;
}

function CreateIssueDialog({ orgId, publicationId }: { orgId: string; publicationId: string }) {
  const { t } = useTranslation("newsletters");
  const navigate = useNavigate();
  const create = useCreateIssue(orgId, publicationId);
  return (
    <FormDialog
      title={t("issues.createTitle")}
      trigger={<Button>{t("issues.create")}</Button>}
      onOpenChange={() => create.reset()}
    >
      {(close) => (
        <ServerForm
          error={create.error}
          onEdit={create.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            create.mutate(
              {
                subject: String(data.get("subject")).trim(),
                preheader: String(data.get("preheader")).trim(),
              },
              {
                onSuccess: (issue) =>
                  navigate({
                    to: "/o/$orgId/nyhetsbrev/$publicationId/utskick/$issueId",
                    params: { orgId, publicationId, issueId: issue.id },
                  }),
              },
            );
          }}
        >
          <FormError error={create.error} />
          <TextField name="subject" label={t("issue.subject")} maxLength={200} isRequired autoFocus />
          <TextField
            name="preheader"
            label={t("issue.preheader")}
            description={t("issue.preheaderDescription")}
            maxLength={200}
          />
          <DialogActions
            onCancel={close}
            submitLabel={t("issues.createSubmit")}
            isPending={create.isPending}
          />
        </ServerForm>
      )}
    </FormDialog>
  );
}
