import { useEffect, useRef, useState } from "react";
import { TextField as AriaTextField, FieldError, TextArea } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { DialogActions } from "../../components/DialogActions";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button, FieldLabel, RowButton, TextField } from "../../components/ui";
import type { Section, SectionInput } from "./api";
import "./i18n";

interface LinkRow {
  key: number;
  label: string;
  url: string;
}

/**
 * A section's content: heading, Markdown text, an optional image (with its alternative text, required
 * with an image) and links. Field names follow the API's (`image.alt`, `links.0.url`), so its errors
 * land beside the field they name.
 */
export function SectionForm({
  initial,
  error,
  onEdit,
  isPending,
  submitLabel,
  onCancel,
  onSubmit,
}: {
  initial?: Section;
  error: unknown;
  onEdit: () => void;
  isPending: boolean;
  submitLabel: string;
  onCancel: () => void;
  onSubmit: (body: SectionInput) => void;
}) {
  const { t } = useTranslation("newsletters");
  const nextKey = useRef(initial?.links.length ?? 0);
  const [links, setLinks] = useState<LinkRow[]>(
    () => initial?.links.map((link, key) => ({ key, ...link })) ?? [],
  );
  const [imageUrl, setImageUrl] = useState(initial?.image?.url ?? "");
  const form = useRef<HTMLFormElement>(null);
  // A new link row takes focus at its first field, so that the keyboard goes on writing where it appeared.
  const [added, setAdded] = useState<number | null>(null);
  useEffect(() => {
    if (added === null) return;
    form.current?.querySelector<HTMLInputElement>(`[name="links.${added}.label"]`)?.focus();
    setAdded(null);
  }, [added]);
  const addLink = () => {
    setAdded(links.length);
    setLinks((rows) => [...rows, { key: nextKey.current, label: "", url: "" }]);
    nextKey.current += 1;
  };
  return (
    <ServerForm
      ref={form}
      error={error}
      onEdit={onEdit}
      className="section-form"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (name: string) => String(data.get(name) ?? "").trim();
        onSubmit({
          heading: text("heading"),
          bodyMarkdown: String(data.get("bodyMarkdown") ?? ""),
          image: text("image.url") ? { url: text("image.url"), alt: text("image.alt") } : null,
          links: links.map((_, i) => ({ label: text(`links.${i}.label`), url: text(`links.${i}.url`) })),
        });
      }}
    >
      <FormError error={error} />
      <TextField
        name="heading"
        label={t("sectionForm.heading")}
        defaultValue={initial?.heading}
        maxLength={200}
        isRequired
        autoFocus
      />
      <AriaTextField className="field" name="bodyMarkdown" defaultValue={initial?.bodyMarkdown ?? ""}>
        <FieldLabel label={t("sectionForm.body")} description={t("sectionForm.bodyDescription")} />
        <TextArea className="field-input field-textarea section-body" rows={10} maxLength={20_000} />
        <FieldError className="field-error" />
      </AriaTextField>
      <fieldset className="section-fieldset">
        <legend>{t("sectionForm.imageGroup")}</legend>
        <TextField
          name="image.url"
          type="url"
          label={t("sectionForm.imageUrl")}
          description={t("sectionForm.imageUrlDescription")}
          placeholder="https://"
          value={imageUrl}
          onChange={setImageUrl}
          maxLength={2000}
          autoComplete="off"
        />
        <TextField
          name="image.alt"
          label={t("sectionForm.imageAlt")}
          description={t("sectionForm.imageAltDescription")}
          defaultValue={initial?.image?.alt ?? ""}
          maxLength={500}
          isRequired={imageUrl.trim() !== ""}
        />
      </fieldset>
      <fieldset className="section-fieldset">
        <legend>{t("sectionForm.linksGroup")}</legend>
        <p className="field-description">{t("sectionForm.linksDescription")}</p>
        {links.map((link, i) => (
          <div key={link.key} className="form-row newsletter-form-row">
            <TextField
              name={`links.${i}.label`}
              label={t("sectionForm.linkLabel", { number: i + 1 })}
              defaultValue={link.label}
              maxLength={200}
              isRequired
            />
            <TextField
              name={`links.${i}.url`}
              type="url"
              label={t("sectionForm.linkUrl", { number: i + 1 })}
              defaultValue={link.url}
              placeholder="https://"
              maxLength={2000}
              isRequired
            />
            <div>
              <RowButton
                label={t("sectionForm.removeLink", { number: i + 1 })}
                aria-label={t("sectionForm.removeLink", { number: i + 1 })}
                onPress={() => {
                  setLinks((rows) => rows.filter((row) => row.key !== link.key));
                  // The pressed button goes with its row: focus moves on to adding a link.
                  form.current?.querySelector<HTMLElement>(".section-add-link")?.focus();
                }}
              />
            </div>
          </div>
        ))}
        <div>
          <Button variant="secondary" className="section-add-link" onPress={addLink}>
            {t("sectionForm.addLink")}
          </Button>
        </div>
      </fieldset>
      <DialogActions onCancel={onCancel} submitLabel={submitLabel} isPending={isPending} />
    </ServerForm>
  );
}
