import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import type { Feedback } from "../../components/Feedback";
import { TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { RowButton } from "../../components/ui";
import type { TrainingRequest } from "./api";
import { useDeclineRequest } from "./requests-api";
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
  const decline = useDeclineRequest(orgId, request.id);
  return (
    <FormDialog
      title={t("requests.declineTitle", { name: request.organization.name })}
      trigger={
        <RowButton
          label={t("requests.decline")}
          aria-label={t("requests.declineLabel", { name: request.organization.name })}
        />
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
          <DialogActions
            onCancel={close}
            submitLabel={t("requests.declineConfirm")}
            variant="danger"
            isPending={decline.isPending}
          />
        </ServerForm>
      )}
    </FormDialog>
  );
}
