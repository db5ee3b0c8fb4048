import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SelectField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import { TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { useCreateTraining } from "./api";
import { optional } from "./format";
import "./i18n";

type Kind = "bip_skapa" | "event";

/**
 * A new training: a förbund's own event, or (NNS) a BIP/SKAPA training, possibly answering one or more
 * intresseanmälningar whose förbund become its parties. One Idempotency-Key per opening of the dialog.
 */
export function CreateTrainingDialog({
  orgId,
  isNns,
  requestIds,
  defaultTitle,
  triggerLabel,
  triggerVariant = "primary",
  triggerAriaLabel,
}: {
  orgId: string;
  isNns: boolean;
  requestIds?: string[];
  defaultTitle?: string;
  triggerLabel?: string;
  triggerVariant?: "primary" | "secondary";
  triggerAriaLabel?: string;
}) {
  const { t } = useTranslation("trainings");
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [kind, setKind] = useState<Kind>(isNns ? "bip_skapa" : "event");
  const create = useCreateTraining(orgId, idempotencyKey, requestIds);
  const fixedKind = requestIds !== undefined || !isNns;
  return (
    <FormDialog
      title={requestIds ? t("create.fromRequestsTitle") : t("create.title")}
      trigger={
        <Button
          variant={triggerVariant}
          className={triggerVariant === "secondary" ? "btn-small" : undefined}
          aria-label={triggerAriaLabel}
        >
          {triggerLabel ?? (isNns ? t("create.triggerNns") : t("create.trigger"))}
        </Button>
      }
      onOpenChange={(open) => {
        if (open) {
          setIdempotencyKey(crypto.randomUUID());
          setKind(isNns ? "bip_skapa" : "event");
          create.reset();
        }
      }}
    >
      {(close) => (
        <ServerForm
          error={create.error}
          onEdit={create.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            create.mutate({
              kind,
              title: String(data.get("title") ?? "").trim(),
              description: optional(data.get("description")),
            });
          }}
        >
          <p>
            {requestIds ? t("create.fromRequestsIntro", { count: requestIds.length }) : t("create.intro")}
          </p>
          <FormError error={create.error} />
          {fixedKind ? null : (
            <SelectField
              label={t("create.kind")}
              options={(["bip_skapa", "event"] as const).map((id) => ({ id, label: t(`kind.${id}`) }))}
              value={kind}
              onChange={(value) => setKind(value as Kind)}
              isRequired
            />
          )}
          <TextField
            name="title"
            label={t("create.titleField")}
            defaultValue={defaultTitle}
            isRequired
            autoFocus
          />
          <TextAreaField name="description" label={t("create.description")} />
          <DialogActions onCancel={close} submitLabel={t("create.submit")} isPending={create.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
