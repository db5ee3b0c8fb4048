import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import { type Feedback, FeedbackRegion } from "../../components/Feedback";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Badge, Button, TextField } from "../../components/ui";
import { fieldErrors, problemText } from "../../lib/api";
import { formatDateTime } from "../../lib/format";
import { stockholmInstant } from "../../lib/stockholm";
import { type Issue, type IssueStep, useIssueStep } from "./api";
import { IssueStatus } from "./IssueStatus";
import "./i18n";

/**
 * Where the issue stands: its status and time, which publishers have approved their sections, and the
 * owner's steps (ready, scheduled, back to draft). Times are Swedish time, whatever the browser's zone.
 */
export function IssueWorkflow({
  orgId,
  issue,
  isOwner,
  write,
  feedback,
  onFeedback,
}: {
  orgId: string;
  issue: Issue;
  isOwner: boolean;
  write: boolean;
  feedback: Feedback;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const step = useIssueStep(orgId, issue);
  const run = (next: IssueStep, done: string) =>
    step.mutate(next, {
      onSuccess: () => onFeedback({ kind: "success", text: done }),
      onError: (error) =>
        onFeedback({ kind: "error", text: t("issue.stepFailed", { detail: problemText(error) }) }),
    });
  const mayStep = write && isOwner;
  const status = issue.status;
  return (
    <section className="card" aria-labelledby="issue-status-heading">
      <h2 id="issue-status-heading">{t("issue.statusHeading")}</h2>
      <dl className="facts">
        <dt>{t("issue.status")}</dt>
        <dd>
          <IssueStatus status={status} />
        </dd>
        {status === "scheduled" && issue.scheduledAt ? (
          <>
            <dt>{t("issue.scheduledAt")}</dt>
            <dd>{formatDateTime(issue.scheduledAt)}</dd>
          </>
        ) : null}
        {issue.sentAt ? (
          <>
            <dt>{t("issue.sentAt")}</dt>
            <dd>{formatDateTime(issue.sentAt)}</dd>
          </>
        ) : null}
        {issue.publicUrl ? (
          <>
            <dt>{t("issue.publicUrl")}</dt>
            <dd style={{ overflowWrap: "anywhere" }}>
              <a href={issue.publicUrl}>{issue.publicUrl}</a>
            </dd>
          </>
        ) : null}
      </dl>
      {status === "sending" || status === "paused" ? <p className="notice">{t("issue.readOnly")}</p> : null}
      {status === "sent" ? <p className="notice">{t("issue.readOnlySent")}</p> : null}
      <h3>{t("issue.approvalsHeading")}</h3>
      <p>{t("issue.approvalsIntro")}</p>
      {issue.approvals.length === 0 ? (
        <p className="muted">{t("issue.noApprovals")}</p>
      ) : (
        <ul className="plain-list newsletter-approvals">
          {issue.approvals.map((approval) => (
            <li key={approval.organizationId}>
              {approval.organizationName}{" "}
              {approval.approved ? (
                <Badge tone="success">{t("issue.approved")}</Badge>
              ) : (
                <Badge tone="warning">{t("issue.notApproved")}</Badge>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayStep && (status === "draft" || status === "ready" || status === "scheduled") ? (
        <div className="cell-actions newsletter-actions">
          {status === "draft" ? (
            <Button isPending={step.isPending} onPress={() => run({ step: "ready" }, t("issue.readyDone"))}>
              {t("issue.ready")}
            </Button>
          ) : (
            <>
              <ScheduleDialog orgId={orgId} issue={issue} onFeedback={onFeedback} />
              <Button
                variant="secondary"
                isPending={step.isPending}
                onPress={() => run({ step: "draft" }, t("issue.draftDone"))}
              >
                {t("issue.draft")}
              </Button>
            </>
          )}
        </div>
      ) : null}
      <FeedbackRegion feedback={feedback} />
    </section>
  );
}

/** A date and a time of day in Swedish time; the API gets the instant, and says if it has passed. */
function ScheduleDialog({
  orgId,
  issue,
  onFeedback,
}: {
  orgId: string;
  issue: Issue;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const schedule = useIssueStep(orgId, issue);
  // "2027-02-03 09:00" in Swedish time: the date and time fields' own formats.
  const [date, time] = issue.scheduledAt ? formatDateTime(issue.scheduledAt).split(" ") : [];
  // The API names `scheduledAt`; the form asks for it in two fields, and its message goes beside the date.
  const errors = useMemo(() => {
    const byField = fieldErrors(schedule.error);
    return byField.scheduledAt ? { date: byField.scheduledAt } : byField;
  }, [schedule.error]);
  return (
    <FormDialog
      title={t("issue.scheduleTitle")}
      trigger={<Button>{issue.status === "scheduled" ? t("issue.reschedule") : t("issue.schedule")}</Button>}
      onOpenChange={() => schedule.reset()}
    >
      {(close) => (
        <ServerForm
          error={schedule.error}
          onEdit={schedule.reset}
          validationErrors={errors}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            const at = stockholmInstant(String(data.get("date") ?? ""), String(data.get("time") ?? ""));
            if (!at) return;
            schedule.mutate(
              { step: "schedule", scheduledAt: at },
              {
                onSuccess: (saved) => {
                  close();
                  onFeedback({
                    kind: "success",
                    text: t("issue.scheduledDone", { date: formatDateTime(saved.scheduledAt) }),
                  });
                },
              },
            );
          }}
        >
          <p>{t("issue.scheduleIntro")}</p>
          <FormError error={schedule.error} />
          <div className="form-row">
            <TextField
              name="date"
              type="date"
              label={t("issue.scheduleDate")}
              defaultValue={date}
              isRequired
              autoFocus
            />
            <TextField
              name="time"
              type="time"
              label={t("issue.scheduleTime")}
              defaultValue={time}
              isRequired
            />
          </div>
          <DialogActions
            onCancel={close}
            submitLabel={t("issue.scheduleSubmit")}
            isPending={schedule.isPending}
          />
        </ServerForm>
      )}
    </FormDialog>
  );
}
