import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import { SecretOnce } from "../../components/SecretOnce";
import { FormError } from "../../components/states";
import { Button } from "../../components/ui";
import { useRotateSecret } from "./api";
import type { WebhookEndpoint } from "./events";
import "./i18n";

/**
 * Ask first, then give the endpoint a new secret and show it once, in the same dialog. As when adding
 * an endpoint, the secret lives only in this component's state: closing the dialog forgets it.
 */
export function RotateSecretDialog({
  orgId,
  endpoint,
  onRotated,
}: {
  orgId: string;
  endpoint: WebhookEndpoint;
  onRotated: () => void;
}) {
  const { t } = useTranslation("webhooks");
  const [isOpen, setOpen] = useState(false);
  const openRef = useRef(false);
  const [secret, setSecret] = useState<string | null>(null);
  const rotate = useRotateSecret(orgId, endpoint.id);

  function onOpenChange(open: boolean) {
    setOpen(open);
    openRef.current = open;
    if (!open && secret) onRotated();
    setSecret(null);
    rotate.reset();
  }

  return (
    <FormDialog
      title={secret ? t("rotate.doneTitle") : t("rotate.title")}
      trigger={<Button variant="secondary">{t("rotate.button")}</Button>}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!secret}
    >
      {(close) =>
        secret ? (
          <>
            <SecretOnce
              warning={t("rotate.warning")}
              label={t("rotate.secretLabel", { url: endpoint.url })}
              secret={secret}
              copyLabel={t("created.copyLabel")}
            />
            <div className="dialog-actions">
              <Button onPress={close}>{t("rotate.done")}</Button>
            </div>
          </>
        ) : (
          <>
            <p>{t("rotate.body")}</p>
            <FormError error={rotate.error} />
            <DialogActions
              onCancel={close}
              submitLabel={t("rotate.confirm")}
              variant="danger"
              isPending={rotate.isPending}
              onConfirm={() =>
                rotate.mutate(undefined, {
                  onSuccess: (result) => {
                    if (openRef.current) setSecret(result.secret);
                  },
                })
              }
            />
          </>
        )
      }
    </FormDialog>
  );
}
