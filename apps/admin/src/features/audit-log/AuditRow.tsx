import { getRouteApi } from "@tanstack/react-router";
import { Fragment, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Badge, Button } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import type { AuditEntry } from "./api";
import { diffFields, entityName, type FieldRow, isRecord, isTimestamp } from "./diff";
import { EntityLink } from "./EntityLink";
import { fieldLabel, formatFieldValue, isIdField, useTranslate } from "./fields";

const route = getRouteApi("/app/o/$orgId/audit-log");

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
          <EntityName entry={entry} />
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
  // Ids are left out: the object is named and linked in the row above, and other ids mean nothing to people.
  const rows = diffFields(entry.before, entry.after)?.filter(
    (row) => !isIdField(row.key, row.before) || !isIdField(row.key, row.after),
  );
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
    </div>
  );
}

function FieldDiffRow({ row }: { row: FieldRow }) {
  const { t } = useTranslation("auditLog");
  const translate = useTranslate();
  const highlighted = row.status !== "unchanged";
  return (
    <tr style={highlighted ? { background: "var(--color-warning-light)" } : undefined}>
      <th scope="row" style={{ background: "transparent", fontWeight: highlighted ? 700 : 400 }}>
        {fieldLabel(row.key, translate)}
      </th>
      <td>
        <Value field={row.key} value={row.before} />
      </td>
      <td>
        <Value field={row.key} value={row.after} />
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

function Value({ field, value }: { field: string; value: unknown }) {
  const translate = useTranslate();
  if (isTimestamp(value))
    return (
      <time dateTime={value} style={{ whiteSpace: "nowrap" }}>
        {formatDateTime(value)}
      </time>
    );
  const text = formatFieldValue(field, value, translate);
  if (text !== null) return <>{text}</>;
  if (isRecord(value))
    return (
      <dl className="facts">
        {Object.entries(value)
          .filter(([key, inner]) => !isIdField(key, inner))
          .map(([key, inner]) => (
            <Fragment key={key}>
              <dt>{fieldLabel(key, translate)}</dt>
              <dd>
                <Value field={key} value={inner} />
              </dd>
            </Fragment>
          ))}
      </dl>
    );
  return (
    <ul style={{ margin: 0, paddingInlineStart: "1.25rem" }}>
      {(value as unknown[]).map((item, index) => (
        // Items of a logged list have no identity of their own beyond their place in it.
        <li key={index}>
          <Value field={field} value={item} />
        </li>
      ))}
    </ul>
  );
}

/** The object's kind in words, and its name linked to its page where it has both. */
function EntityName({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation("auditLog");
  const { orgId } = route.useParams();
  const name = entry.entityName ?? entityName(entry.before, entry.after);
  const type = t(`entityTypes.${entry.entityType}`, { defaultValue: entry.entityType });
  if (!name)
    return (
      <EntityLink orgId={orgId} entityType={entry.entityType} entityId={entry.entityId}>
        {type}
      </EntityLink>
    );
  return (
    <>
      {type}
      <br />
      <EntityLink orgId={orgId} entityType={entry.entityType} entityId={entry.entityId}>
        {name}
      </EntityLink>
    </>
  );
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
