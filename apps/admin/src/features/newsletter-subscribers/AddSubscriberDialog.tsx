import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import { CheckboxField, TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { optional } from "../../lib/format";
import { type Subscriber, useAddSubscriber } from "./api";
import "./i18n";

/**
 * One address added by hand, with the consent the person gave. Without the attestation the person gets
 * the double opt-in email and stays unconfirmed: the form says so beside the box, before anyone sends.
 */
export function AddSubscriberDialog({
  orgId,
  publicationId,
  onAdded,
}: {
  orgId: string;
  publicationId: string;
  onAdded: (subscriber: Subscriber) => void;
}) {
  const { t } = useTranslation("newsletterSubscribers");
  const [isOpen, setOpen] = useState(false);
  const add = useAddSubscriber(orgId, publicationId);
  const attestHint = useId();

  function onOpenChange(open: boolean) {
    setOpen(open);
    add.reset();
  }

  return (
    <FormDialog
      title={t("add.title")}
      trigger={<Button>{t("add.button")}</Button>}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      {(close) => (
        <ServerForm
          error={add.error}
          onEdit={add.reset}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            add.mutate(
              {
                email: String(data.get("email")).trim(),
                name: optional(data.get("name")),
                consentText: String(data.get("consentText")).trim(),
                attestConsent: data.get("attestConsent") !== null,
              },
              {
                onSuccess: (subscriber) => {
                  close();
                  onAdded(subscriber);
                },
              },
            );
          }}
        >
          <FormError error={add.error} />
          <TextField
            name="email"
            type="email"
            label={t("add.email")}
            autoComplete="off"
            maxLength={320}
            isRequired
            autoFocus
          />
          <TextField name="name" label={t("add.name")} autoComplete="off" maxLength={200} />
          <TextAreaField
            name="consentText"
            label={t("add.consentText")}
            description={t("add.consentTextDescription")}
            isRequired
          />
          <div className="subscribers-attest">
            <CheckboxField name="attestConsent" aria-describedby={attestHint}>
              {t("add.attest")}
            </CheckboxField>
            <p id={attestHint} className="field-description">
              {t("add.attestDescription")}
            </p>
          </div>
          <DialogActions onCancel={close} submitLabel={t("add.submit")} isPending={add.isPending} />
        </ServerForm>
      )}
    </FormDialog>
  );
}
