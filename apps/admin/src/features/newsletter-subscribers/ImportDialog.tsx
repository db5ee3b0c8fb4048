import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../components/ConfirmDialog";
import { DialogActions } from "../../components/DialogActions";
import { type Feedback, FeedbackRegion, useFeedback } from "../../components/Feedback";
import { CheckboxField, TextAreaField } from "../../components/fields";
import { ServerForm } from "../../components/ServerForm";
import { FormError } from "../../components/states";
import { Button } from "../../components/ui";
import { fieldErrors } from "../../lib/api";
import { type ImportReport, useImportSubscribers } from "./api";
import "./i18n";

/** The API reads at most this many characters of CSV (about 1 MB). */
const MAX_CSV = 1_000_000;

/**
 * The file as text. Excel on a Swedish Windows saves "CSV (semikolonavgränsad)" in Windows-1252, not
 * UTF-8: a file that is not valid UTF-8 is read as that, so å, ä and ö arrive intact.
 */
async function readCsv(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

/**
 * Import a CSV file, then show the API's report in the same dialog: how many were added, updated and
 * left out, and each line left out with its line number and why. The summary is announced and focus
 * moves onto the report, since the form the person was in is gone.
 */
export function ImportDialog({
  orgId,
  publicationId,
  onImported,
}: {
  orgId: string;
  publicationId: string;
  onImported: (summary: string) => void;
}) {
  const { t } = useTranslation("newsletterSubscribers");
  const [isOpen, setOpen] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const importFile = useImportSubscribers(orgId, publicationId);
  const { feedback, show } = useFeedback();

  const summaryOf = (r: ImportReport) =>
    t("import.summary", { created: r.created, updated: r.updated, skipped: r.skipped });

  function onOpenChange(open: boolean) {
    setOpen(open);
    if (!open && report) onImported(summaryOf(report));
    // Opening or closing, start from nothing: no old report, no old errors.
    setReport(null);
    importFile.reset();
    show(null);
  }

  return (
    <FormDialog
      title={t("import.title")}
      trigger={<Button variant="secondary">{t("import.button")}</Button>}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
    >
      {(close) =>
        report ? (
          <ImportReportView
            report={report}
            feedback={feedback}
            onClose={close}
            onAnother={() => {
              setReport(null);
              importFile.reset();
              show(null);
            }}
          />
        ) : (
          <ImportForm
            error={importFile.error}
            onEdit={importFile.reset}
            isPending={importFile.isPending}
            onCancel={close}
            onSubmit={(body) =>
              importFile.mutate(body, {
                onSuccess: (result) => {
                  setReport(result);
                  // The report's heading takes focus; the summary below it is only announced.
                  show({ kind: "success", text: summaryOf(result), keepFocus: true });
                },
              })
            }
          />
        )
      }
    </FormDialog>
  );
}

function ImportForm({
  error,
  onEdit,
  isPending,
  onCancel,
  onSubmit,
}: {
  error: unknown;
  onEdit: () => void;
  isPending: boolean;
  onCancel: () => void;
  onSubmit: (body: { csv: string; consentText: string; attestConsent: boolean }) => void;
}) {
  const { t } = useTranslation("newsletterSubscribers");
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const ids = { file: useId(), intro: useId(), fileError: useId(), attestHint: useId() };
  // The API names the file's problems (unreadable, no address column, too large) on the body or its csv.
  const apiErrors = fieldErrors(error);
  const fileError = fileProblem ?? apiErrors.csv ?? apiErrors.body ?? null;

  return (
    <ServerForm
      error={error}
      onEdit={() => {
        setFileProblem(null);
        onEdit();
      }}
      validationErrors={apiErrors.consentText ? { consentText: apiErrors.consentText } : {}}
      onSubmit={async (event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        if (!file) return setFileProblem(t("import.fileRequired"));
        const csv = await readCsv(file);
        if (csv.length > MAX_CSV) return setFileProblem(t("import.fileTooLarge"));
        onSubmit({
          csv,
          consentText: String(data.get("consentText")).trim(),
          attestConsent: data.get("attestConsent") !== null,
        });
      }}
    >
      <p id={ids.intro} className="field-description">
        {t("import.intro")}
      </p>
      <FormError error={error} />
      <div className="field subscribers-file" data-invalid={fileError ? true : undefined}>
        <label className="field-label" htmlFor={ids.file}>
          {t("import.file")}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,text/csv"
          className="field-input"
          required
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? `${ids.intro} ${ids.fileError}` : ids.intro}
          // biome-ignore lint/a11y/noAutofocus: the dialog opens to choose a file; its first field takes focus, as in the other form dialogs.
          autoFocus
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setFileProblem(null);
            onEdit();
          }}
        />
        {fileError ? (
          <p id={ids.fileError} className="field-error">
            {fileError}
          </p>
        ) : null}
      </div>
      <TextAreaField
        name="consentText"
        label={t("import.consentText")}
        description={t("import.consentTextDescription")}
        isRequired
      />
      <div className="subscribers-attest">
        <CheckboxField name="attestConsent" aria-describedby={ids.attestHint}>
          {t("import.attest")}
        </CheckboxField>
        <p id={ids.attestHint} className="field-description">
          {t("import.attestDescription")}
        </p>
      </div>
      <DialogActions onCancel={onCancel} submitLabel={t("import.submit")} isPending={isPending} />
    </ServerForm>
  );
}

function ImportReportView({
  report,
  feedback,
  onClose,
  onAnother,
}: {
  report: ImportReport;
  /** The summary, set a moment after the report appears so that it is announced. */
  feedback: Feedback;
  onClose: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation("newsletterSubscribers");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const problems = report.rows.filter((row) => row.outcome === "skipped");
  return (
    <section aria-labelledby="subscriber-import-report" className="subscribers-report">
      <h3 id="subscriber-import-report" ref={heading} tabIndex={-1}>
        {t("import.reportHeading")}
      </h3>
      <FeedbackRegion feedback={feedback} />
      {problems.length === 0 ? (
        <p>{t("import.noProblems")}</p>
      ) : (
        <>
          <h4 id="subscriber-import-problems">{t("import.problemsHeading")}</h4>
          <ul className="subscribers-problems" aria-labelledby="subscriber-import-problems">
            {problems.map((row) => (
              <li key={row.row}>
                <strong>{t("import.problemRow", { row: row.row })}</strong>
                {row.email ? <span className="subscribers-address"> {row.email}</span> : null}
                <br />
                {row.message}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <Button variant="secondary" onPress={onAnother}>
          {t("import.importAnother")}
        </Button>
        <Button onPress={onClose}>{t("import.close")}</Button>
      </div>
    </section>
  );
}
