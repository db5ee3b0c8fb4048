import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DescribedCheckboxGroupField } from "../../components/choice";
import { DialogActions } from "../../components/DialogActions";
import { SecretOnce } from "../../components/SecretOnce";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { endOfDayInStockholm, todayInStockholm } from "../../lib/stockholm";
import { useCreateApiKey } from "./api";
import { SCOPES, type Scope, scopeKey } from "./scopes";
import "./i18n";

interface Created {
  name: string;
  secret: string;
}

/**
 * Create a key, then show its secret once. The secret lives only in this component's state (and the
 * mutation, which is reset and never cached): closing the dialog forgets it for good.
 */
export function CreateApiKeyDialog({
  orgId,
  onCreated,
}: {
  orgId: string;
  onCreated: (name: string) => void;
}) {
  const { t } = useTranslation("apiKeys");
  const [isOpen, setOpen] = useState(false);
  const openRef = useRef(false);
  const [scopes, setScopes] = useState<string[]>([]);
  const [created, setCreated] = useState<Created | null>(null);

  const create = useCreateApiKey(orgId);

  function onOpenChange(open: boolean) {
    setOpen(open);
    openRef.current = open;
    if (!open && created) onCreated(created.name);
    // Opening or closing, start from nothing: no old secret, no old errors, no old choices.
    setCreated(null);
    setScopes([]);
    create.reset();
  }

  return (
    <FormDialog
      title={created ? t("created.title") : t("form.title")}
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
              label={t("created.secretLabel", { name: created.name })}
              secret={created.secret}
              copyLabel={t("created.copyLabel")}
            />
            <div className="dialog-actions">
              <Button onPress={close}>{t("created.done")}</Button>
            </div>
          </>
        ) : (
          <ServerForm
            error={create.error}
            onEdit={create.reset}
            onSubmit={(event) => {
              event.preventDefault();
              const data = new FormData(event.currentTarget);
              const expires = String(data.get("expiresAt") ?? "");
              create.mutate(
                {
                  name: String(data.get("name")).trim(),
                  scopes: scopes as Scope[],
                  expiresAt: expires ? endOfDayInStockholm(expires) : null,
                },
                {
                  // Closed while the request ran: the key is listed (and can be revoked), its secret is not kept.
                  onSuccess: (result) => {
                    if (openRef.current) setCreated({ name: result.apiKey.name, secret: result.secret });
                  },
                },
              );
            }}
          >
            <FormError error={create.error} />
            <TextField
              name="name"
              label={t("form.name")}
              description={t("form.nameDescription")}
              maxLength={100}
              autoComplete="off"
              isRequired
              autoFocus
            />
            <DescribedCheckboxGroupField
              name="scopes"
              label={t("form.scopes")}
              description={t("form.scopesDescription")}
              options={SCOPES.map((scope) => ({
                id: scope,
                label: t(`scopes.${scopeKey(scope)}.label`),
                description: t(`scopes.${scopeKey(scope)}.description`),
              }))}
              value={scopes}
              onChange={setScopes}
              isRequired
            />
            <TextField
              name="expiresAt"
              type="date"
              label={t("form.expires")}
              description={t("form.expiresDescription")}
              validate={(value) => (value && value < todayInStockholm() ? t("form.expiresInPast") : null)}
            />
            <DialogActions onCancel={close} submitLabel={t("form.submit")} isPending={create.isPending} />
          </ServerForm>
        )
      }
    </FormDialog>
  );
}
