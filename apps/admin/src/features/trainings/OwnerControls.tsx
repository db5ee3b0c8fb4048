import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import type { Feedback } from "../../components/Feedback";
import { TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { ApiError, api, call } from "../../lib/api";
import { optional } from "./format";
import { invalidateTraining, type Training } from "./queries";
import "./i18n";

type Action = "plan" | "confirm" | "complete" | "cancel";
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
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const trainingId = training.id;
  const move = useMutation({
    mutationFn: (body: { action: Action; reason: string | null }) =>
      call(
        api.POST("/orgs/{orgId}/trainings/{trainingId}/transitions", {
          params: { path: { orgId, trainingId } },
          body,
        }),
      ),
    onSuccess: async (after) => {
      await invalidateTraining(queryClient, orgId, trainingId);
      onFeedback({
        kind: "success",
        text: t("owner.moved", { status: t(`status.${after.status}`).toLowerCase() }),
      });
    },
  });
  const split = useMutation({
    mutationFn: (costSplitRule: "equal" | "seats") =>
      call(
        api.PATCH("/orgs/{orgId}/trainings/{trainingId}", {
          params: { path: { orgId, trainingId }, header: { "if-match": `"${training.version}"` } },
          body: { costSplitRule },
        }),
      ),
    onSuccess: async (after) => {
      await invalidateTraining(queryClient, orgId, trainingId);
      onFeedback({
        kind: "success",
        text: t("owner.splitChanged", { rule: t(`costSplit.${after.costSplitRule}`) }),
      });
    },
    onError: (error) => {
      void invalidateTraining(queryClient, orgId, trainingId);
      onFeedback({ kind: "error", text: detail(error) });
    },
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
                { onError: (error) => onFeedback({ kind: "error", text: detail(error) }) },
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
                  move.mutate({ action: "cancel", reason }, { onSuccess: close });
                }}
              >
                <p>{t("owner.cancelBody")}</p>
                <FormError error={move.error} />
                <TextAreaField name="reason" label={t("owner.reason")} isRequired />
                <div className="dialog-actions">
                  <Button variant="secondary" onPress={close}>
                    {tc("cancel")}
                  </Button>
                  <Button type="submit" variant="danger" isDisabled={move.isPending}>
                    {t("owner.cancelConfirm")}
                  </Button>
                </div>
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
            value={split.isPending ? split.variables : training.costSplitRule}
            onChange={(value) => {
              if (value !== training.costSplitRule && !split.isPending)
                split.mutate(value as "equal" | "seats");
            }}
          />
        </div>
      ) : null}
    </section>
  );
}

export function detail(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.problem.errors?.map((e) => e.message) ?? [];
    return fields.length > 0 ? fields.join(" ") : error.problem.detail;
  }
  return error instanceof Error ? error.message : String(error);
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
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (body: { title: string; description: string | null }) =>
      call(
        api.PATCH("/orgs/{orgId}/trainings/{trainingId}", {
          params: {
            path: { orgId, trainingId: training.id },
            header: { "if-match": `"${training.version}"` },
          },
          body,
        }),
      ),
    onSuccess: () => invalidateTraining(queryClient, orgId, training.id),
    onError: () => void invalidateTraining(queryClient, orgId, training.id),
  });
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
          <div className="dialog-actions">
            <Button variant="secondary" onPress={close}>
              {tc("cancel")}
            </Button>
            <Button type="submit" isDisabled={save.isPending}>
              {tc("save")}
            </Button>
          </div>
        </ServerForm>
      )}
    </FormDialog>
  );
}
