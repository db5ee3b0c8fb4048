import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DialogActions } from "../../components/DialogActions";
import { TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { TextField } from "../../components/ui";
import { optional } from "../../lib/format";
import type { Publication, PublicationInput } from "./api";
import "./i18n";

/** A publication's settings, for creating one and for the owner changing it; the caller sends them. */
export function PublicationForm({
  initial,
  error,
  onEdit,
  isPending,
  submitLabel,
  onCancel,
  onSubmit,
}: {
  initial?: Publication;
  error: unknown;
  onEdit: () => void;
  isPending: boolean;
  submitLabel?: string;
  onCancel: () => void;
  onSubmit: (body: PublicationInput) => void;
}) {
  const { t } = useTranslation("newsletters");
  // A logo needs its alternative text: the field turns required as soon as there is an address.
  const [logoUrl, setLogoUrl] = useState(initial?.logoUrl ?? "");
  return (
    <ServerForm
      error={error}
      onEdit={onEdit}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        onSubmit({
          name: String(data.get("name")).trim(),
          slug: String(data.get("slug")).trim(),
          description: optional(data.get("description")),
          senderName: String(data.get("senderName")).trim(),
          senderEmail: String(data.get("senderEmail")).trim(),
          replyTo: optional(data.get("replyTo")),
          logoUrl: optional(data.get("logoUrl")),
          logoAlt: optional(data.get("logoAlt")),
        });
      }}
    >
      <FormError error={error} />
      <TextField
        name="name"
        label={t("form.name")}
        defaultValue={initial?.name}
        maxLength={200}
        isRequired
        autoFocus
      />
      <TextField
        name="slug"
        label={t("form.slug")}
        description={t("form.slugDescription", { base: window.location.origin })}
        defaultValue={initial?.slug}
        maxLength={60}
        autoComplete="off"
        isRequired
      />
      <TextAreaField
        name="description"
        label={t("form.description")}
        description={t("form.descriptionDescription")}
        defaultValue={initial?.description ?? ""}
      />
      <TextField
        name="senderName"
        label={t("form.senderName")}
        description={t("form.senderNameDescription")}
        defaultValue={initial?.senderName}
        maxLength={200}
        isRequired
      />
      <TextField
        name="senderEmail"
        type="email"
        label={t("form.senderEmail")}
        defaultValue={initial?.senderEmail}
        autoComplete="off"
        isRequired
      />
      <TextField
        name="replyTo"
        type="email"
        label={t("form.replyTo")}
        description={t("form.replyToDescription")}
        defaultValue={initial?.replyTo ?? ""}
        autoComplete="off"
      />
      <TextField
        name="logoUrl"
        type="url"
        label={t("form.logoUrl")}
        description={t("form.logoUrlDescription")}
        placeholder="https://"
        value={logoUrl}
        onChange={setLogoUrl}
        maxLength={2000}
        autoComplete="off"
      />
      <TextField
        name="logoAlt"
        label={t("form.logoAlt")}
        description={t("form.logoAltDescription")}
        defaultValue={initial?.logoAlt ?? ""}
        maxLength={200}
        isRequired={logoUrl.trim() !== ""}
      />
      <DialogActions onCancel={onCancel} submitLabel={submitLabel} isPending={isPending} />
    </ServerForm>
  );
}
