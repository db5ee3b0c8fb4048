import { useNavigate } from "@tanstack/react-router";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import { FormError } from "../../components/states";
import { Button } from "../../components/ui";
import { ApiError, fieldErrorText } from "../../lib/api";
import { useImportVersion } from "./instruments-api";

/** "rows[3].scale.max" → "Rad 3, scale.max": the row a person finds in their spreadsheet. */
function place(field: string, row: (n: string) => string): string {
  const match = /^(?:body\.)?(?:rows|items)\[(\d+)\]\.?(.*)$/.exec(field);
  if (!match) return field.replace(/^body\.?/, "");
  return [row(match[1] ?? ""), match[2]].filter(Boolean).join(", ");
}

/**
 * A CSV or JSON file becomes a new draft version; the API checks every row and names the ones that are
 * wrong, listed here so the file can be corrected and chosen again.
 */
export function ImportVersionDialog({ orgId, instrumentId }: { orgId: string; instrumentId: string }) {
  const { t } = useTranslation("progression");
  const navigate = useNavigate();
  const importVersion = useImportVersion(orgId, instrumentId);
  const [file, setFile] = useState<File | null>(null);
  const inputId = useId();
  const descriptionId = useId();
  const error = importVersion.error;
  const rowErrors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <FormDialog
      title={t("instruments.importTitle")}
      trigger={<Button variant="secondary">{t("instruments.importOpen")}</Button>}
      onOpenChange={() => {
        importVersion.reset();
        setFile(null);
      }}
    >
      {(close) => (
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            if (!file) return;
            const content = await file.text();
            const json = file.name.toLowerCase().endsWith(".json") || file.type === "application/json";
            importVersion.mutate(
              { type: json ? "application/json" : "text/csv", content },
              {
                onSuccess: (version) =>
                  navigate({
                    to: "/o/$orgId/instrument/$instrumentId/versioner/$versionId",
                    params: { orgId, instrumentId, versionId: version.id },
                  }),
              },
            );
          }}
        >
          <p id={descriptionId}>{t("instruments.importIntro")}</p>
          <div className="field">
            <label htmlFor={inputId} className="field-label">
              {t("instruments.importFile")}
            </label>
            <input
              id={inputId}
              className="field-input"
              type="file"
              accept=".csv,.json,text/csv,application/json"
              aria-describedby={descriptionId}
              required
              onChange={(event) => {
                importVersion.reset();
                setFile(event.currentTarget.files?.[0] ?? null);
              }}
            />
          </div>
          {rowErrors.length > 0 ? (
            <div className="form-error" role="alert">
              <p className="form-error-title">{t("instruments.importRows")}</p>
              <ul>
                {rowErrors.map((e) => (
                  <li key={`${e.field}-${e.rule}`}>
                    {place(e.field, (n) => t("instruments.importRow", { row: n }))}: {fieldErrorText(e)}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <FormError error={error} />
          )}
          <DialogActions
            onCancel={close}
            submitLabel={t("instruments.importSubmit")}
            isPending={importVersion.isPending}
            isDisabled={!file}
          />
        </form>
      )}
    </FormDialog>
  );
}
