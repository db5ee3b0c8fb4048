import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import type { Feedback } from "../../components/Feedback";
import { TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button } from "../../components/ui";
import { api, call } from "../../lib/api";
import { type TrainingRequest, trainingKeys } from "./queries";
import "./i18n";

/** NNS declines an intresseanmälan with a note the förbund sees. */
export function DeclineDialog({
  orgId,
  request,
  onFeedback,
}: {
  orgId: string;
  request: TrainingRequest;
  onFeedback: (feedback: Feedback) => void;
}) {
  const { t } = useTranslation("trainings");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const decline = useMutation({
    mutationFn: (note: string) =>
      call(
        api.POST("/orgs/{orgId}/training-requests/{requestId}/decline", {
          params: { path: { orgId, requestId: request.id } },
          body: { note },
        }),
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: trainingKeys.requests(orgId) }),
        queryClient.invalidateQueries({ queryKey: trainingKeys.nns }),
      ]),
  });
  return (
    <FormDialog
      title={t("requests.declineTitle", { name: request.organization.name })}
      trigger={
        <Button
          variant="secondary"
          className="btn-small"
          aria-label={t("requests.declineLabel", { name: request.organization.name })}
        >
          {t("requests.decline")}
        </Button>
      }
      onOpenChange={() => decline.reset()}
    >
      {(close) => (
        <ServerForm
          error={decline.error}
          onEdit={decline.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const note = String(new FormData(event.currentTarget).get("note") ?? "").trim();
            decline.mutate(note, {
              onSuccess: () => {
                close();
                onFeedback({
                  kind: "success",
                  text: t("requests.declined", { name: request.organization.name }),
                });
              },
            });
          }}
        >
          <FormError error={decline.error} />
          <TextAreaField name="note" label={t("requests.declineNote")} isRequired />
          <div className="dialog-actions">
            <Button variant="secondary" onPress={close}>
              {tc("cancel")}
            </Button>
            <Button type="submit" variant="danger" isDisabled={decline.isPending}>
              {t("requests.declineConfirm")}
            </Button>
          </div>
        </ServerForm>
      )}
    </FormDialog>
  );
}
