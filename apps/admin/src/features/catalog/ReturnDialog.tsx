import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import { TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button } from "../../components/ui";
import { useApiMutation } from "../../lib/mutation";
import { localProblem } from "./localErrors";
import "./i18n";

/** Returning needs a comment saying what to change; the API refuses an empty one beside the field. */
export function ReturnDialog({
  title,
  onReturn,
}: {
  title: string;
  onReturn: (comment: string) => Promise<unknown>;
}) {
  const { t } = useTranslation("catalog");
  // A mutation, not component state: its reset on the first keystroke after an error is batched, so
  // that keystroke is not lost to a re-render. It only wraps `onReturn`, the workflow step, whose own
  // hook refreshes the entry: nothing for this one to invalidate.
  // The API refuses a blank comment by its schema's pattern, whose generic message says nothing here: the
  // dialog says what is missing before sending.
  const send = useApiMutation({
    mutationFn: (comment: string) => {
      if (comment.trim() === "") {
        const missing = t("detail.returnCommentMissing");
        return Promise.reject(localProblem({ comment: missing }, missing));
      }
      return onReturn(comment);
    },
  });
  return (
    <FormDialog
      title={t("detail.returnTitle", { title })}
      trigger={<Button variant="secondary">{t("detail.return")}</Button>}
      onOpenChange={() => send.reset()}
    >
      {(close) => (
        <ServerForm
          error={send.error}
          onEdit={send.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const comment = String(new FormData(event.currentTarget).get("comment") ?? "");
            send.mutate(comment, { onSuccess: close });
          }}
        >
          <FormError error={send.error} />
          <TextAreaField name="comment" label={t("detail.returnComment")} isRequired />
          <DialogActions
            onCancel={close}
            submitLabel={t("detail.returnConfirm")}
            variant="danger"
            isPending={send.isPending}
          />
        </ServerForm>
      )}
    </FormDialog>
  );
}
