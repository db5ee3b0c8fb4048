import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import type { Feedback } from "../../components/Feedback";
import { TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { problemText } from "../../lib/api";
import { type Training, useTransition, useUpdateTraining } from "./api";
import { optional } from "./format";
import "./i18n";

/** The next step forward; cancelling, which needs a reason, has its own dialog. */
type Action = "plan" | "confirm" | "complete";
const NEXT: Partial<Record<Training["status"], Action>> = {
  requested: "plan",
  planned: "confirm",
  confirmed: "complete",
};

/** The owner moves the training along its lifecycle, cancels it with a reason, and picks the cost split. */
export function OwnerControls({
  orgId,
  training,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const move = useTransition(orgId, training.id);
  const split = useUpdateTraining(orgId, training);
  const moved = (after: Training) =>
    onFeedback({
      kind: "success",
      text: t("owner.moved", { status: t(`status.${after.status}`).toLowerCase() }),
    });
  const next = NEXT[training.status];
  const open = training.status !== "completed" && training.status !== "cancelled";
  return (
    <section className="card" aria-labelledby="owner-heading">
      <h2 id="owner-heading">{t("owner.heading")}</h2>
      <p className="muted">{t(`owner.hint.${training.status}`)}</p>
      <div className="cell-actions">
        {next ? (
          <Button
            isDisabled={move.isPending}
            onPress={() =>
              move.mutate(
                { action: next, reason: null },
                {
                  onSuccess: moved,
                  onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
                },
              )
            }
          >
            {t(`owner.action.${next}`)}
          </Button>
        ) : null}
        {open ? <DetailsDialog orgId={orgId} training={training} onFeedback={onFeedback} /> : null}
        {open ? (
          <FormDialog
            title={t("owner.cancelTitle", { title: training.title })}
            trigger={<Button variant="danger">{t("owner.action.cancel")}</Button>}
            onOpenChange={() => move.reset()}
          >
            {(close) => (
              <ServerForm
                error={move.error}
                onEdit={move.reset}
                onSubmit={(event) => {
                  event.preventDefault();
                  const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
                  move.mutate(
                    { action: "cancel", reason },
                    {
                      onSuccess: (after) => {
                        close();
                        moved(after);
                      },
                    },
                  );
                }}
              >
                <p>{t("owner.cancelBody")}</p>
                <FormError error={move.error} />
                <TextAreaField name="reason" label={t("owner.reason")} isRequired />
                <DialogActions
                  onCancel={close}
                  submitLabel={t("owner.cancelConfirm")}
                  variant="danger"
                  isPending={move.isPending}
                />
              </ServerForm>
            )}
          </FormDialog>
        ) : null}
      </div>
      {open ? (
        <div className="form-row" style={{ marginTop: "var(--space-4)" }}>
          <SelectField
            label={t("owner.costSplit")}
            description={t("owner.costSplitDescription")}
            options={(["equal", "seats"] as const).map((id) => ({ id, label: t(`costSplit.${id}`) }))}
            value={split.isPending ? split.variables.costSplitRule : training.costSplitRule}
            onChange={(value) => {
              if (value !== training.costSplitRule && !split.isPending)
                split.mutate(
                  { costSplitRule: value as "equal" | "seats" },
                  {
                    onSuccess: (after) =>
                      onFeedback({
                        kind: "success",
                        text: t("owner.splitChanged", { rule: t(`costSplit.${after.costSplitRule}`) }),
                      }),
                    onError: (error) => onFeedback({ kind: "error", text: problemText(error) }),
                  },
                );
            }}
          />
        </div>
      ) : null}
    </section>
  );
}

/** The owner renames the training or changes its description. */
function DetailsDialog({
  orgId,
  training,
  onFeedback,
}: {
  orgId: string;
  training: Training;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const save = useUpdateTraining(orgId, training);
  return (
    <FormDialog
      title={t("owner.detailsTitle")}
      trigger={<Button variant="secondary">{t("owner.details")}</Button>}
      onOpenChange={() => save.reset()}
    >
      {(close) => (
        <ServerForm
          error={save.error}
          onEdit={save.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            save.mutate(
              {
                title: String(data.get("title") ?? "").trim(),
                description: optional(data.get("description")),
              },
              {
                onSuccess: (after) => {
                  close();
                  onFeedback({ kind: "success", text: t("owner.detailsSaved", { title: after.title }) });
                },
              },
            );
          }}
        >
          <FormError error={save.error} />
          <TextField
            name="title"
            label={t("create.titleField")}
            defaultValue={training.title}
            isRequired
            autoFocus
          />
          <TextAreaField
            name="description"
            label={t("create.description")}
            defaultValue={training.description ?? ""}
          />
          <DialogActions onCancel={close} isPending={save.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
