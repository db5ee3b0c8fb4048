import { getRouteApi, Link } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { FeedbackRegion, useFeedback } from "../../components/Feedback";
import { ScrollableTable } from "../../components/ScrollableTable";
import { FormError } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { ApiError, fieldErrorText } from "../../lib/api";
import { useImportInterventions } from "./api";
import "./i18n";
import "./catalog.css";

const route = getRouteApi("/app/o/$orgId/interventions/import");

const COLUMNS =
  "title, summary, description, orientation, focusArea, targetGroups, targetGroupNote, memberParties, municipalityCodes, startDate, endDate, status, followUpMethod, esfFunded, methods, resultGoalPercent, resultGoalWithinMonths, volumeGoalParticipants, plannedThroughputMonths";

/** `csv.row3.title` → row 3, column title; anything else is about the file as a whole. */
function rowProblems(error: unknown) {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).flatMap((e) => {
    const match = /^(?:body\.)?csv\.row(\d+)(?:\.(.+))?$/.exec(e.field);
    return match ? [{ row: Number(match[1]), column: match[2] ?? "–", message: fieldErrorText(e) }] : [];
  });
}

/** Bulk import from CSV: everything or nothing, with a row-by-row report when anything is wrong. */
export function ImportPage() {
  const { orgId } = route.useParams();
  const { t } = useTranslation("catalog");
  const { feedback, show } = useFeedback();
  const [file, setFile] = useState<File | null>(null);
  const [imported, setImported] = useState<string[]>([]);
  const upload = useImportInterventions(orgId);
  const problems = rowProblems(upload.error);
  return (
    <>
      <PageHeader title={t("import.title")} description={t("import.description")} />
      <p>
        <Link to="/o/$orgId/interventions" params={{ orgId }}>
          {t("import.back")}
        </Link>
      </p>
      <FeedbackRegion feedback={feedback} />
      <form
        className="card"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!file) {
            show({ kind: "error", text: t("import.chooseFile") });
            return;
          }
          setImported([]);
          upload.mutate(await file.text(), {
            onSuccess: (result) => {
              setImported(result.ids);
              show({ kind: "success", text: t("import.done", { count: result.ids.length }) });
            },
          });
        }}
      >
        <div className="field">
          <label className="field-label" id="import-file-label" htmlFor="import-file">
            {t("import.file")}
          </label>
          <span className="field-description" id="import-file-hint">
            {t("import.fileHint")}
          </span>
          <input
            id="import-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="import-file-hint import-columns"
            onChange={(event) => {
              upload.reset();
              setFile(event.target.files?.[0] ?? null);
            }}
          />
        </div>
        <p className="muted" id="import-columns">
          {t("import.columns")}: {COLUMNS}
        </p>
        <div>
          <Button type="submit" isDisabled={upload.isPending}>
            {t("import.submit")}
          </Button>
        </div>
      </form>
      {upload.error ? (
        problems.length > 0 ? (
          <section className="card" aria-labelledby="import-report-heading">
            <div role="alert">
              <h2 id="import-report-heading">{t("import.reportHeading")}</h2>
              <p>{t("import.nothingWritten")}</p>
            </div>
            <ScrollableTable labelledBy="import-report-heading">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t("import.reportColumns.row")}</th>
                    <th scope="col">{t("import.reportColumns.column")}</th>
                    <th scope="col">{t("import.reportColumns.problem")}</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p) => (
                    <tr key={`${p.row}/${p.column}/${p.message}`}>
                      <td>{p.row}</td>
                      <td>{p.column}</td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollableTable>
          </section>
        ) : (
          <FormError error={upload.error} />
        )
      ) : null}
      {imported.length > 0 ? (
        <ul className="plain-list">
          {imported.map((id) => (
            <li key={id}>
              <Link to="/o/$orgId/interventions/$interventionId" params={{ orgId, interventionId: id }}>
                {id}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
