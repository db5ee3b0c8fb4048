import { useEffect, useRef } from "react";
import { Label, ProgressBar } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { type Feedback, FeedbackRegion } from "../../components/Feedback";
import { QueryView } from "../../components/states";
import { Button } from "../../components/ui";
import { problemText } from "../../lib/api";
import { type Issue, type SendingProgress, useSendingProgress, useSendingStep, useTestSend } from "./api";
import "./i18n";

const number = new Intl.NumberFormat("sv-SE");

/**
 * Sending: a test copy to oneself, then (the owner) send now, and while it goes a live progress bar with
 * pause, resume and cancel; afterwards the issue's figures. Counts are shown as numbers, not only as a bar.
 */
export function SendingPanel({
  orgId,
  issue,
  publicationName,
  isOwner,
  write,
  feedback,
  onFeedback,
}: {
  orgId: string;
  issue: Issue;
  publicationName: string;
  isOwner: boolean;
  write: boolean;
  feedback: Feedback;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("newsletters");
  const progress = useSendingProgress(orgId, issue);
  const step = useSendingStep(orgId, issue);
  const testSend = useTestSend(orgId, issue);
  const status = issue.status;
  const started = status === "sending" || status === "paused" || status === "sent" || status === "cancelled";
  const owner = write && isOwner;
  const editable = status === "draft" || status === "ready" || status === "scheduled";
  // The end of a send happens while the page watches: say so, as the pressed buttons' messages do.
  const before = useRef(status);
  useEffect(() => {
    if ((before.current === "sending" || before.current === "paused") && status === "sent")
      onFeedback({ kind: "success", text: t("sending.finished") });
    before.current = status;
  }, [status, onFeedback, t]);
  const act = (next: "pause" | "resume") =>
    step.mutate(next, {
      onSuccess: () => onFeedback({ kind: "success", text: t(`sending.${next}Done`) }),
      onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
    });
  return (
    <section className="card" aria-labelledby="sending-heading">
      <h2 id="sending-heading">{t("sending.heading")}</h2>
      {started ? (
        <QueryView query={progress}>{(data) => <Figures progress={data} />}</QueryView>
      ) : (
        <p>{status === "draft" ? t("sending.notReady") : t("sending.intro")}</p>
      )}
      <div className="cell-actions newsletter-actions">
        {write && editable ? (
          <Button
            variant="secondary"
            isPending={testSend.isPending}
            onPress={() =>
              testSend.mutate(undefined, {
                onSuccess: (result) =>
                  onFeedback({ kind: "success", text: t("sending.testDone", { to: result.to }) }),
                onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
              })
            }
          >
            {t("sending.test")}
          </Button>
        ) : null}
        {owner && (status === "ready" || status === "scheduled") ? (
          <ConfirmDialog
            trigger={<Button>{t("sending.send")}</Button>}
            title={t("sending.sendTitle")}
            confirmLabel={t("sending.sendConfirm")}
            isPending={step.isPending}
            onConfirm={async () => {
              await step.mutateAsync("send");
              onFeedback({ kind: "success", text: t("sending.sendDone") });
            }}
          >
            <p>{t("sending.sendBody", { publication: publicationName })}</p>
          </ConfirmDialog>
        ) : null}
        {owner && status === "sending" ? (
          <Button variant="secondary" isPending={step.isPending} onPress={() => act("pause")}>
            {t("sending.pause")}
          </Button>
        ) : null}
        {owner && status === "paused" ? (
          <Button isPending={step.isPending} onPress={() => act("resume")}>
            {t("sending.resume")}
          </Button>
        ) : null}
        {owner && status !== "sent" && status !== "cancelled" ? (
          <ConfirmDialog
            trigger={<Button variant="danger">{t("sending.cancel")}</Button>}
            title={t("sending.cancelTitle")}
            confirmLabel={t("sending.cancelConfirm")}
            isPending={step.isPending}
            onConfirm={async () => {
              await step.mutateAsync("cancel");
              onFeedback({ kind: "success", text: t("sending.cancelDone") });
            }}
          >
            <p>{started ? t("sending.cancelBodyStarted") : t("sending.cancelBody")}</p>
          </ConfirmDialog>
        ) : null}
      </div>
      <FeedbackRegion feedback={feedback} />
    </section>
  );
}

/** While sending: the bar and what is sent, failed and left. Afterwards: what was delivered and what followed. */
function Figures({ progress }: { progress: SendingProgress }) {
  const { t } = useTranslation("newsletters");
  const settled = progress.total - progress.pending;
  const underway = progress.status === "sending" || progress.status === "paused";
  return (
    <>
      {underway ? (
        <ProgressBar
          className="newsletter-progress"
          value={settled}
          minValue={0}
          maxValue={Math.max(progress.total, 1)}
          valueLabel={t("sending.barValue", {
            done: number.format(settled),
            total: number.format(progress.total),
          })}
        >
          {({ percentage }) => (
            <>
              <div className="newsletter-progress-top">
                <Label>{progress.status === "paused" ? t("sending.barPaused") : t("sending.bar")}</Label>
                <span>
                  {t("sending.barValue", {
                    done: number.format(settled),
                    total: number.format(progress.total),
                  })}
                </span>
              </div>
              <div className="newsletter-progress-track">
                <div className="newsletter-progress-fill" style={{ width: `${percentage ?? 0}%` }} />
              </div>
            </>
          )}
        </ProgressBar>
      ) : null}
      <dl className="facts newsletter-figures">
        {underway ? (
          <>
            <dt>{t("sending.sent")}</dt>
            <dd>{number.format(progress.sent)}</dd>
            <dt>{t("sending.failed")}</dt>
            <dd>{number.format(progress.failed)}</dd>
            <dt>{t("sending.pending")}</dt>
            <dd>{number.format(progress.pending)}</dd>
          </>
        ) : (
          <>
            <dt>{t("sending.recipients")}</dt>
            <dd>{number.format(progress.total)}</dd>
            <dt>{t("sending.delivered")}</dt>
            <dd>{number.format(progress.sent)}</dd>
            <dt>{t("sending.failed")}</dt>
            <dd>{number.format(progress.failed)}</dd>
            <dt>{t("sending.bounced")}</dt>
            <dd>{number.format(progress.bounced)}</dd>
            <dt>{t("sending.unsubscribed")}</dt>
            <dd>{number.format(progress.unsubscribed)}</dd>
            {progress.cancelled > 0 ? (
              <>
                <dt>{t("sending.notSent")}</dt>
                <dd>{number.format(progress.cancelled)}</dd>
              </>
            ) : null}
          </>
        )}
      </dl>
    </>
  );
}
