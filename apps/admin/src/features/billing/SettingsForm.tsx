import { type FormEvent, type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, TextField } from "../../components/ui";
import { ApiError } from "../../lib/api";
import type { AddressView } from "./values";
import "./i18n";
import "../../components/fields.css";
import "./billing.css";

/**
 * A settings form saved with If-Match: API field errors beside their fields, and when someone else saved
 * first (412) a notice offering the latest version instead of the error list, since the person's edits
 * were made against a copy that no longer stands.
 */
export function SettingsForm({
  label,
  error,
  onEdit,
  isPending,
  isSuccess,
  reloaded,
  onReload,
  onSubmit,
  canEdit = true,
  children,
}: {
  label: string;
  error: unknown;
  onEdit: () => void;
  isPending: boolean;
  isSuccess: boolean;
  reloaded: boolean;
  onReload: () => void;
  onSubmit: (data: FormData) => void;
  canEdit?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation("billing");
  const conflict = error instanceof ApiError && error.status === 412;
  const reloadedRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    // The reload button went away with the old form: keep keyboard focus on what replaced it.
    if (reloaded) reloadedRef.current?.focus();
  }, [reloaded]);
  return (
    <ServerForm
      aria-label={label}
      error={conflict ? null : error}
      onEdit={onEdit}
      className="billing-form"
      onSubmit={(event: FormEvent<HTMLFormElement>) => {
        event.preventDefault();
        onSubmit(new FormData(event.currentTarget));
      }}
    >
      {reloaded ? (
        <p className="success" role="status" tabIndex={-1} ref={reloadedRef}>
          {t("form.reloaded")}
        </p>
      ) : null}
      {conflict ? null : <FormError error={error} />}
      {children}
      {canEdit ? (
        <div className="billing-actions">
          {conflict ? (
            <div className="notice" role="alert">
              <p className="billing-notice-title">
                <strong>{t("form.conflictTitle")}</strong>
              </p>
              <p>{t("form.conflict")}</p>
              <Button variant="secondary" onPress={onReload}>
                {t("form.reload")}
              </Button>
            </div>
          ) : null}
          <div role="status">{isSuccess ? <p className="success">{t("form.saved")}</p> : null}</div>
          <div>
            <Button type="submit" isDisabled={isPending}>
              {t("form.save")}
            </Button>
          </div>
        </div>
      ) : null}
    </ServerForm>
  );
}

/** The postal address; its names are the API's (`address.street`), so its errors land here. */
export function AddressFields({
  initial,
  isReadOnly,
}: {
  initial: AddressView | undefined;
  isReadOnly: boolean;
}) {
  const { t } = useTranslation("billing");
  return (
    <fieldset className="billing-fieldset">
      <legend>{t("address.legend")}</legend>
      <TextField
        name="address.street"
        label={t("address.street")}
        defaultValue={initial?.street}
        autoComplete="address-line1"
        maxLength={200}
        isRequired
        isReadOnly={isReadOnly}
      />
      <TextField
        name="address.additionalStreet"
        label={t("address.additionalStreet")}
        description={t("address.additionalStreetHint")}
        defaultValue={initial?.additionalStreet ?? ""}
        autoComplete="address-line2"
        maxLength={200}
        isReadOnly={isReadOnly}
      />
      <div className="form-row">
        <TextField
          name="address.postalCode"
          label={t("address.postalCode")}
          description={t("address.postalCodeHint")}
          defaultValue={initial?.postalCode}
          autoComplete="postal-code"
          inputMode="numeric"
          maxLength={10}
          isRequired
          isReadOnly={isReadOnly}
        />
        <TextField
          name="address.city"
          label={t("address.city")}
          defaultValue={initial?.city}
          autoComplete="address-level2"
          maxLength={100}
          isRequired
          isReadOnly={isReadOnly}
        />
      </div>
    </fieldset>
  );
}
