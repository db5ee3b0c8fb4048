import { getRouteApi } from "@tanstack/react-router";
import { Fragment, type ReactNode, useId, useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { Pagination } from "../../components/Pagination";
import { ScrollableTable } from "../../components/ScrollableTable";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { Badge, Button, PageHeader } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useCursorPages } from "../../lib/pagination";
import { type AuditEntry, type AuditFilters, useAuditLog } from "./api";
import { diffFields, entityName, type FieldRow, isTimestamp } from "./diff";
import { KNOWN_ACTIONS, KNOWN_ENTITY_TYPES } from "./i18n";

const route = getRouteApi("/app/o/$orgId/audit-log");

const ALL = "all";
const COLUMNS = 5;

const NO_FILTERS: AuditFilters = { action: "", entityType: "", from: "", to: "" };

function hasFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== "");
}

function useActionLabel() {
  const { t } = useTranslation("auditLog");
  return (action: string) => t(`actions.${action}`, { defaultValue: action });
}

export function AuditLogPage() {
  const { t } = useTranslation("auditLog");
  const { orgId } = route.useParams();
  const [draft, setDraft] = useState<AuditFilters>(NO_FILTERS);
  const [filters, setFilters] = useState<AuditFilters>(NO_FILTERS);
  const [rangeError, setRangeError] = useState(false);
  const pages = useCursorPages();
  const ids = { hint: useId(), from: useId(), to: useId(), rangeError: useId() };
  const actionLabel = useActionLabel();

  const log = useAuditLog(orgId, filters, pages.cursor);

  const apply = () => {
    if (draft.from && draft.to && draft.to < draft.from) {
      setRangeError(true);
      return;
    }
    setRangeError(false);
    setFilters(draft);
    pages.reset();
  };
  const clear = () => {
    setRangeError(false);
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    pages.reset();
  };

  const actionOptions = [
    { id: ALL, label: t("filters.anyAction") },
    ...KNOWN_ACTIONS.map((action) => ({ id: action, label: actionLabel(action) })),
  ];
  const entityOptions = [
    { id: ALL, label: t("filters.anyEntityType") },
    ...KNOWN_ENTITY_TYPES.map((type) => ({ id: type, label: t(`entityTypes.${type}`) })),
  ];

  let results: ReactNode;
  if (log.isPending) results = <Loading />;
  else if (log.error) results = <ErrorState error={log.error} onRetry={() => log.refetch()} />;
  else if (log.data.data.length === 0 && !pages.hasPrevious)
    results = <EmptyState>{hasFilters(filters) ? t("empty") : t("emptyAll")}</EmptyState>;
  else
    results = (
      <>
        <ScrollableTable label={t("table.caption")}>
          <table>
            <caption className="visually-hidden">{t("table.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("table.time")}</th>
                <th scope="col">{t("table.who")}</th>
                <th scope="col">{t("table.action")}</th>
                <th scope="col">{t("table.entity")}</th>
                <th scope="col">{t("table.change")}</th>
              </tr>
            </thead>
            <tbody>
              {log.data.data.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </ScrollableTable>
        <Pagination pages={pages} nextCursor={log.data.nextCursor} />
      </>
    );

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <section className="card" aria-label={t("filters.label")}>
        <Form
          validationBehavior="aria"
          onSubmit={(event) => {
            event.preventDefault();
            apply();
          }}
        >
          <div style={{ display: "flex", flexWrap: "wrap", gap: "var(--space-4)", alignItems: "flex-start" }}>
            <SelectField
              label={t("filters.action")}
              options={actionOptions}
              value={draft.action || ALL}
              onChange={(value) => setDraft((d) => ({ ...d, action: value === ALL ? "" : value }))}
            />
            <SelectField
              label={t("filters.entityType")}
              options={entityOptions}
              value={draft.entityType || ALL}
              onChange={(value) => setDraft((d) => ({ ...d, entityType: value === ALL ? "" : value }))}
            />
            <div className="field">
              <label className="field-label" htmlFor={ids.from}>
                {t("filters.from")}
              </label>
              <input
                id={ids.from}
                type="date"
                className="field-input"
                value={draft.from}
                aria-describedby={ids.hint}
                onChange={(event) => setDraft((d) => ({ ...d, from: event.target.value }))}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={ids.to}>
                {t("filters.to")}
              </label>
              <input
                id={ids.to}
                type="date"
                className="field-input"
                value={draft.to}
                aria-invalid={rangeError || undefined}
                aria-describedby={rangeError ? `${ids.hint} ${ids.rangeError}` : ids.hint}
                onChange={(event) => setDraft((d) => ({ ...d, to: event.target.value }))}
              />
            </div>
          </div>
          <p id={ids.hint} className="field-description" style={{ margin: 0 }}>
            {t("filters.dateHint")}
          </p>
          {rangeError ? (
            <p id={ids.rangeError} className="form-error" role="alert" style={{ margin: 0 }}>
              {t("filters.invalidRange")}
            </p>
          ) : null}
          <div className="cell-actions">
            <Button type="submit">{t("filters.apply")}</Button>
            <Button
              variant="secondary"
              onPress={clear}
              isDisabled={!hasFilters(draft) && !hasFilters(filters)}
            >
              {t("filters.clear")}
            </Button>
          </div>
        </Form>
      </section>
      {results}
    </>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("auditLog");
  const actionLabel = useActionLabel();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const actionId = useId();
  const name = entityName(entry.before, entry.after);
  return (
    <Fragment>
      <tr>
        <td style={{ whiteSpace: "nowrap" }}>
          <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt)}</time>
        </td>
        <td style={{ overflowWrap: "anywhere" }}>
          {entry.actorLabel}
          {entry.actorType !== "user" ? (
            <>
              <br />
              <span className="muted">({t(`actor.${entry.actorType}`)})</span>
            </>
          ) : null}
        </td>
        <td id={actionId}>{actionLabel(entry.action)}</td>
        <td style={{ overflowWrap: "anywhere" }}>
          {t(`entityTypes.${entry.entityType}`, { defaultValue: entry.entityType })}
          {name ? (
            <>
              <br />
              <span className="muted">{name}</span>
            </>
          ) : null}
        </td>
        <td>
          <Button
            variant="secondary"
            className="btn-small"
            style={{ whiteSpace: "nowrap" }}
            aria-expanded={open}
            aria-controls={detailsId}
            aria-describedby={actionId}
            onPress={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true">{open ? "▾" : "▸"}</span>
            {t("show")}
          </Button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open}>
        {open ? (
          <td colSpan={COLUMNS} style={{ background: "var(--color-background)" }}>
            <AuditDetails entry={entry} />
          </td>
        ) : (
          <td colSpan={COLUMNS} />
        )}
      </tr>
    </Fragment>
  );
}

function AuditDetails({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("auditLog");
  const actionLabel = useActionLabel();
  const rows = diffFields(entry.before, entry.after);
  const beforeMissing = entry.before === null || entry.before === undefined;
  const afterMissing = entry.after === null || entry.after === undefined;
  const changed = rows?.filter((r) => r.status !== "unchanged").length ?? 0;

  let summary: string;
  if (beforeMissing && afterMissing) summary = t("details.nothing");
  else if (beforeMissing) summary = t("details.created");
  else if (afterMissing) summary = t("details.deleted");
  else summary = t("details.changedCount", { count: changed });

  return (
    <div style={{ display: "grid", gap: "var(--space-3)" }}>
      <p style={{ margin: 0 }}>{summary}</p>
      {rows && rows.length > 0 ? (
        <table style={{ tableLayout: "fixed", overflowWrap: "anywhere" }}>
          <caption>{t("details.caption", { action: actionLabel(entry.action) })}</caption>
          <colgroup>
            <col style={{ width: "22%" }} />
            <col style={{ width: "32%" }} />
            <col style={{ width: "32%" }} />
            <col style={{ width: "14%" }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t("details.field")}</th>
              <th scope="col">{t("details.before")}</th>
              <th scope="col">{t("details.after")}</th>
              <th scope="col">{t("details.status")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <FieldDiffRow key={row.key} row={row} />
            ))}
          </tbody>
        </table>
      ) : null}
      {rows === null ? (
        <div className="grid-2">
          <JsonFigure caption={t("details.beforeJson")} value={entry.before} />
          <JsonFigure caption={t("details.afterJson")} value={entry.after} />
        </div>
      ) : null}
      <dl className="facts">
        {entry.entityId ? (
          <>
            <dt>{t("details.entityId")}</dt>
            <dd>
              <code>{entry.entityId}</code>
            </dd>
          </>
        ) : null}
        {entry.actorId ? (
          <>
            <dt>{t("details.actorId")}</dt>
            <dd>
              <code>{entry.actorId}</code>
            </dd>
          </>
        ) : null}
        {entry.requestId ? (
          <>
            <dt>{t("details.requestId")}</dt>
            <dd>
              <code>{entry.requestId}</code>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}

function FieldDiffRow({ row }: { row: FieldRow }) {
  const { t } = useTranslation("auditLog");
  const highlighted = row.status !== "unchanged";
  return (
    <tr style={highlighted ? { background: "var(--color-warning-light)" } : undefined}>
      <th scope="row" style={{ background: "transparent", fontWeight: highlighted ? 700 : 400 }}>
        <code>{row.key}</code>
      </th>
      <td>
        <Value value={row.before} />
      </td>
      <td>
        <Value value={row.after} />
      </td>
      <td>
        {highlighted ? (
          <Badge tone={row.status === "removed" ? "danger" : row.status === "added" ? "success" : "warning"}>
            {t(`details.${row.status}`)}
          </Badge>
        ) : (
          <span className="muted">{t("details.unchanged")}</span>
        )}
      </td>
    </tr>
  );
}

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation("auditLog");
  if (value === null || value === undefined || value === "")
    return <span className="muted">{t("details.empty")}</span>;
  if (typeof value === "boolean") return <>{value ? t("details.yes") : t("details.no")}</>;
  if (isTimestamp(value))
    return (
      <time dateTime={value} style={{ whiteSpace: "nowrap" }}>
        {formatDateTime(value)}
      </time>
    );
  if (typeof value === "string" || typeof value === "number") return <>{String(value)}</>;
  if (Array.isArray(value) && value.every((v) => typeof v === "string" || typeof v === "number"))
    return <>{value.length === 0 ? <span className="muted">{t("details.empty")}</span> : value.join(", ")}</>;
  return <pre>{JSON.stringify(value, null, 2)}</pre>;
}

function JsonFigure({ caption, value }: { caption: string; value: unknown }) {
  const { t } = useTranslation("auditLog");
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="field-label">{caption}</figcaption>
      {value === null || value === undefined ? (
        <p className="muted">{t("details.empty")}</p>
      ) : (
        <pre>{JSON.stringify(value, null, 2)}</pre>
      )}
    </figure>
  );
}
