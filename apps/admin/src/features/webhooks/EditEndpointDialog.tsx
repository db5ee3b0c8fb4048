import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { Button } from "../../components/ui";
import { useUpdateEndpoint } from "./api";
import { EndpointForm } from "./EndpointForm";
import type { WebhookEndpoint } from "./events";
import "./i18n";

/** Change an endpoint's address, description and events; its secret and state have their own actions. */
export function EditEndpointDialog({
  orgId,
  endpoint,
  onSaved,
}: {
  orgId: string;
  endpoint: WebhookEndpoint;
  onSaved: () => void;
}) {
  const { t } = useTranslation("webhooks");
  const update = useUpdateEndpoint(orgId, endpoint.id);
  return (
    <FormDialog
      title={t("form.editTitle")}
      trigger={<Button variant="secondary">{t("detail.edit")}</Button>}
      onOpenChange={() => update.reset()}
    >
      {(close) => (
        <EndpointForm
          initial={{ url: endpoint.url, description: endpoint.description, events: endpoint.events }}
          error={update.error}
          onEdit={update.reset}
          isPending={update.isPending}
          submitLabel={t("form.editSubmit")}
          onCancel={close}
          onSubmit={(body) =>
            update.mutate(body, {
              onSuccess: () => {
                close();
                onSaved();
              },
            })
          }
        />
      )}
    </FormDialog>
  );
}
