import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { SecretOnce } from "../../components/SecretOnce";
import { Button } from "../../components/ui";
import { useCreateEndpoint } from "./api";
import { EndpointForm } from "./EndpointForm";
import "./i18n";

interface Created {
  url: string;
  secret: string;
}

/**
 * Add an endpoint, then show its signing secret once. The secret lives only in this component's state
 * (and the mutation, which is reset and never cached): closing the dialog forgets it for good.
 */
export function CreateEndpointDialog({
  orgId,
  onCreated,
}: {
  orgId: string;
  onCreated: (url: string) => void;
}) {
  const { t } = useTranslation("webhooks");
  const [isOpen, setOpen] = useState(false);
  const openRef = useRef(false);
  const [created, setCreated] = useState<Created | null>(null);
  const create = useCreateEndpoint(orgId);

  function onOpenChange(open: boolean) {
    setOpen(open);
    openRef.current = open;
    if (!open && created) onCreated(created.url);
    // Opening or closing, start from nothing: no old secret, no old errors.
    setCreated(null);
    create.reset();
  }

  return (
    <FormDialog
      title={created ? t("created.title") : t("form.createTitle")}
      trigger={<Button>{t("create")}</Button>}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!created}
    >
      {(close) =>
        created ? (
          <>
            <SecretOnce
              warning={t("created.warning")}
              label={t("created.secretLabel", { url: created.url })}
              secret={created.secret}
              copyLabel={t("created.copyLabel")}
            />
            <div className="dialog-actions">
              <Button onPress={close}>{t("created.done")}</Button>
            </div>
          </>
        ) : (
          <EndpointForm
            error={create.error}
            onEdit={create.reset}
            isPending={create.isPending}
            submitLabel={t("form.createSubmit")}
            onCancel={close}
            onSubmit={(body) =>
              create.mutate(body, {
                // Closed while the request ran: the endpoint is listed (its secret can be changed), the secret is not kept.
                onSuccess: (result) => {
                  if (openRef.current) setCreated({ url: result.endpoint.url, secret: result.secret });
                },
              })
            }
          />
        )
      }
    </FormDialog>
  );
}
