import {
  AUDIT_ACTION_FAMILIES,
  AUDIT_ACTION_FAMILY_NAMES,
  AUDIT_ACTIONS,
  type AuditActionFamily,
} from "@nns/domain";
import { getRouteApi } from "@tanstack/react-router";
import { type ReactNode, useId, useState } from "react";
import { Form } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../components/choice";
import { Pagination } from "../../components/Pagination";
import { ScrollableTable } from "../../components/ScrollableTable";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { Button, PageHeader } from "../../components/ui";
import { useCursorPages } from "../../lib/pagination";
import { AuditRow, useActionLabel } from "./AuditRow";
import { type AuditFilters, useAuditLog } from "./api";
import "./i18n";

const route = getRouteApi("/app/o/$orgId/audit-log");

const ALL = "all";

const NO_FILTERS: AuditFilters = { family: "", action: "", from: "", to: "" };

function hasFilters(filters: AuditFilters): boolean {
  return Object.values(filters).some((value) => value !== "");
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

  const familyOptions = [
    { id: ALL, label: t("filters.anyFamily") },
    ...AUDIT_ACTION_FAMILY_NAMES.map((family) => ({ id: family, label: t(`families.${family}`) })),
  ];
  // With an area chosen, only its events; the whole list is long.
  const actions: readonly string[] = draft.family ? AUDIT_ACTION_FAMILIES[draft.family] : AUDIT_ACTIONS;
  const actionOptions = [
    { id: ALL, label: t("filters.anyAction") },
    ...actions.map((action) => ({ id: action, label: actionLabel(action) })),
  ];
  const chooseFamily = (value: string) =>
    setDraft((d) => {
      const family = value === ALL ? "" : (value as AuditActionFamily);
      const keepAction = !family || (AUDIT_ACTION_FAMILIES[family] as readonly string[]).includes(d.action);
      return { ...d, family, action: keepAction ? d.action : "" };
    });

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
              label={t("filters.family")}
              options={familyOptions}
              value={draft.family || ALL}
              onChange={chooseFamily}
            />
            <SelectField
              label={t("filters.action")}
              options={actionOptions}
              value={draft.action || ALL}
              onChange={(value) => setDraft((d) => ({ ...d, action: value === ALL ? "" : value }))}
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
