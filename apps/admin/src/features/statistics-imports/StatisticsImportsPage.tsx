import { periodLabel } from "@nns/domain";
import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { Label, ProgressBar } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { DataTable } from "../../components/DataTable";
import { Pagination } from "../../components/Pagination";
import { EmptyState, ErrorState, FormError, Loading } from "../../components/states";
import { Badge, PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import {
  isSettled,
  type StatisticsImport,
  type StatisticsImportSummary,
  uploadStatisticsFile,
  useStatisticsImport,
  useStatisticsImports,
} from "./api";
import "./i18n";
import "./statistics-imports.css";

const route = getRouteApi("/app/o/$orgId/statistics-imports");
const number = new Intl.NumberFormat("sv-SE");
const megabytes = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** `2016M01`–`2025M12` read as "januari 2016 – december 2025 (120 perioder)" once there are many. */
function periodsText(periods: readonly string[]): string {
  if (periods.length <= 3) return periods.map(periodLabel).join(", ");
  return `${periodLabel(periods[0] as string)} – ${periodLabel(periods[periods.length - 1] as string)} (${periods.length})`;
}

/**
 * NNS uploads SCB's helårsekvivalenter file: the upload's own progress, then the job's, polled until the
 * import is done or has failed with its row errors; beneath, every import with its periods and status.
 */
export function StatisticsImportsPage() {
  const { t } = useTranslation("statisticsImports");
  const { orgId } = route.useParams();
  const [current, setCurrent] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const uploaded = (id: string) => {
    setCurrent(id);
    void queryClient.invalidateQueries({ queryKey: ["org", orgId, "statistics-imports", "list"] });
  };
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <UploadForm orgId={orgId} onUploaded={uploaded} />
      {current ? <ImportProgress orgId={orgId} importId={current} /> : null}
      <ImportList orgId={orgId} />
    </>
  );
}

function UploadForm({ orgId, onUploaded }: { orgId: string; onUploaded: (id: string) => void }) {
  const { t } = useTranslation("statisticsImports");
  const ids = { input: useId(), hint: useId() };
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState<{ loaded: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setSent({ loaded: 0, total: file.size });
    try {
      const created = await uploadStatisticsFile(orgId, file, (loaded, total) => setSent({ loaded, total }));
      onUploaded(created.id);
    } catch (caught) {
      setError(caught);
    } finally {
      setSent(null);
    }
  }

  return (
    <section className="card" aria-labelledby="statistics-upload-heading">
      <h2 id="statistics-upload-heading">{t("upload.heading")}</h2>
      <form onSubmit={submit} className="statistics-upload-form">
        <div className="field">
          <label className="field-label" htmlFor={ids.input}>
            {t("upload.file")}
          </label>
          <p className="muted" id={ids.hint}>
            {t("upload.hint")}
          </p>
          <input
            id={ids.input}
            type="file"
            accept=".csv,.tsv,.txt,.xlsx,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            className="field-input"
            aria-describedby={ids.hint}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!file || sent !== null}>
          {sent ? t("upload.uploading") : t("upload.submit")}
        </button>
      </form>
      {sent ? (
        <Bar
          label={t("upload.bar")}
          value={sent.loaded}
          total={sent.total}
          valueText={t("upload.barValue", {
            sent: megabytes.format(sent.loaded / 2 ** 20),
            total: megabytes.format(sent.total / 2 ** 20),
          })}
        />
      ) : null}
      {error ? <FormError error={error} /> : null}
    </section>
  );
}

function Bar({
  label,
  value,
  total,
  valueText,
}: {
  label: string;
  value: number;
  total: number;
  valueText: string | null;
}) {
  return (
    <ProgressBar
      className="statistics-progress"
      value={value}
      minValue={0}
      maxValue={Math.max(total, 1)}
      isIndeterminate={valueText === null}
      {...(valueText ? { valueLabel: valueText } : {})}
    >
      {({ percentage }) => (
        <>
          <div className="statistics-progress-top">
            <Label>{label}</Label>
            {valueText ? <span>{valueText}</span> : null}
          </div>
          <div className="statistics-progress-track">
            <div
              className={
                valueText ? "statistics-progress-fill" : "statistics-progress-fill statistics-progress-busy"
              }
              style={{ width: valueText ? `${percentage ?? 0}%` : "30%" }}
            />
          </div>
        </>
      )}
    </ProgressBar>
  );
}

function ImportProgress({ orgId, importId }: { orgId: string; importId: string }) {
  const { t } = useTranslation("statisticsImports");
  const query = useStatisticsImport(orgId, importId);
  let body: ReactNode;
  if (query.isPending) body = <Loading />;
  else if (query.error) body = <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  else body = <ImportState item={query.data} />;
  return (
    <section className="card" aria-labelledby="statistics-progress-heading">
      <h2 id="statistics-progress-heading">
        {t("progress.heading", { fileName: query.data?.fileName ?? "" })}
      </h2>
      {body}
    </section>
  );
}

function ImportState({ item }: { item: StatisticsImport }) {
  const { t } = useTranslation("statisticsImports");
  const writing = item.status === "writing" && item.progressTotal > 0;
  return (
    <>
      {!isSettled(item.status) ? (
        <Bar
          label={t("progress.bar")}
          value={item.progressDone}
          total={item.progressTotal}
          valueText={
            writing
              ? t("progress.barValue", {
                  done: number.format(item.progressDone),
                  total: number.format(item.progressTotal),
                })
              : null
          }
        />
      ) : null}
      <div role="status" aria-live="polite">
        <p className={item.status === "done" ? "success" : undefined}>
          <StatusBadge status={item.status} />{" "}
          {item.status === "done"
            ? t("progress.done", {
                count: number.format(item.figureCount),
                periods: periodsText(item.periods),
              })
            : item.status === "queued"
              ? t("progress.waiting")
              : null}
        </p>
      </div>
      {item.status === "failed" ? (
        <p role="alert" className="form-error">
          {t("progress.failed")}
        </p>
      ) : null}
      {item.notes.length > 0 ? (
        <>
          <h3 className="statistics-subheading">{t("notes")}</h3>
          <ul>
            {item.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      ) : null}
      {item.errors.length > 0 ? (
        <>
          {item.errorCount > item.errors.length ? (
            <p className="muted">
              {t("progress.errorsMore", { shown: item.errors.length, count: item.errorCount })}
            </p>
          ) : null}
          <DataTable
            caption={t("progress.errorsCaption", { count: item.errorCount })}
            rows={item.errors.map((e, index) => ({ ...e, index }))}
            rowKey={(e) => String(e.index)}
            columns={[
              {
                id: "row",
                header: t("errors.row"),
                rowHeader: true,
                noWrap: true,
                cell: (e) => t("errors.rowValue", { row: e.row }),
              },
              { id: "column", header: t("errors.column"), cell: (e) => e.column ?? t("list.none") },
              { id: "value", header: t("errors.value"), cell: (e) => e.value ?? t("list.none") },
              { id: "message", header: t("errors.message"), cell: (e) => <span lang="sv">{e.message}</span> },
            ]}
          />
        </>
      ) : null}
    </>
  );
}

function StatusBadge({ status }: { status: StatisticsImport["status"] }) {
  const { t } = useTranslation("statisticsImports");
  const tone = status === "done" ? "success" : status === "failed" ? "danger" : "warning";
  return <Badge tone={tone}>{t(`status.${status}`)}</Badge>;
}

function ImportList({ orgId }: { orgId: string }) {
  const { t } = useTranslation("statisticsImports");
  const pages = useCursorPages();
  const list = useStatisticsImports(orgId, pages.cursor);
  let body: ReactNode;
  if (list.isPending) body = <Loading />;
  else if (list.error) body = <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  else if (list.data.data.length === 0 && !pages.hasPrevious)
    body = <EmptyState>{t("list.empty")}</EmptyState>;
  else
    body = (
      <>
        <DataTable<StatisticsImportSummary>
          caption={t("list.caption")}
          rows={list.data.data}
          rowKey={(i) => i.id}
          columns={[
            {
              id: "file",
              header: t("list.file"),
              rowHeader: true,
              cell: (i) => (
                <span className="statistics-file">
                  {i.fileName}
                  {i.isDemo ? (
                    <>
                      {" "}
                      <Badge tone="warning">
                        <abbr title={t("list.demoLabel")}>{t("list.demo")}</abbr>
                      </Badge>
                    </>
                  ) : null}
                </span>
              ),
            },
            {
              id: "periods",
              header: t("list.periods"),
              cell: (i) => (i.periods.length ? periodsText(i.periods) : t("list.none")),
            },
            { id: "source", header: t("list.source"), noWrap: true, cell: (i) => i.sourceTable },
            {
              id: "importedAt",
              header: t("list.importedAt"),
              noWrap: true,
              cell: (i) => <time dateTime={i.createdAt}>{formatDateTime(i.createdAt)}</time>,
            },
            {
              id: "figures",
              header: t("list.figures"),
              className: "amount",
              cell: (i) => number.format(i.figureCount),
            },
            {
              id: "status",
              header: t("list.status"),
              noWrap: true,
              cell: (i) => <StatusBadge status={i.status} />,
            },
          ]}
        />
        <Pagination pages={pages} nextCursor={list.data.nextCursor} />
      </>
    );
  return (
    <section aria-labelledby="statistics-list-heading" className="statistics-list">
      <h2 id="statistics-list-heading">{t("list.heading")}</h2>
      {body}
    </section>
  );
}
