import { Fragment, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Button } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import type { AuditEntry } from "./api";
import { diffFields, entityName, type FieldRow, isTimestamp } from "./diff";

/** The columns of the log's table (AuditLogPage's header row): the details row spans them all. */
const COLUMNS = 5;

/** An action's name in words; an action this version of the admin does not know is shown as it is. */
export function useActionLabel() {
  const { t } = useTranslation("auditLog");
  return (action: string) => t(`actions.${action}`, { defaultValue: action });
}

/** One entry of the log, and below it the row its "Visa" button opens with what the change was. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
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
